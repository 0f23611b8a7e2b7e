/**
 * `BillingPage` with 100 charges in a JSDOM page (the library from source, MSW in front
 * of the mock endpoint): how often each section renders while the page loads, and then
 * whether one section's new data re-renders another (goal: never). Renders are counted
 * from the fibers of every commit (a component that did work) and a <Profiler> around
 * the page; no timing is asserted.
 */
import { performance } from "node:perf_hooks";
import type { Charge } from "../../src/core/billing";
import type { Customer } from "../../src/core/customer";
import type { ChargeSeed } from "../../src/testing/ching/charges";
import { customerObject } from "../../test/fixtures";
import { createRenderCounter, installDom } from "./dom";

/** The section components, by the names React gives their functions. */
export const SECTIONS = ["CustomerProfile", "BillingHistory", "ManageSection"] as const;
type Section = (typeof SECTIONS)[number];

export interface BillingPageFigures {
  charges: number;
  /** Rows on screen once loaded (one page). */
  rows: number;
  /** Requests the mock endpoint answered while the page loaded, by path kind. */
  requests: { charges: number; me: number; documents: number; all: number };
  /** Renders of each section until the page settled (lazy chunks, data, receipts). */
  mountRenders: Record<Section, number>;
  /** Profiler commits around the page until it settled, and their summed actualDuration. */
  commits: number;
  actualDurationMs: number;
  settledMs: number;
  /** Renders of each section when only the charges change (a refund came in). */
  afterChargesChange: Record<Section, number>;
  /** Renders of each section when only the customer changes (a new name). */
  afterCustomerChange: Record<Section, number>;
}

const TAL: Customer = customerObject();
const DAY = 86_400_000;

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition() && performance.now() < deadline) await new Promise<void>((resolve) => setTimeout(resolve, 2));
}
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 100));

export async function runBillingPageBench(chargeCount = 100): Promise<BillingPageFigures> {
  const dom = installDom();
  const { Profiler } = await import("react");
  const { createRoot } = await import("react-dom/client");
  const { act } = await import("react");
  const { setupServer } = await import("msw/node");
  const { QueryClient } = await import("@tanstack/react-query");
  const { BillingPage, BillingPortalProvider, billingPortalKeys } = await import("../../src/index");
  const { createMockBillingPortal } = await import("../../src/testing/index");
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  void act;

  const start = Date.UTC(2026, 10, 1);
  const charges: ChargeSeed[] = Array.from({ length: chargeCount }, (_, i) => ({
    customer: TAL.id,
    amount: 1_000 + i * 37,
    description: `Order ${i + 1}`,
    card_brand: "visa",
    card_last4: "4242",
    installments: i % 9 === 0 ? 3 : undefined,
    refunded_amount: i % 11 === 0 ? 500 : undefined,
    status: i % 13 === 0 ? "failed" : undefined,
    created: new Date(start - i * DAY).toISOString(),
  }));
  const portal = createMockBillingPortal({ customers: [TAL], signedIn: TAL.id, charges });
  const server = setupServer(...portal.handlers);
  server.listen({ onUnhandledRequest: "error" });
  const queryClient = new QueryClient();

  let renders: string[] = [];
  const countRenders = createRenderCounter();
  dom.onCommit((fiberRoot) => renders.push(...countRenders(fiberRoot)));
  const tally = (): Record<Section, number> =>
    Object.fromEntries(SECTIONS.map((name) => [name, renders.filter((rendered) => rendered === name).length])) as Record<Section, number>;

  let commits = 0;
  let actualDurationMs = 0;
  const container = dom.document.createElement("div");
  dom.document.body.append(container);
  const root = createRoot(container);
  const started = performance.now();
  try {
    root.render(
      <BillingPortalProvider endpoint="/api/billing" locale="he" queryClient={queryClient}>
        <Profiler
          id="BillingPage"
          onRender={(_id, _phase, duration) => {
            commits++;
            actualDurationMs += duration;
          }}
        >
          <BillingPage />
        </Profiler>
      </BillingPortalProvider>,
    );
    const receiptsLabelled = () => {
      const links = [...container.querySelectorAll(".ching-history a")];
      return links.length > 0 && links.every((link) => /\d/.test(link.textContent ?? ""));
    };
    await until(() => container.querySelectorAll(".ching-history tbody tr").length > 0 && container.textContent?.includes(TAL.name) === true && receiptsLabelled(), 15_000);
    await settle();
    const settledMs = performance.now() - started;
    const mountRenders = tally();
    const rows = container.querySelectorAll(".ching-history tbody tr").length;
    const requests = {
      charges: portal.requests.filter((r) => r.path === "/customers/me/charges").length,
      me: portal.requests.filter((r) => r.path === "/customers/me").length,
      documents: portal.requests.filter((r) => r.path.startsWith("/customers/me/documents/")).length,
      all: portal.requests.length,
    };
    const mountCommits = commits;
    const mountDuration = actualDurationMs;

    renders = [];
    queryClient.setQueryData<Charge[]>(billingPortalKeys.charges(), (old) =>
      old?.map((charge, index) => (index === 0 ? { ...charge, refunded_amount: charge.amount } : charge)),
    );
    await settle();
    const afterChargesChange = tally();

    renders = [];
    queryClient.setQueryData<Customer | null>(billingPortalKeys.me(), (old) => (old ? { ...old, name: `${old.name} (renamed)` } : old));
    await settle();
    const afterCustomerChange = tally();

    return {
      charges: chargeCount,
      rows,
      requests,
      mountRenders,
      commits: mountCommits,
      actualDurationMs: mountDuration,
      settledMs,
      afterChargesChange,
      afterCustomerChange,
    };
  } finally {
    root.unmount();
    await new Promise<void>((resolve) => setTimeout(resolve, 50));
    server.close();
    queryClient.clear();
    dom.onCommit(undefined);
    dom.uninstall();
  }
}

// Run alone: `npx tsx scripts/bench/billingPage.tsx`
if (process.argv[1]?.endsWith("billingPage.tsx")) {
  console.log(JSON.stringify(await runBillingPageBench(), null, 2));
}
