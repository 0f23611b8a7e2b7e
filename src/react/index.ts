export { BillingPortalProvider, type BillingPortalProviderProps } from "./BillingPortalProvider";
export { billingPortalKeys } from "./keys";
export { useCustomer } from "./useCustomer";
export { useCustomers } from "./useCustomers";
export { useCreateCustomer } from "./useCreateCustomer";
export { useUpdateCustomer } from "./useUpdateCustomer";
export { useLocale } from "./useLocale";
