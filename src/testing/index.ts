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
export {
  customerSchema,
  createCustomerSchema,
  updateCustomerSchema,
  type Customer,
  type CreateCustomerInput,
  type UpdateCustomerInput,
  type CustomerMetadata,
} from "../core/customer";
export type { ErrorDetail } from "../core/envelope";
export type { BillingPortalIssue } from "../core/error";
