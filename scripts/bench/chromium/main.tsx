/**
 * The Chromium bench page: BillingPage from source in a production build of
 * React (billingPageChromium.ts builds it), against the real handler on
 * the page's own origin (127.0.0.1). It starts the scenario at once; Playwright
 * awaits `window.__billingPageBench.settled`, reads the renderer's CPU figures,
 * calls `resume()` for the scenario's changes, and awaits `result`.
 */
import { onCommit } from "./hook";
import { QueryClient } from "@tanstack/react-query";
import "../../../src/components/styles.css";
import { runBillingPageScenario, type PageRun } from "../billingPageScenario";

export interface BenchHandle {
  /** Resolves once the page has loaded and gone quiet, before the changes. */
  settled: Promise<void>;
  resume(): void;
  result: Promise<PageRun | { error: string }>;
}

declare global {
  interface Window {
    __billingPageBench?: BenchHandle;
  }
}

const expected = JSON.parse(document.querySelector("#bench-expected")?.textContent ?? "null") as { customerName: string; cards: number } | null;

let settle = () => {};
let resume = () => {};
const settled = new Promise<void>((resolve) => (settle = resolve));
const resumed = new Promise<void>((resolve) => (resume = resolve));
const failed = (error: unknown) => ({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });

const result: BenchHandle["result"] = expected
  ? runBillingPageScenario({
      document,
      onCommit,
      queryClient: new QueryClient(),
      endpoint: "/api/billing",
      expected,
      onSettled: () => {
        settle();
        return resumed;
      },
    }).catch(failed)
  : Promise.resolve(failed("the page has no #bench-expected: serve it through billingPageChromium.ts"));
// A run that fails before settling must not leave Playwright waiting.
void result.then(() => settle());

window.__billingPageBench = { settled, resume: () => resume(), result };
