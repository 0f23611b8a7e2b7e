import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { createPortalSession, type ReturnUrlInput } from "../core/billingClient";
import type { BillingPortalError } from "../core/error";
import { refreshBilling } from "./billingQueryOptions";
import { useBillingPortalContext } from "./context";

export interface UseBillingPortalOptions extends ReturnUrlInput {
  /**
   * `"_self"` (default) leaves for the portal in this tab. `"_blank"` opens a tab inside the
   * click (so no popup blocker stops it) and points it at the portal when the link arrives;
   * when the browser blocks the tab anyway, this tab goes instead.
   */
  target?: "_self" | "_blank";
  /** Goes to the portal in this tab. Default `window.location.assign(url)`; a test or a router may pass its own. */
  navigate?: (url: string) => void;
}

export interface UseBillingPortalResult {
  /** Makes a fresh portal session and goes there. Call it in the click handler. */
  open(): void;
  isPending: boolean;
  /** Why the portal could not be opened (a tab opened for it is closed again). */
  error: BillingPortalError | null;
  reset(): void;
}

/**
 * The hand-off to Ching's hosted Billing Portal (subscriptions, every invoice):
 * a fresh, short-lived session per click. Coming back to this page (or to this
 * tab) refreshes the billing data.
 *
 * @example
 * const portal = useBillingPortal({ target: "_blank" });
 * <button onClick={portal.open} disabled={portal.isPending}>Manage billing</button>
 */
export function useBillingPortal(options: UseBillingPortalOptions = {}): UseBillingPortalResult {
  const { target = "_self", returnUrl, navigate = (url: string) => window.location.assign(url) } = options;
  const { client, queryClient } = useBillingPortalContext("useBillingPortal");
  const visited = useRef(false);

  const mutation = useMutation<void, BillingPortalError, Window | null>(
    {
      mutationFn: async (tab) => {
        try {
          const session = await createPortalSession(client, { returnUrl: returnUrl ?? window.location.href });
          visited.current = true;
          if (tab && !tab.closed) tab.location.href = session.url;
          else navigate(session.url);
        } catch (error) {
          tab?.close();
          throw error;
        }
      },
      retry: false,
    },
    queryClient,
  );

  useEffect(() => {
    // Back from the portal: a page restored from the back-forward cache, or this tab focused again.
    const refresh = (event: Event) => {
      if (!visited.current && !(event instanceof PageTransitionEvent && event.persisted)) return;
      visited.current = false;
      void refreshBilling(queryClient);
    };
    window.addEventListener("pageshow", refresh);
    window.addEventListener("focus", refresh);
    return () => {
      window.removeEventListener("pageshow", refresh);
      window.removeEventListener("focus", refresh);
    };
  }, [queryClient]);

  return {
    open() {
      let tab: Window | null = null;
      if (target === "_blank") {
        // Opened now, inside the click; the portal's URL comes after an await.
        tab = window.open("", "_blank");
        // The portal must not reach back into this page.
        if (tab) tab.opener = null;
      }
      mutation.mutate(tab);
    },
    isPending: mutation.isPending,
    error: mutation.error,
    reset: mutation.reset,
  };
}
