export {
  createMockBillingPortal,
  type MockBillingPortal,
  type MockBillingPortalOptions,
  type ForcedError,
  type RecordedRequest,
} from "./mockBillingPortal";
export { CustomerStore, generateId, type CustomerSeed } from "./customerStore";
