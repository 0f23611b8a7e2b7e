/**
 * @ching/billing-portal-react/server: the merchant endpoint that holds the Ching key.
 * No React here, and no Node-only import: it runs wherever `Request` and `Response` do.
 */
export { createBillingPortalHandler, type BillingPortalHandler } from "./handler";
export { toNodeHandler, getNodeRequest, type NodeHandler, type ToNodeHandlerOptions } from "./node";
export { HANDLER_ERROR_CODES, MAX_BODY_BYTES } from "../core/envelope";
export {
  DEFAULT_API_BASE,
  DEFAULT_TIMEOUT_MS,
  type AuthorizeRequest,
  type BillingPortalHandlerOptions,
  type BillingPortalIdentity,
  type ErrorContext,
  type FetchLike,
} from "./options";
export { BillingPortalError, isBillingPortalError, type BillingPortalIssue, type BillingPortalErrorInit } from "../core/error";
export { ERROR_CODES, type BillingPortalErrorCode } from "../core/errorCodes";
export {
  customerSchema,
  createCustomerSchema,
  updateCustomerSchema,
  type Customer,
  type CreateCustomerInput,
  type UpdateCustomerInput,
  type CustomerMetadata,
} from "../core/customer";
export {
  setupSessionStatuses,
  chargeStatuses,
  billingDocumentTypes,
  type PaymentMethod,
  type CardDetails,
  type SetupSession,
  type SetupSessionStatus,
  type Charge,
  type ChargeStatus,
  type BillingDocument,
  type BillingDocumentType,
  type PortalSession,
} from "../core/billing";
