import { QueryClient } from "@tanstack/react-query";
import { render, renderHook, type RenderOptions } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";
import { BillingPortalProvider, type BillingPortalProviderProps } from "../../src/react";

/** A QueryClient whose retries wait 0 ms, so retry tests take no time; the retry policy stays ours. */
export function fastQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } });
}

export function renderWithProvider(
  ui: ReactElement,
  props: Partial<BillingPortalProviderProps> = {},
  options?: Omit<RenderOptions, "wrapper">,
) {
  const queryClient = props.queryClient ?? fastQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <BillingPortalProvider endpoint="/api/billing" {...props} queryClient={queryClient}>
      {children}
    </BillingPortalProvider>
  );
  return { queryClient, ...render(ui, { wrapper, ...options }) };
}

/** `renderHook` inside a provider with its own fast QueryClient. */
export function renderHookWithClient<T>(hook: () => T) {
  const queryClient = fastQueryClient();
  const view = renderHook(hook, {
    wrapper: ({ children }) => (
      <BillingPortalProvider endpoint="/api/billing" queryClient={queryClient}>
        {children}
      </BillingPortalProvider>
    ),
  });
  return { ...view, queryClient };
}
