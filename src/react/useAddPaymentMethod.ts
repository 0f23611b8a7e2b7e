import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { PaymentMethod } from "../core/billing";
import { createSetupSession, type ReturnUrlInput } from "../core/billingClient";
import type { BillingPortalError } from "../core/error";
import { paymentMethodsQueryOptions, refreshBilling, setupSessionQueryOptions } from "./billingQueryOptions";
import { useBillingPortalContext } from "./context";
import { currentPageUrl, rememberSetupSession, takeSetupReturn, type SetupReturnInfo } from "./setupReturn";

export interface UseAddPaymentMethodOptions {
  /** How often the session is asked after a return. Default 1500 ms. */
  pollIntervalMs?: number;
  /** How long it is asked before giving up with `timeout`. Default 20 000 ms. */
  pollTimeoutMs?: number;
  /** Goes to the hosted page. Default `window.location.assign(url)`; a test or a router may pass its own. */
  navigate?: (url: string) => void;
}

/** Where a return from the hosted add-card page stands. */
export type SetupReturnStatus = "checking" | "succeeded" | "canceled" | "failed" | "expired" | "timeout";

export interface SetupReturn {
  status: SetupReturnStatus;
  /** The card the session saved, once it is in the refreshed list. */
  paymentMethod: PaymentMethod | null;
  /** Forgets the return (e.g. once its message was read). */
  dismiss(): void;
}

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

/** Outside `billingPortalKeys.all` on purpose: refreshing billing data must not read the (cleaned) URL again. */
const RETURN_KEY = ["ching-billing-portal:setup-return"] as const;
const STILL_GOING = new Set(["pending", "requires_action"]);

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
  const { pollIntervalMs = 1500, pollTimeoutMs = 20_000, navigate = (url: string) => window.location.assign(url) } = options;
  const { client, queryClient } = useBillingPortalContext("useAddPaymentMethod");

  const starting = useMutation<void, BillingPortalError, ReturnUrlInput | undefined>(
    {
      mutationFn: async (input) => {
        const session = await createSetupSession(client, { returnUrl: input?.returnUrl ?? currentPageUrl() });
        rememberSetupSession(session.id);
        navigate(session.url);
      },
      retry: false,
    },
    queryClient,
  );

  // Read once per page, in the browser only, and shared by every component that asks.
  const { data: info = null } = useQuery<SetupReturnInfo | null>(
    {
      queryKey: RETURN_KEY,
      queryFn: () => takeSetupReturn(),
      enabled: typeof window !== "undefined",
      staleTime: Number.POSITIVE_INFINITY,
      gcTime: Number.POSITIVE_INFINITY,
      retry: false,
    },
    queryClient,
  );
  const id = info?.outcome === "success" ? info.setupSessionId : null;
  const deadline = (info?.at ?? 0) + pollTimeoutMs;

  const session = useQuery(
    {
      ...setupSessionQueryOptions(client, id ?? ""),
      enabled: id !== null,
      refetchInterval: (query) =>
        STILL_GOING.has(query.state.data?.status ?? "pending") && Date.now() < deadline ? pollIntervalMs : false,
    },
    queryClient,
  );

  // Past the deadline a session still pending is given up on; set by a timer, not read from the clock in render.
  const [timedOut, setTimedOut] = useState(false);
  useEffect(() => {
    if (id === null) return;
    const timer = setTimeout(() => setTimedOut(true), Math.max(0, deadline - Date.now()));
    return () => clearTimeout(timer);
  }, [id, deadline]);

  let status: SetupReturnStatus | null = null;
  if (info) {
    const state = session.data?.status;
    if (info.outcome === "cancel") status = "canceled";
    else if (state === "succeeded" || state === "failed" || state === "expired") status = state;
    else if (state === "canceled") status = "canceled";
    // No id to ask (storage off), a session that keeps pending, or one that cannot be read.
    else if (id === null || timedOut || session.isError) status = "timeout";
    else status = "checking";
  }

  // Once the outcome is known the cards (and the default card of the customer) are read again.
  const settled = status !== null && status !== "checking";
  useEffect(() => {
    if (settled) void refreshBilling(queryClient);
  }, [settled, queryClient]);

  const cards = useQuery({ ...paymentMethodsQueryOptions(client), enabled: status === "succeeded" }, queryClient);
  const saved = session.data?.payment_method;
  const paymentMethod = (status === "succeeded" && saved && cards.data?.find((card) => card.id === saved)) || null;

  return {
    start: (input) => starting.mutate(input),
    isStarting: starting.isPending,
    error: starting.error,
    returned:
      status === null ? null : { status, paymentMethod, dismiss: () => queryClient.setQueryData(RETURN_KEY, null) },
  };
}
