export {
  createMockBillingPortal,
  type MockBillingPortal,
  type MockBillingPortalOptions,
  type ForcedError,
  type RecordedRequest,
} from "./mockBillingPortal";
export { CustomerStore, generateId, type CustomerSeed } from "./customerStore";
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
} from "./mockChing";
