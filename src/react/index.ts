export { BillingPortalProvider, type BillingPortalProviderProps } from "./BillingPortalProvider";
export type { Appearance } from "./context";
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
