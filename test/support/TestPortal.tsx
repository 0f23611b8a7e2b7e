import { QueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { BillingPortalProvider, type BillingPortalProviderProps } from "@ching/billing-portal-react";

/**
 * The one provider every test and story renders in (test/render.tsx for
 * Testing Library, stories/components/support.tsx for Storybook): the
 * mock endpoint's path and a QueryClient of its own.
 */
export type TestPortalProps = Partial<BillingPortalProviderProps> & {
  /**
   * How queries retry when no `queryClient` is given: `"none"` (default; an
   * error shows at once) or `"fast"` (the library's own retry policy, with 0 ms waits).
   */
  retries?: "none" | "fast";
  children?: ReactNode;
};

export function testQueryClient(retries: "none" | "fast" = "none"): QueryClient {
  return new QueryClient({ defaultOptions: { queries: retries === "fast" ? { retryDelay: 0 } : { retry: false } } });
}

export function TestPortal({ retries, queryClient, children, ...props }: TestPortalProps) {
  const [ownQueryClient] = useState(() => testQueryClient(retries));
  return (
    <BillingPortalProvider endpoint="/api/billing" {...props} queryClient={queryClient ?? ownQueryClient}>
      {children}
    </BillingPortalProvider>
  );
}
