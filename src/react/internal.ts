/**
 * The one internal module of the hooks layer that the styled components use
 * (besides its public index): the provider's context, the locale with the
 * component's name in the missing-provider error, and one fact of the signed-in
 * customer without re-rendering on its other fields. Not part of the package's API.
 */
export { useBillingPortalContext, type BillingPortalContextValue } from "./context";
export { useLocaleFor } from "./useLocale";
export { useCustomerSelect } from "./useCustomerSelect";
export { retryFor } from "./queryOptions";
// The parts of useAddPaymentMethod, so PaymentMethods loads the start and the polling only when wanted.
export { assignLocation, dismissSetupReturn, maySetupReturn, useSetupReturnInfo, useSetupReturnStatus } from "./setupReturnStatus";
export { startSetup, type SetupReturnInfo } from "./setupReturn";
