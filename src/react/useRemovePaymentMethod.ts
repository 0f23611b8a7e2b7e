import { useMutation, type UseMutationResult } from "@tanstack/react-query";
import type { PaymentMethod } from "../core/billing";
import { detachPaymentMethod } from "../core/billingClient";
import type { BillingPortalError } from "../core/error";
import { useBillingPortalContext } from "./context";
import { meKey, paymentMethodsKey } from "./keys";

/**
 * Removes one of the signed-in person's saved cards. The card leaves the list
 * at once (optimistic); when the endpoint refuses (say, the card pays an active
 * subscription), it comes back and `error` says why. Never retried.
 *
 * @example
 * const remove = useRemovePaymentMethod();
 * remove.mutate(card.id, { onError: (error) => toast(error.message) });
 */
export function useRemovePaymentMethod(): UseMutationResult<PaymentMethod, BillingPortalError, string, { previous?: PaymentMethod[] }> {
  const { client, queryClient } = useBillingPortalContext("useRemovePaymentMethod");
  const key = paymentMethodsKey();
  return useMutation<PaymentMethod, BillingPortalError, string, { previous?: PaymentMethod[] }>(
    {
      mutationFn: (paymentMethodId) => detachPaymentMethod(client, paymentMethodId),
      retry: false,
      async onMutate(paymentMethodId) {
        // A list fetched mid-removal must not bring the card back.
        await queryClient.cancelQueries({ queryKey: key });
        const previous = queryClient.getQueryData<PaymentMethod[]>(key);
        queryClient.setQueryData<PaymentMethod[]>(key, previous?.filter((card) => card.id !== paymentMethodId));
        return { previous };
      },
      onError(_error, _id, context) {
        queryClient.setQueryData(key, context?.previous);
      },
      onSettled() {
        // The default card, and so the customer, may have changed with it.
        void queryClient.invalidateQueries({ queryKey: key });
        void queryClient.invalidateQueries({ queryKey: meKey() });
      },
    },
    queryClient,
  );
}
