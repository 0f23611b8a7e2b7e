import { createContext, useContext } from "react";
import type { QueryClient } from "@tanstack/react-query";
import type { EndpointConfig } from "../core/client";
import type { Locale } from "../core/customer";
import type { MessageOverrides } from "../core/messages";

export interface BillingPortalContextValue {
  /** The checked endpoint and request options the hooks call with. */
  client: EndpointConfig;
  queryClient: QueryClient;
  /** The locale the merchant chose, if any (the UI then ignores the customer's own). */
  locale: Locale | undefined;
  messages: MessageOverrides | undefined;
  /**
   * The provider's `appearance`, passed on untouched: the styled components
   * own its type (`Appearance`, src/components/appearance.ts) and read it; the hooks never do.
   */
  appearance: unknown;
}

export const BillingPortalContext = createContext<BillingPortalContextValue | null>(null);

/** The provider's context; `consumerName` names the hook or component in the error when there is none. */
export function useBillingPortalContext(consumerName: string): BillingPortalContextValue {
  const context = useContext(BillingPortalContext);
  if (!context) {
    throw new Error(`\`${consumerName}\` must be used within \`BillingPortalProvider\``);
  }
  return context;
}
