import { useQuery, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { PaymentMethod } from "../core/billing";
import { paymentMethodsQueryOptions, refreshBilling, setupSessionQueryOptions } from "./billingQueryOptions";
import { useBillingPortalContext } from "./context";
import { mayNameSetupReturn } from "../core/protocol";
import type { SetupReturnInfo } from "./setupReturn";

/**
 * The parts of `useAddPaymentMethod`, apart: `PaymentMethods` reads whether
 * the page came back from the hosted add-card page on first load, and loads
 * the start and the polling only when they are wanted (a click on Add card, or
 * such a return). The hook puts them back together.
 */

/** Where a return from the hosted add-card page stands. */
export type SetupReturnStatus = "checking" | "succeeded" | "canceled" | "failed" | "expired" | "timeout";

export interface SetupReturn {
  status: SetupReturnStatus;
  /** The card the session saved, once it is in the refreshed list. */
  paymentMethod: PaymentMethod | null;
  /** Forgets the return (e.g. once its message was read). */
  dismiss(): void;
}

export interface UseAddPaymentMethodOptions {
  /** How often the session is asked after a return. Default 1500 ms. */
  pollIntervalMs?: number;
  /** How long it is asked before giving up with `timeout`. Default 20 000 ms. */
  pollTimeoutMs?: number;
  /** Goes to the hosted page. Default `window.location.assign(url)`; a test or a router may pass its own. */
  navigate?: (url: string) => void;
}

/** Outside `billingPortalKeys.all` on purpose: refreshing billing data must not read the (cleaned) URL again. */
const RETURN_KEY = ["ching-billing-portal:setup-return"] as const;
const STILL_GOING = new Set(["pending", "requires_action"]);

/** The default way to the hosted page. */
export const assignLocation = (url: string) => window.location.assign(url);

/** Forgets the return: its notice goes. */
export function dismissSetupReturn(queryClient: QueryClient): void {
  queryClient.setQueryData(RETURN_KEY, null);
}

/**
 * Whether the page may have come back from the hosted add-card page: the URL
 * names a return, or it was read already (by `useAddPaymentMethod` elsewhere
 * on the page) and not dismissed. Cheap, for a first load: `PaymentMethods`
 * loads the return's reading and polling only then. In the browser only.
 */
export function maySetupReturn(queryClient: QueryClient): boolean {
  return mayNameSetupReturn(window.location.search) || queryClient.getQueryData(RETURN_KEY) != null;
}

/**
 * The return in the URL (read once per page, in the browser only, and shared
 * by every component that asks), else `null`. The reading itself loads only
 * when the URL names a return.
 */
export function useSetupReturnInfo(consumerName: string): SetupReturnInfo | null {
  const { queryClient } = useBillingPortalContext(consumerName);
  const { data = null } = useQuery<SetupReturnInfo | null>(
    {
      queryKey: RETURN_KEY,
      queryFn: () =>
        mayNameSetupReturn(window.location.search) ? import("./setupReturn").then((module) => module.takeSetupReturn()) : null,
      enabled: typeof window !== "undefined",
      staleTime: Number.POSITIVE_INFINITY,
      gcTime: Number.POSITIVE_INFINITY,
      retry: false,
    },
    queryClient,
  );
  return data;
}

/**
 * How the return `info` went: asks the session every ~1.5 s for up to 20 s,
 * then refreshes the cards and finds the new one in them.
 */
export function useSetupReturnStatus(consumerName: string, info: SetupReturnInfo | null, options: UseAddPaymentMethodOptions = {}): SetupReturn | null {
  const { pollIntervalMs = 1500, pollTimeoutMs = 20_000 } = options;
  const { client, queryClient } = useBillingPortalContext(consumerName);
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

  return status === null ? null : { status, paymentMethod, dismiss: () => dismissSetupReturn(queryClient) };
}
