import { useMutation } from "@tanstack/react-query";
import type { ReturnUrlInput } from "../core/billingClient";
import type { BillingPortalError } from "../core/error";
import { useBillingPortalContext } from "./context";
import { startSetup } from "./setupReturn";
import {
  assignLocation,
  useSetupReturnInfo,
  useSetupReturnStatus,
  type SetupReturn,
  type SetupReturnStatus,
  type UseAddPaymentMethodOptions,
} from "./setupReturnStatus";

export type { SetupReturn, SetupReturnStatus, UseAddPaymentMethodOptions };

export interface UseAddPaymentMethodResult {
  /**
   * Starts Ching's hosted add-card page and goes there in this tab. Call it in
   * the click handler (no popup is opened, so nothing is blocked). `returnUrl`
   * defaults to this page.
   */
  start(input?: ReturnUrlInput): void;
  /** True from the click until the browser leaves for the hosted page. */
  isStarting: boolean;
  /** Why the hosted page could not be started. */
  error: BillingPortalError | null;
  /** A return from the hosted page, while it is checked and after; `null` when there was none. */
  returned: SetupReturn | null;
}

const NAME = "useAddPaymentMethod";

/**
 * Adding a card on Ching's hosted page, and the return from it: on the way
 * back it reads `ching_setup` from the URL, asks the session every ~1.5 s for
 * up to 20 s, refreshes the cards, and removes the parameters from the URL.
 *
 * @example
 * const add = useAddPaymentMethod();
 * <button onClick={() => add.start()} disabled={add.isStarting}>Add card</button>
 * {add.returned?.status === "succeeded" && <p>Card •••• {add.returned.paymentMethod?.card.last4} added</p>}
 */
export function useAddPaymentMethod(options: UseAddPaymentMethodOptions = {}): UseAddPaymentMethodResult {
  const { navigate = assignLocation } = options;
  const { client, queryClient } = useBillingPortalContext(NAME);
  const starting = useMutation<void, BillingPortalError, ReturnUrlInput | undefined>(
    { mutationFn: (input) => startSetup(client, navigate, input), retry: false },
    queryClient,
  );
  const returned = useSetupReturnStatus(NAME, useSetupReturnInfo(NAME), options);
  return {
    start: (input) => starting.mutate(input),
    isStarting: starting.isPending,
    error: starting.error,
    returned,
  };
}
