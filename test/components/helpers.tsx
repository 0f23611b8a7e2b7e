import axe from "axe-core";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { createMockBillingPortal, type MockBillingPortal } from "../../src/testing";

export { customerObject, DANA, TAL } from "../fixtures";
export { renderInProvider } from "../render";

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
