import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { PaymentMethod } from "../core/billing";
import type { BillingPortalError } from "../core/error";
import { paymentMethodsQueryOptions } from "./billingQueryOptions";
import { useBillingPortalContext } from "./context";
import { retryFor } from "./queryOptions";

/**
 * The signed-in person's active saved cards (`GET /customers/me/payment_methods`),
 * the default first, then newest. Ching decides which card is the default;
 * there is no way to change it here.
 *
 * @example
 * const { data: cards = [] } = usePaymentMethods();
 * cards.map((card) => `${card.card.brand} •••• ${card.card.last4}`);
 */
export function usePaymentMethods(): UseQueryResult<PaymentMethod[], BillingPortalError> {
  const { client, queryClient } = useBillingPortalContext("usePaymentMethods");
  return useQuery<PaymentMethod[], BillingPortalError>({ ...paymentMethodsQueryOptions(client), retry: retryFor(queryClient) }, queryClient);
}
