/**
 * `npm run bench`: a benchmark, not a test. It prints one table and asserts no
 * timing; it exits non-zero only when a measure crashed.
 *
 *   1. each size budget's measure (size-limit over dist/, built first when missing)
 *   2. requests made when 50 components mount useCustomer() at once (goal: 1)
 *   3. components rendered per keystroke in CustomerForm (goal: only the field typed in)
 *   4. toE164 calls per second
 *   5. the figures of bench:server (a shorter run)
 *   6. BillingPage with 100 charges in jsdom: renders per section while it loads, and
 *      renders of each section caused by another section's data (goal: 0)
 *
 *   --build   rebuild dist/ before measuring sizes
 *   --json    print the figures as JSON after the table
 *   --server-table  also print bench:server's own table
 *
 * Everything runs in this process (size-limit, a build and bench:server's servers in child processes);
 * the only network traffic is bench:server's, on 127.0.0.1.
 */
import { fileURLToPath } from "node:url";
import { formatServerBench, runServerBench, type ServerBenchResult } from "./bench-server-lib";
import { runPhoneBench, type PhoneFigures } from "./bench/phone";
import { runReactBench, type KeystrokeFigures, type ReactFigures } from "./bench/react";
import { runBillingPageBench, SECTIONS, type BillingPageFigures } from "./bench/billingPage";
import { runSizes, type SizeFigures } from "./bench/sizes";
import { markdownTable } from "./bench/table";

const root = fileURLToPath(new URL("..", import.meta.url));
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** The budgets of issue 6, by the start of size-limit's names, in bytes (size-limit's kB are 1000 B). */
const ISSUE_BUDGETS: Array<[prefix: string, bytes: number]> = [
  ["hooks only", 12_000],
  ["CustomerProfile on first load", 20_000],
  ["the whole root entry", 85_000],
  ["styles.css", 4_000],
  ["/server", 8_000],
  ["BillingPage on first load", 25_000],
];

const grouped = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
const ms = (value: number) => `${value.toFixed(2)} ms`;

type Row = [measure: string, value: string, goal: string];

/** Issue 14: PaymentMethods' first load at most 8 kB over the provider alone (both are size-limit entries). */
const CARDS_OVER_PROVIDER = 8_000;

function sizeRows(sizes: SizeFigures): Row[] {
  if (sizes.figures.length === 0) return [["1. size budgets", `not measured: ${sizes.failure ?? "no figures"}`, ""]];
  const byName = (prefix: string) => sizes.figures.find(({ name }) => name.startsWith(prefix));
  const cards = byName("PaymentMethods on first load");
  const provider = byName("provider alone");
  const over: Row[] =
    cards && provider
      ? [
          [
            "1. size, gzip: PaymentMethods on first load, over the provider alone",
            `${kB(cards.size - provider.size)} (${grouped(cards.size - provider.size)} B)`,
            `issue 14: ≤ ${kB(CARDS_OVER_PROVIDER)}${cards.size - provider.size > CARDS_OVER_PROVIDER ? ", over" : ""}`,
          ],
        ]
      : [];
  return sizes.figures.map((figure): Row => {
    const issue = ISSUE_BUDGETS.find(([prefix]) => figure.name.startsWith(prefix))?.[1];
    const limit = figure.limit === undefined ? "no limit" : `≤ ${kB(figure.limit)}`;
    const issueNote = issue !== undefined && issue !== figure.limit ? ` (issue 6: ≤ ${kB(issue)}${figure.size > issue ? ", over" : ""})` : "";
    return [
      `1. size, gzip: ${figure.name}`,
      `${kB(figure.size)} (${grouped(figure.size)} B)${figure.passed ? "" : " OVER"}`,
      `${limit}${issueNote}`,
    ];
  }).concat(over);
}

function mountRows(react: ReactFigures): Row[] {
  const row = (label: string, figures: ReactFigures["useCustomer"]): Row => [
    `2. ${label}`,
    `${figures.requests} GET /customers/me (${figures.allRequests} ${figures.allRequests === 1 ? "request" : "requests"} in all; ${figures.loaded}/${figures.components} showed the customer after ${ms(figures.settledMs)})`,
    "1 request",
  ];
  return [
    row(`requests when ${react.useCustomer.components} components mount useCustomer() at once`, react.useCustomer),
    row(`same, ${react.profiles.components} × <CustomerProfile/>`, react.profiles),
  ];
}

function keystrokeRow(figures: KeystrokeFigures): Row {
  const per = (n: number) => (n / figures.keystrokes).toFixed(1);
  const components = Object.entries(figures.byComponent)
    .sort(([, a], [, b]) => b - a)
    .map(([name, count]) => `${name} ${per(count)}`)
    .join(", ");
  return [
    `3. CustomerForm, typing ${figures.keystrokes} characters into "${figures.field}"`,
    `${per(figures.componentRenders)} component renders/keystroke${components ? ` (${components})` : ""}; ` +
      `${per(figures.commits)} Profiler commits/keystroke, actualDuration ${ms(figures.actualDurationMs)} in all; input now "${figures.finalValue}"`,
    figures.field === "phone" ? "only PhoneField (and its Field)" : "only the field typed in (an uncontrolled input: 0 renders)",
  ];
}

function phoneRow(phone: PhoneFigures): Row {
  return [
    "4. toE164 calls per second",
    `${grouped(phone.callsPerSecond)} calls/s (${grouped(phone.calls)} calls in ${phone.durationMs} ms over ${phone.inputs} inputs, ${phone.validInputs} of them valid)`,
    "",
  ];
}

function serverRows(server: ServerBenchResult): Row[] {
  const phase = (p: ServerBenchResult["handler"]) =>
    `${grouped(p.requestsPerSecond)} req/s, p50 ${ms(p.p50Ms)}, p99 ${ms(p.p99Ms)}, ${p.cpuMsPer1000.toFixed(1)} CPU ms/1000 req, ${p.errors} errors of ${p.requests}`;
  const run = `autocannon ${server.connections} connections, ${server.seconds} s each`;
  return [
    [`5. bench:server: ${server.ching.name} (${run})`, phase(server.ching), ""],
    [`5. bench:server: ${server.proxy.name}`, phase(server.proxy), ""],
    [`5. bench:server: ${server.handler.name}`, phase(server.handler), "0 errors"],
    [
      "5. bench:server: (c) / (b)",
      `throughput ${server.ratios.throughput.toFixed(2)}×, CPU per request ${server.ratios.cpuPerRequest.toFixed(2)}×`,
      "≥ 0.85× throughput, ≤ 1.3× CPU",
    ],
  ];
}

function billingPageRows(page: BillingPageFigures): Row[] {
  const list = (figures: Record<string, number>) => SECTIONS.map((name) => `${name} ${figures[name]}`).join(", ");
  // A section's own data may re-render it; any other section must stay at 0.
  const crossRenders = page.afterChargesChange.CustomerProfile + page.afterChargesChange.ManageSection + page.afterCustomerChange.BillingHistory + page.afterCustomerChange.ManageSection;
  return [
    [
      `6. BillingPage, ${page.charges} charges (jsdom): renders per section until loaded`,
      `${list(page.mountRenders)}; ${page.rows} rows on screen; ${page.commits} commits, ${ms(page.actualDurationMs)} render time, settled after ${ms(page.settledMs)}; requests: ${page.requests.charges} charges, ${page.requests.me} customer, ${page.requests.documents} documents (${page.requests.all} in all)`,
      "each section ≤ 5 renders; documents ≤ one page of rows",
    ],
    [`6. BillingPage: renders when only the charges change`, list(page.afterChargesChange), "only BillingHistory (1)"],
    [`6. BillingPage: renders when only the customer changes`, list(page.afterCustomerChange), "only CustomerProfile (1)"],
    ["6. BillingPage: sections re-rendered by another section's data", String(crossRenders), "0"],
  ];
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const failures: string[] = [];
  async function measure<T>(name: string, run: () => T | Promise<T>): Promise<T | undefined> {
    log(`${name}…`);
    try {
      return await run();
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    }
  }

  const sizes = await measure("size budgets", () => runSizes(root, { forceBuild: args.has("--build") }));
  // Before the React measures: their jsdom and MSW would be in this process's memory figures.
  const server = await measure("bench:server (3 s per server after 1 s warm-up, 20 connections)", () => runServerBench({ seconds: 3, warmupSeconds: 1 }));
  const phone = await measure("toE164", () => runPhoneBench(1000));
  const react = await measure("React: 50 mounts, keystrokes in CustomerForm", () => runReactBench({ components: 50, keystrokes: 10 }));
  const billingPage = await measure("React: BillingPage with 100 charges", () => runBillingPageBench(100));

  const rows: Row[] = [
    ...(sizes ? sizeRows(sizes) : [["1. size budgets", "crashed", ""] as Row]),
    ...(react ? mountRows(react) : [["2. requests when 50 components mount useCustomer()", "crashed", "1 request"] as Row]),
    ...(react ? react.keystrokes.map(keystrokeRow) : [["3. CustomerForm renders per keystroke", "crashed", ""] as Row]),
    phone ? phoneRow(phone) : ["4. toE164 calls per second", "crashed", ""],
    ...(server ? serverRows(server) : [["5. bench:server", "crashed", ""] as Row]),
    ...(billingPage ? billingPageRows(billingPage) : [["6. BillingPage with 100 charges", "crashed", ""] as Row]),
  ];

  console.log(`npm run bench: Node ${process.version}, React ${(await import("react")).version} (development build, as under Vitest), ${new Date().toISOString()}`);
  console.log("");
  console.log(markdownTable(["measure", "value", "budget / goal"], rows));
  if (sizes?.builtAt) {
    console.log(`\nsizes are of dist/ as built ${sizes.built ? "by this run" : `at ${sizes.builtAt.toISOString()}`}; \`npm run bench -- --build\` rebuilds it first`);
  }
  if (react && react.consoleProblems.length > 0) {
    console.log(`\nconsole during the React measures (${react.consoleProblems.length}):`);
    for (const line of react.consoleProblems.slice(0, 5)) console.log(`  ${line}`);
  }
  if (args.has("--json")) console.log(`\n${JSON.stringify({ sizes, react, phone, server, billingPage }, null, 2)}`);
  if (args.has("--server-table") && server) console.log(`\n${formatServerBench(server)}`);

  if (failures.length > 0) {
    for (const failure of failures) console.error(`\nbench: crashed: ${failure}`);
    process.exitCode = 1;
  }
}

await main();
// Whatever a measure left scheduled (a library's timers) must not keep the run open.
process.exit(process.exitCode ?? 0);
