/**
 * @ching/billing-portal-react: Ching's Billing Portal inside your React app.
 * The built file starts with "use client" (added by the build).
 */
export * from "./react";
export * from "./components";
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
} from "./core/customer";
export { toE164, formatPhone, formatAsYouType, type CountryCode } from "./core/phone";
export { BillingPortalError, isBillingPortalError, type BillingPortalIssue, type BillingPortalErrorInit } from "./core/error";
export { ERROR_CODES, type BillingPortalErrorCode } from "./core/errorCodes";
export {
  createEndpointClient,
  type EndpointClient,
  type EndpointClientOptions,
  type EndpointConfig,
  type HeadersOption,
  type RequestOptions,
} from "./core/client";
export { directionOf, type Direction } from "./core/locale";
// Types, schemas and id checks of saved cards, setup sessions, charges, documents and portal sessions.
export * from "./core/billing";
export type { ReturnUrlInput, StartedSetupSession, SetupSessionState, StartedPortalSession } from "./core/billingClient";
export { en, he, type Messages, type MessageKey, type MessageOverrides } from "./core/messages";
