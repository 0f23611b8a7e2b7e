import { QueryClient } from "@tanstack/react-query";
import { render, type RenderOptions } from "@testing-library/react";
import axe from "axe-core";
import type { ReactElement, ReactNode } from "react";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { BillingPortalProvider, type BillingPortalProviderProps } from "../../src/react";
import { createMockBillingPortal, type MockBillingPortal } from "../../src/testing";

export { customerObject, DANA, TAL } from "../fixtures";

/** No retries: an error shows at once. */
function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

type ProviderProps = Partial<Omit<BillingPortalProviderProps, "children">>;

/** Renders `ui` in a provider; `rerenderWith` changes the provider's props (e.g. the locale) in place. */
export function renderInProvider(ui: ReactElement, props: ProviderProps = {}, options?: Omit<RenderOptions, "wrapper">) {
  const queryClient = props.queryClient ?? testQueryClient();
  let current: ProviderProps = { ...props, queryClient };
  const tree = (node: ReactNode) => (
    <BillingPortalProvider endpoint="/api/billing" {...current}>
      {node}
    </BillingPortalProvider>
  );
  const result = render(tree(ui), options);
  return {
    ...result,
    queryClient,
    rerenderWith(next: ProviderProps, nextUi: ReactElement = ui) {
      current = { ...current, ...next };
      result.rerender(tree(nextUi));
    },
  };
}

/** axe finds nothing. jsdom does not lay out or paint, so colour contrast is left to the browser stories. */
export async function expectNoAxeViolations(context: Element = document.body) {
  const results = await axe.run(context, { rules: { "color-contrast": { enabled: false } } });
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

/**
 * An MSW server for this test file (listening before its tests, reset after
 * each) and `usePortal`, which puts a fresh mock endpoint in front of it.
 */
export function mockEndpoint() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return {
    server,
    usePortal(...args: Parameters<typeof createMockBillingPortal>): MockBillingPortal {
      const portal = createMockBillingPortal(...args);
      server.use(...portal.handlers);
      return portal;
    },
  };
}
