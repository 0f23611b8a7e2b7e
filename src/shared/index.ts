/**
 * @ching/billing-portal-react/shared: what the browser and the server both use, on an
 * entry without "use client", so Server Components, route handlers and any Node code
 * can call it: the customer schemas and types, the phone helpers, the error class and
 * the error codes (`ERROR_CODES`, and `HANDLER_ERROR_CODES`, the handler's). The root entry exports the same names.
 *
 * @example
 * ```ts
 * // app/actions.ts (a Next.js Server Action)
 * import { toE164, createCustomerSchema } from "@ching/billing-portal-react/shared";
 * ```
 */
export {
  customerSchema,
  createCustomerSchema,
  updateCustomerSchema,
  isCustomerId,
  locales,
  type Customer,
  type CreateCustomerInput,
  type UpdateCustomerInput,
  type CustomerMetadata,
  type Locale,
} from "../core/customer";
export { toE164, formatPhone, formatAsYouType, type CountryCode } from "../core/phone";
export { BillingPortalError, isBillingPortalError, type BillingPortalIssue, type BillingPortalErrorInit } from "../core/error";
export { ERROR_CODES, HANDLER_ERROR_CODES, type BillingPortalErrorCode } from "../core/errorCodes";
export { directionOf, type Direction } from "../core/locale";
// Types, schemas and id checks of saved cards, setup sessions, charges, documents and portal sessions.
export * from "../core/billing";
