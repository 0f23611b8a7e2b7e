import { QueryClient } from "@tanstack/react-query";
import { createElement, useEffect, useMemo, useState, type ReactElement, type ReactNode } from "react";
import { createEndpointConfig, type CredentialsOption, type HeadersOption } from "../core/client";
import type { Locale } from "../core/customer";
import type { MessageOverrides } from "../core/messages";
import { BillingPortalContext, type BillingPortalContextValue } from "./context";

export interface BillingPortalProviderProps {
  /**
   * Base URL of the route where you mounted `createBillingPortalHandler`.
   * @example "/api/billing"
   */
  endpoint: string;
  /** The UI's locale. Default: the customer's own preferred `locale`, else `"he"`. */
  locale?: Locale;
  /**
   * A QueryClient to keep billing data in. Default: one created for this
   * provider (never shared between providers, so server renders never mix users).
   */
  queryClient?: QueryClient;
  /** The fetch to call the endpoint with. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /**
   * Headers for every request, or an (async) function answering them.
   * @example headers={async () => ({ Authorization: `Bearer ${await getToken()}` })}
   */
  headers?: HeadersOption;
  /** `credentials` of every request. Default: `"same-origin"` (sends your session cookie). */
  credentials?: CredentialsOption;
  /** Milliseconds to wait for the endpoint before failing with `TIMEOUT`. Default: 15 000. */
  timeoutMs?: number;
  /**
   * Overrides of any string, per locale.
   * @example messages={{ en: { "profile.title": "Your account" } }}
   */
  messages?: MessageOverrides;
  /**
   * Theme and design tokens of the styled components, passed on to them as it
   * is (the package's root entry types it as their `Appearance`).
   */
  appearance?: unknown;
  children?: ReactNode;
}

/**
 * Makes the billing portal hooks and components work below it.
 *
 * @example
 * <BillingPortalProvider endpoint="/api/billing">
 *   <CustomerProfile />
 * </BillingPortalProvider>
 */
export function BillingPortalProvider(props: BillingPortalProviderProps): ReactElement {
  const { endpoint, locale, messages, appearance, children, credentials, timeoutMs, fetch, headers } = props;

  // One QueryClient per provider instance; a module-level one would be shared
  // between the requests of a server and hand one user's customer to another.
  const [ownQueryClient] = useState(() => new QueryClient());
  const queryClient = props.queryClient ?? ownQueryClient;

  useEffect(() => {
    // Focus and reconnect refetching need a mounted client; mounting is reference-counted.
    queryClient.mount();
    return () => queryClient.unmount();
  }, [queryClient]);

  // Made anew when an option changes (inline `headers` do on every render):
  // the hooks read the context on every render, so the next request always
  // uses the newest options.
  const value = useMemo<BillingPortalContextValue>(
    () => ({
      client: createEndpointConfig({ endpoint, credentials, timeoutMs, fetch, headers }),
      queryClient,
      locale,
      messages,
      appearance,
    }),
    [endpoint, credentials, timeoutMs, fetch, headers, queryClient, locale, messages, appearance],
  );

  return createElement(BillingPortalContext.Provider, { value }, children);
}
