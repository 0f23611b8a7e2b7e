/**
 * @ching/billing-portal-react/testing/ching: the in-memory Ching Customers API alone.
 * No msw and no React: it loads in plain Node, edge runtimes and test runners with
 * nothing else installed. `@ching/billing-portal-react/testing` exports the same names.
 */
export {
  createMockChing,
  MOCK_CHING_API_KEY,
  type MockChing,
  type MockChingOptions,
  type MockChingFault,
  type MockChingCall,
  type MockChingServer,
  type ForcedChingAnswer,
  type ChingRoute,
} from "../mockChing";
export type { CustomerSeed } from "../customerStore";
