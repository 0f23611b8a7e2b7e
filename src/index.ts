/**
 * @ching/billing-portal-react: Ching's Billing Portal inside your React app.
 * The built file starts with "use client" (added by the build).
 */
export * from "./react";
export * from "./components";
// Also on the server-safe entry `@ching/billing-portal-react/shared` (no "use client").
export * from "./shared";
export {
  createEndpointClient,
  type EndpointClient,
  type EndpointClientOptions,
  type EndpointConfig,
  type HeadersOption,
  type HeadersValue,
  type CredentialsOption,
  type RequestOptions,
} from "./core/client";
export type { ReturnUrlInput, StartedSetupSession, SetupSessionState, StartedPortalSession } from "./core/billingClient";
export { en, he, type Messages, type MessageKey, type MessageOverrides } from "./core/messages";
