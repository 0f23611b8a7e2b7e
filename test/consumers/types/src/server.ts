// /server and /shared as a route handler or Server Component uses them.
import { createBillingPortalHandler, toNodeHandler, type BillingPortalIdentity } from "@ching/billing-portal-react/server";
import {
  BillingPortalError,
  HANDLER_ERROR_CODES,
  createCustomerSchema,
  directionOf,
  formatPhone,
  isBillingPortalError,
  toE164,
  type CreateCustomerInput,
  type Customer,
} from "@ching/billing-portal-react/shared";

const identity: BillingPortalIdentity = { userId: "u1", customerId: null, email: "tal@example.com" };

export const handler = createBillingPortalHandler({
  apiKey: process.env.CHING_API_KEY ?? "",
  basePath: "/api/billing",
  identify: async () => identity,
  onCustomerCreated: async (customer: Customer) => void customer.id,
});
export const nodeHandler = toNodeHandler(handler);
export const answer: Promise<Response> = handler(new Request("http://localhost/api/billing/customers/me"));

export const phone: string | undefined = toE164("050-123-4567");
export const shown: string = formatPhone("+972501234567");
export const input: CreateCustomerInput = { name: "Tal Levi" };
export const parsed = createCustomerSchema.safeParse(input).success;
export const code: string = HANDLER_ERROR_CODES.misconfigured;
export const dir: "rtl" | "ltr" = directionOf("he");
export const error = new BillingPortalError({ status: 500, code, message: "x" });
export const known: boolean = isBillingPortalError(error);
