/**
 * @ching/billing-portal-react/testing/ching: the in-memory Ching alone. No msw and no
 * React: it loads in plain Node, edge runtimes and test runners with nothing else
 * installed. `@ching/billing-portal-react/testing` exports the same names.
 */
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
} from "../mockChing";
export type { CustomerSeed } from "../customerStore";
// What its methods take and answer, so that a test can name (and check) them.
export * from "../../core/customer";
export * from "../../core/billing";
