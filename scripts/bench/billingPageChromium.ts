/**
 * `BillingPage` with 100 charges in Chromium: the steps of billingPageScenario.tsx
 * (the jsdom bench's, see billingPage.tsx) in a real browser.
 *
 *   - the page (chromium/main.tsx) is built by Vite into a temporary folder, as a
 *     merchant would ship it: production React (not react-dom's profiling build, which
 *     logs every component's render and effects to the performance timeline: a fifth of
 *     the main thread's time in a CPU profile of this page), function names kept for
 *     the report of a stray re-render; renders are counted through the DevTools hook,
 *     which production builds call too (<Profiler> reports nothing there);
 *   - one Node server on 127.0.0.1 serves it and mounts the real handler
 *     (`createBillingPortalHandler`) in front of the in-memory Ching, seeded as the
 *     jsdom bench's MSW mock is (billingPageData.ts);
 *   - Debian's Chromium (playwright-core, CHROMIUM_PATH or /usr/bin/chromium, no
 *     download) loads the page `runs` times, each in a fresh context (cold cache);
 *     its resolver knows no host but 127.0.0.1.
 *
 * Bounded: `runs` loads (default 5), each given `runTimeoutMs`; everything it
 * started is stopped before it returns. No timing is asserted.
 *
 *   npx tsx scripts/bench/billingPageChromium.ts              # alone, prints JSON
 *   npx tsx scripts/bench/billingPageChromium.ts --timeline   # the median load, fetch by fetch and commit by commit
 *   BENCH_PAGE_PROFILE=/tmp/page npx tsx scripts/bench/billingPageChromium.ts --timeline
 *     # also writes each load's main-thread CPU profile to /tmp/page-<run>.cpuprofile (DevTools opens it)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { chromium, type CDPSession } from "playwright-core";
import { build } from "vite";
import { createBillingPortalHandler, toNodeHandler } from "../../src/server/index";
import { createMockChing } from "../../src/testing/ching/index";
import { chromiumArgs, chromiumPath } from "../chromium";
import { BENCH_CARDS, BENCH_CUSTOMER, benchCharges, countRequests, SECTIONS, type PageRequests, type PerSection } from "./billingPageData";
import type { PageRun } from "./billingPageScenario";

const pageRoot = fileURLToPath(new URL("./chromium/", import.meta.url));
const BASE_PATH = "/api/billing";

export interface ChromiumRun extends PageRun {
  requests: PageRequests;
  /** JavaScript and CSS the page fetched, bytes (uncompressed: the server does not compress). */
  fetchedBytes: number;
  /** The handler's answers while the page loaded: how many, their summed and longest time from request to last byte, ms. */
  handler: { requests: number; totalMs: number; maxMs: number };
  /** The renderer's main thread from navigation until the page settled: its CPU time and parts of it (CDP Performance metrics in thread ticks), ms. */
  cpu: { thread: number; script: number; layout: number; style: number };
  /** What the page fetched until it settled, from its Resource Timing entries: ms since the navigation started. */
  resources: ResourceTiming[];
}

/** One fetch of the page: when it was asked for, sent (after any wait for a connection), answered, and done. */
export interface ResourceTiming {
  /** The path, e.g. `/assets/BillingHistory-abc.js` or `/api/billing/customers/me`. */
  path: string;
  start: number;
  requestStart: number;
  responseStart: number;
  end: number;
}

export interface ChromiumPageFigures {
  charges: number;
  browser: string;
  /** The bench page's JavaScript and CSS (every chunk, fetched or not), bytes, and the Vite build's wall time. */
  bundleBytes: number;
  buildMs: number;
  runs: ChromiumRun[];
  /** Medians and extremes over the runs. */
  shownAt: Spread;
  shownMs: Spread;
  cpuMs: Spread;
  /** From navigation to the page's `root.render()` (HTML, the main chunk fetched, parsed and run). */
  renderCalledAt: Spread;
  /** The longest a handler answer took in each run. */
  handlerMaxMs: Spread;
  /** The most renders any run counted, per section, while loading and after each change. */
  renders: PerSection;
  ownRenders: PerSection;
  after: PageRun["after"];
  crossRenders: string[];
  /** console errors and failed requests in the page (none expected). */
  problems: string[];
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

const spread = (values: number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN };
};
const maxPerSection = (all: PerSection[]): PerSection =>
  Object.fromEntries(SECTIONS.map((section) => [section, Math.max(...all.map((counts) => counts[section]))])) as PerSection;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

/** The renderer main thread's CPU figures so far, ms (thread ticks). */
async function mainThread(cdp: CDPSession): Promise<ChromiumRun["cpu"]> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => (metrics.find((entry) => entry.name === name)?.value ?? NaN) * 1000;
  return { thread: metric("ThreadTime"), script: metric("ScriptDuration"), layout: metric("LayoutDuration"), style: metric("RecalcStyleDuration") };
}

async function buildPage(outDir: string): Promise<{ bytes: number; files: Map<string, Buffer> }> {
  const output = await build({
    root: pageRoot,
    configFile: false,
    logLevel: "silent",
    mode: "production",
    plugins: [react()],
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false, rolldownOptions: { output: { keepNames: true } } },
  });
  const files = new Map<string, Buffer>();
  let bytes = 0;
  for (const result of Array.isArray(output) ? output : [output]) {
    if (!("output" in result)) continue;
    for (const item of result.output) {
      const source = item.type === "chunk" ? Buffer.from(item.code) : Buffer.from(item.source);
      files.set(`/${item.fileName}`, source);
      if (item.fileName.endsWith(".js") || item.fileName.endsWith(".css")) bytes += source.length;
    }
  }
  if (!files.has("/index.html")) files.set("/index.html", readFileSync(join(outDir, "index.html")));
  return { bytes, files };
}

export async function runBillingPageChromiumBench(options: { charges?: number; runs?: number; runTimeoutMs?: number } = {}): Promise<ChromiumPageFigures> {
  const chargeCount = options.charges ?? 100;
  const runCount = options.runs ?? 5;
  const runTimeoutMs = options.runTimeoutMs ?? 30_000;
  const outDir = mkdtempSync(join(tmpdir(), "ching-bench-page-"));
  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(outDir, { recursive: true, force: true })];
  try {
    const buildStarted = performance.now();
    const { bytes, files } = await buildPage(outDir);
    const buildMs = performance.now() - buildStarted;
    const expected = { customerName: BENCH_CUSTOMER.name, cards: BENCH_CARDS.length };
    const html = files
      .get("/index.html")!
      .toString("utf8")
      .replace("</head>", `<script type="application/json" id="bench-expected">${JSON.stringify(expected)}</script></head>`);

    const ching = createMockChing({ customers: [BENCH_CUSTOMER], paymentMethods: BENCH_CARDS, charges: benchCharges(chargeCount) });
    const billing = toNodeHandler(
      createBillingPortalHandler({
        apiKey: ching.apiKey,
        fetch: (input, init) => ching.fetch(input, init),
        basePath: BASE_PATH,
        identify: () => ({ userId: "bench", customerId: BENCH_CUSTOMER.id }),
        // The customer exists from the start: nothing is created.
        onCustomerCreated: () => undefined,
      }),
    );
    let requested: string[] = [];
    let handlerTimes: number[] = [];
    let fetchedBytes = 0;
    const server = http.createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
      if (path === "/favicon.ico") {
        res.writeHead(204).end();
        return;
      }
      if (path === BASE_PATH || path.startsWith(`${BASE_PATH}/`)) {
        requested.push(path.slice(BASE_PATH.length));
        const started = performance.now();
        res.once("finish", () => handlerTimes.push(performance.now() - started));
        void billing(req, res);
        return;
      }
      const body = path === "/" || path === "/index.html" ? html : files.get(normalize(path));
      if (body === undefined) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        return;
      }
      if (/\.(js|css)$/.test(path)) fetchedBytes += Buffer.byteLength(body);
      res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? TYPES[".html"]!, "Cache-Control": "no-store" }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;

    const browser = await chromium.launch({
      executablePath: chromiumPath,
      // Only 127.0.0.1 resolves: nothing the page or Chromium asks for can leave the machine.
      args: [...chromiumArgs, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
      headless: true,
      timeout: runTimeoutMs,
    });
    cleanups.push(() => browser.close());

    const runs: ChromiumRun[] = [];
    const problems: string[] = [];
    for (let index = 0; index < runCount; index++) {
      requested = [];
      handlerTimes = [];
      fetchedBytes = 0;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "he-IL", timezoneId: "Asia/Jerusalem" });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(runTimeoutMs);
        page.on("console", (message) => {
          if (message.type() === "error") problems.push(`run ${index + 1}: console: ${message.text().slice(0, 200)}`);
        });
        page.on("requestfailed", (request) => problems.push(`run ${index + 1}: ${request.method()} ${request.url()} failed: ${request.failure()?.errorText}`));
        page.on("response", (response) => {
          if (response.status() >= 400) problems.push(`run ${index + 1}: ${response.status()} ${response.request().method()} ${response.url()}`);
        });
        const cdp = await context.newCDPSession(page);
        await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
        if (process.env.BENCH_PAGE_PROFILE) {
          await cdp.send("Profiler.enable");
          await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
          await cdp.send("Profiler.start");
        }
        const before = await mainThread(cdp);
        await page.goto(url);
        await page.evaluate(() => window.__billingPageBench!.settled);
        if (process.env.BENCH_PAGE_PROFILE) {
          const { profile } = await cdp.send("Profiler.stop");
          writeFileSync(`${process.env.BENCH_PAGE_PROFILE}-${index + 1}.cpuprofile`, JSON.stringify(profile));
        }
        const loaded = await mainThread(cdp);
        const requests = countRequests(requested);
        const fetched = fetchedBytes;
        const resources = await page.evaluate(() =>
          performance.getEntriesByType("resource").map((entry) => {
            const timing = entry as PerformanceResourceTiming;
            return { path: new URL(timing.name).pathname, start: timing.startTime, requestStart: timing.requestStart, responseStart: timing.responseStart, end: timing.responseEnd };
          }),
        );
        const handler = { requests: handlerTimes.length, totalMs: handlerTimes.reduce((sum, time) => sum + time, 0), maxMs: Math.max(0, ...handlerTimes) };
        await page.evaluate(() => window.__billingPageBench!.resume());
        const result = await page.evaluate(() => window.__billingPageBench!.result);
        if ("error" in result) throw new Error(`run ${index + 1}: ${result.error}`);
        const cpu = { thread: loaded.thread - before.thread, script: loaded.script - before.script, layout: loaded.layout - before.layout, style: loaded.style - before.style };
        runs.push({ ...result, requests, fetchedBytes: fetched, cpu, handler, resources });
      } finally {
        await context.close();
      }
    }

    return {
      charges: chargeCount,
      browser: `Chromium ${browser.version()}`,
      bundleBytes: bytes,
      buildMs,
      runs,
      shownAt: spread(runs.map((run) => run.shownAt)),
      shownMs: spread(runs.map((run) => run.shownMs)),
      cpuMs: spread(runs.map((run) => run.cpu.thread)),
      renderCalledAt: spread(runs.map((run) => run.shownAt - run.shownMs)),
      handlerMaxMs: spread(runs.map((run) => run.handler.maxMs)),
      renders: maxPerSection(runs.map((run) => run.renders)),
      ownRenders: maxPerSection(runs.map((run) => run.ownRenders)),
      after: {
        charges: maxPerSection(runs.map((run) => run.after.charges)),
        customer: maxPerSection(runs.map((run) => run.after.customer)),
        cards: maxPerSection(runs.map((run) => run.after.cards)),
      },
      crossRenders: [...new Set(runs.flatMap((run) => run.crossRenders))],
      problems,
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

/** A run as lines of text, in time order: each fetch (asked → sent → first byte → done), render() and each section shown. */
export function runTimeline(run: ChromiumRun): string[] {
  const ms = (value: number) => value.toFixed(0).padStart(5);
  const events = [
    ...run.resources.map((entry) => ({
      at: entry.start,
      line: `${ms(entry.start)} → ${ms(entry.requestStart)} → ${ms(entry.responseStart)} → ${ms(entry.end)}  ${entry.path}`,
    })),
    { at: run.shownAt - run.shownMs, line: `${ms(run.shownAt - run.shownMs)}  root.render()` },
    ...SECTIONS.map((section) => ({ at: run.sectionShownAt[section], line: `${ms(run.sectionShownAt[section])}  ${section} shown` })),
    ...run.timeline.map((commit) => ({ at: run.shownAt - run.shownMs + commit.ms, line: `${ms(run.shownAt - run.shownMs + commit.ms)}  commit: ${commit.sections.join(", ") || "-"}` })),
  ];
  return events.sort((a, b) => a.at - b.at).map((event) => event.line);
}

if (process.argv[1]?.endsWith("billingPageChromium.ts")) {
  const figures = await runBillingPageChromiumBench();
  if (process.argv.includes("--timeline")) {
    // The run whose load is the median's, fetch by fetch (ms since the navigation started).
    const median = [...figures.runs].sort((a, b) => a.shownAt - b.shownAt)[Math.floor(figures.runs.length / 2)]!;
    console.log(`median run: every section shown at ${median.shownAt.toFixed(0)} ms\nasked → sent → first byte → done`);
    console.log(runTimeline(median).join("\n"));
  } else console.log(JSON.stringify(figures, null, 2));
}
