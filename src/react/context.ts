import { createContext, useContext } from "react";
import type { QueryClient } from "@tanstack/react-query";
import type { EndpointConfig } from "../core/client";
import type { Locale } from "../core/customer";
import type { MessageOverrides } from "../core/messages";

/** Theme and design tokens for the styled components. */
export interface Appearance {
  /** `"light"` (default), `"dark"`, or `"auto"` to follow the person's system setting. */
  theme?: "light" | "dark" | "auto";
  /**
   * Design tokens, by name without the `--ching-` prefix, e.g.
   * `{ "color-primary": "#0f766e", radius: "12px" }`.
   */
  variables?: Record<string, string>;
}

export interface BillingPortalContextValue {
  /** The checked endpoint and request options the hooks call with. */
  client: EndpointConfig;
  queryClient: QueryClient;
  /** The locale the merchant chose, if any (the UI then ignores the customer's own). */
  locale: Locale | undefined;
  messages: MessageOverrides | undefined;
  appearance: Appearance | undefined;
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
