export {
  createMockBillingPortal,
  type MockBillingPortal,
  type MockBillingPortalOptions,
  type ForcedError,
  type RecordedRequest,
} from "./mockBillingPortal";
export type { CustomerSeed } from "./customerStore";
export {
  createMockChing,
  demoBilling,
  MOCK_CHING_API_KEY,
  MOCK_CHING_HOSTED_BASE,
  type MockChing,
  type MockChingOptions,
  type MockChingFault,
  type MockChingCall,
  type MockChingServer,
  type MockPortalSession,
  type ForcedChingAnswer,
  type ChingRoute,
  type ChargeSeed,
  type CompleteSetupSessionOptions,
  type DemoBilling,
  type PaymentMethodSeed,
} from "./mockChing";
export * from "../core/customer";
export type { ErrorDetail } from "../core/envelope";
export type { BillingPortalIssue } from "../core/error";
// Types, schemas and id checks of saved cards, setup sessions, charges, documents and portal sessions.
export * from "../core/billing";
