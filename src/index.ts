/**
 * @ching/billing-portal-react: Ching's Billing Portal inside your React app.
 * The built file starts with "use client" (added by the build).
 */
export * from "./react";
export * from "./components";
// The provider as the components type it (with their `Appearance`), over the hooks' own.
export { BillingPortalProvider, type BillingPortalProviderProps } from "./components";
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
export { BillingPortalError, isBillingPortalError, type BillingPortalIssue } from "./core/error";
export { createEndpointClient, type EndpointClient, type EndpointClientOptions, type HeadersOption } from "./core/client";
export { directionOf, type Direction } from "./core/locale";
export { en, he, type Messages, type MessageKey, type MessageOverrides } from "./core/messages";
