export { BillingPortalProvider, type BillingPortalProviderProps } from "./BillingPortalProvider";
export { billingPortalKeys } from "./keys";
export { useCustomer } from "./useCustomer";
export { useCustomers } from "./useCustomers";
export { useCreateCustomer } from "./useCreateCustomer";
export { useUpdateCustomer } from "./useUpdateCustomer";
export { useLocale } from "./useLocale";
export {
  customerQueryOptions,
  customersQueryOptions,
  createCustomerMutationOptions,
  updateCustomerMutationOptions,
  type CustomerMutationOptions,
  type BillingPortalQueryOptions,
  type RetryOption,
} from "./queryOptions";
export { usePaymentMethods } from "./usePaymentMethods";
export {
  useAddPaymentMethod,
  type UseAddPaymentMethodOptions,
  type UseAddPaymentMethodResult,
  type SetupReturn,
  type SetupReturnStatus,
} from "./useAddPaymentMethod";
export { useRemovePaymentMethod } from "./useRemovePaymentMethod";
export { useCharges } from "./useCharges";
export { useBillingPortal, type UseBillingPortalOptions, type UseBillingPortalResult } from "./useBillingPortal";
export { useDocumentPdfUrl } from "./useDocumentPdfUrl";
export {
  paymentMethodsQueryOptions,
  chargesQueryOptions,
  documentQueryOptions,
  createDefaultsQueryOptions,
  setupSessionQueryOptions,
} from "./billingQueryOptions";
export { useCreateDefaults } from "./useCreateDefaults";
