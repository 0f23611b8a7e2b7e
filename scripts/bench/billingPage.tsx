/**
 * `BillingPage` with 100 charges in a JSDOM page (the library from source, the
 * development build of React, MSW in front of the mock endpoint): the steps of
 * billingPageScenario.tsx, which the Chromium bench (billingPageChromium.ts) runs too.
 * No timing is asserted.
 */
import type { PageRun } from "./billingPageScenario";
import { BENCH_CARDS, BENCH_CUSTOMER, benchCharges, countRequests, type PageRequests } from "./billingPageData";
import { installDom } from "./dom";

export interface BillingPageFigures extends PageRun {
  charges: number;
  requests: PageRequests;
}

export async function runBillingPageBench(chargeCount = 100): Promise<BillingPageFigures> {
  const dom = installDom();
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  // React, react-dom and the library load only now that the page exists.
  const { setupServer } = await import("msw/node");
  const { QueryClient } = await import("@tanstack/react-query");
  const { createMockBillingPortal } = await import("../../src/testing/index");
  const { runBillingPageScenario } = await import("./billingPageScenario");

  const portal = createMockBillingPortal({ customers: [BENCH_CUSTOMER], signedIn: BENCH_CUSTOMER.id, paymentMethods: BENCH_CARDS, charges: benchCharges(chargeCount) });
  const server = setupServer(...portal.handlers);
  server.listen({ onUnhandledRequest: "error" });
  const queryClient = new QueryClient();
  try {
    let requests: PageRequests | undefined;
    const run = await runBillingPageScenario({
      document: dom.document,
      onCommit: (listener) => dom.onCommit(listener),
      queryClient,
      endpoint: "/api/billing",
      expected: { customerName: BENCH_CUSTOMER.name, cards: BENCH_CARDS.length },
      onSettled: () => {
        requests = countRequests(portal.requests.map((request) => request.path));
      },
    });
    return { ...run, charges: chargeCount, requests: requests ?? countRequests(portal.requests.map((request) => request.path)) };
  } finally {
    // React flushes an unmount's passive effects in a later task, which reads `window`: let it run first.
    await new Promise<void>((resolve) => setTimeout(resolve, 50));
    server.close();
    queryClient.clear();
    dom.uninstall();
  }
}

// Run alone: `npx tsx scripts/bench/billingPage.tsx`
if (process.argv[1]?.endsWith("billingPage.tsx")) {
  console.log(JSON.stringify(await runBillingPageBench(), null, 2));
}
