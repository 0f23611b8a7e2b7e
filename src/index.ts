/**
 * @ching/billing-portal-react: Ching's Billing Portal inside your React app.
 * The built file starts with "use client" (added by the build).
 */
// First, so a bundle of the whole entry keeps every area's strings together (they compress better side by side).
export { en, he, type Messages, type MessageKey, type MessageOverrides } from "./core/messages";
export * from "./react";
export * from "./components";
// Also on the server-safe entry `@ching/billing-portal-react/shared` (no "use client").
export * from "./shared";
// The provider as the components type it (with their `Appearance`), over the hooks' own.
export { BillingPortalProvider, type BillingPortalProviderProps } from "./components";
/** The hooks' own provider props, which the components' `BillingPortalProviderProps` extends with a typed `appearance`. */
export type { BillingPortalProviderProps as BillingPortalHooksProviderProps } from "./react";
export { createEndpointClient, type EndpointClient } from "./core/endpointClient";
export {
  type EndpointClientOptions,
  type EndpointConfig,
  type CreateDefaults,
  type HeadersOption,
  type HeadersValue,
  type CredentialsOption,
  type RequestOptions,
} from "./core/client";
export type { ReturnUrlInput, StartedSetupSession, SetupSessionState, StartedPortalSession } from "./core/billingClient";
