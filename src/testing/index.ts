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
export {
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
} from "../core/billing";
