/**
 * @ching/billing-portal-react/testing: the in-memory Ching and the MSW mock of the
 * merchant endpoint. msw is an optional peer dependency that only
 * `createMockBillingPortal` needs, so it is loaded here lazily: the in-memory Ching
 * works from this entry without msw installed. (A bundler still resolves the lazy
 * import; code bundled without msw imports `@ching/billing-portal-react/testing/ching`.)
 */
import type * as MockBillingPortalModule from "./mockBillingPortal";
import type { MockBillingPortal, MockBillingPortalOptions } from "./mockBillingPortal";

export type { MockBillingPortal, MockBillingPortalOptions, ForcedError, RecordedRequest } from "./mockBillingPortal";
export * from "./ching/index";
export type { ErrorDetail } from "../core/envelope";
export type { BillingPortalIssue } from "../core/error";

/** True when `error` says the package `msw` could not be found (Node, Vite and webpack word it differently). */
function isMissingMsw(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /['"`]?msw['"`]?/.test(message) && /cannot find|failed to (load|resolve)|not found|could not resolve/i.test(message);
}

// Top-level await: the module that imports msw has loaded (or failed to) before anything here runs.
const portalModule: typeof MockBillingPortalModule | undefined = await import("./mockBillingPortal").catch((error: unknown) => {
  if (isMissingMsw(error)) return undefined;
  throw error;
});

/**
 * MSW handlers that answer the merchant endpoint protocol as `createBillingPortalHandler`
 * in front of Ching does (it is that handler, in front of the in-memory Ching). Needs msw.
 *
 * @example
 * ```ts
 * import { setupServer } from "msw/node";
 * const portal = createMockBillingPortal({ customers: [{ id: "cus_V8ltq1pK_MWH", name: "Tal Levi" }], signedIn: "cus_V8ltq1pK_MWH" });
 * const server = setupServer(...portal.handlers);
 * ```
 */
export function createMockBillingPortal(options: MockBillingPortalOptions = {}): MockBillingPortal {
  if (!portalModule) {
    throw new Error(
      "createMockBillingPortal needs msw, an optional peer dependency: npm install --save-dev msw. " +
        "(The in-memory Ching alone needs nothing: createMockChing from @ching/billing-portal-react/testing/ching.)",
    );
  }
  return portalModule.createMockBillingPortal(options);
}
