/**
 * @ching/billing-portal-react: Ching's Billing Portal inside your React app.
 * The built file starts with "use client" (added by the build).
 */
export * from "./react";
export * from "./components";
// The provider as the components type it (with their `Appearance`), over the hooks' own.
export { BillingPortalProvider, type BillingPortalProviderProps } from "./components";
/** The hooks' own provider props, which the components' `BillingPortalProviderProps` extends with a typed `appearance`. */
export type { BillingPortalProviderProps as BillingPortalHooksProviderProps } from "./react";
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
export {
  isPaymentMethodId,
  isSetupSessionId,
  isChargeId,
  isDocumentId,
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
} from "./core/billing";
export type { ReturnUrlInput, StartedSetupSession, SetupSessionState, StartedPortalSession } from "./core/billingClient";
export { en, he, type Messages, type MessageKey, type MessageOverrides } from "./core/messages";
