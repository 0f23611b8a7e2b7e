/**
 * The server load run behind `npm run bench:server` (and the server row of `npm run bench`):
 * what the handler costs over a bare proxy. Three servers, each in its own child process on
 * 127.0.0.1 (scripts/bench/server-process.ts), loaded in turn with autocannon from this one:
 *
 *   (a) the in-memory Ching served directly: GET /customers/:id
 *   (b) a bare hand-written node:http pass-through proxy: GET /api/billing/customers/me → (a)
 *   (c) the handler via toNodeHandler: GET /api/billing/customers/me → (a)
 *
 * The servers run as a merchant's server runs the package: server-process.ts and the library
 * bundled into plain JavaScript (a Vite SSR build into node_modules/.cache/bench-server, made
 * fresh for every run), not through tsx, whose transform names every closure it creates
 * (`__name`, an Object.defineProperty per closure) and so overstates the cost of closures
 * (BENCH_FROM_SOURCE=1 runs the sources through tsx instead).
 *
 * Each gets a warm-up, then a bounded run; the CPU time of the server's own process over the
 * run (`process.cpuUsage()`, reported over IPC) is divided by the answers it gave. For (b) and
 * (c) the work of Ching itself, in its own process, is left out. A benchmark, not a test: it
 * asserts nothing about timings.
 */
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { build } from "vite";
import { MOCK_CHING_API_KEY } from "../src/testing/mockChing";

const SERVER_PROCESS = fileURLToPath(new URL("./bench/server-process.ts", import.meta.url));
const BUNDLE_DIR = fileURLToPath(new URL("../node_modules/.cache/bench-server/", import.meta.url));

/** server-process.ts and what it imports from src/, as one plain ES module (dependencies stay imports). */
async function bundleServerProcess(): Promise<string> {
  await build({
    configFile: false,
    logLevel: "warn",
    build: {
      ssr: SERVER_PROCESS,
      outDir: BUNDLE_DIR,
      emptyOutDir: true,
      minify: false,
      target: "node20",
      rollupOptions: { output: { format: "es", entryFileNames: "server-process.mjs" } },
    },
  });
  return join(BUNDLE_DIR, "server-process.mjs");
}

interface Runner {
  file: string;
  execArgv: string[];
}

export interface ServerBenchOptions {
  /** Measured seconds per server. Default 10. */
  seconds?: number;
  /**
   * Seconds of warm-up per server before it is measured (not counted). Default 6: loaded from
   * cold, both the proxy and the handler take 4–5 s to reach their steady CPU per request (V8
   * optimising the hot paths, the keep-alive sockets to Ching open), and a merchant's server runs warm.
   */
  warmupSeconds?: number;
  /**
   * (b) and (c) are measured in this many rounds, taking turns in both orders (b c, c b, b c, …),
   * so a change in the machine's load during the run weighs on both alike; the figures are the
   * sums over the rounds, with the median of the rounds' ratios beside them. Default 10.
   */
  rounds?: number;
  /** autocannon connections. Default 20. */
  connections?: number;
  /** Write V8 CPU profiles of the proxy (b) and the handler (c) into `proxy/` and `handler/` of this directory (`node --cpu-prof`). */
  cpuProfileDir?: string;
  /** Run the servers from the TypeScript sources through tsx instead of a plain JavaScript bundle. Default false. */
  fromSource?: boolean;
  /**
   * Also count the instructions (b) and (c) execute per answer, each run again under Valgrind's
   * callgrind: a fixed number of answers after a fixed warm-up, counted with instrumentation
   * switched on only for them. Unlike CPU time, the count hardly moves with the machine's load
   * (four runs of one build agreed within about 3%, while one run's rounds of CPU time were 1.15–1.88× apart), so it shows a change of some percent that CPU time hides.
   * Needs `valgrind` (Debian's package). This many answers; 0 (the default) for none.
   */
  instructionRequests?: number;
  /** Told what is going on (default: nothing). */
  log?: (message: string) => void;
}

export interface ServerFigures {
  name: string;
  /** Answers within the measured run. */
  requests: number;
  /** Connection errors, timeouts and answers that were not 2xx. */
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time (user + system) of the server's process per 1000 answers. */
  cpuMsPer1000: number;
}

export interface ServerBenchResult {
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  connections: number;
  ching: ServerFigures;
  proxy: ServerFigures;
  handler: ServerFigures;
  /** (c) over (b): throughput (goal ≥ 0.85) and CPU per request (goal ≤ 1.3), over all rounds. */
  ratios: { throughput: number; cpuPerRequest: number };
  /** The same ratios round by round: their spread shows how steady the machine was. */
  roundRatios: { throughput: number; cpuPerRequest: number }[];
  /** The median of the rounds' ratios: what a round or two on a busy neighbour's second moves least. */
  medianRoundRatios: { throughput: number; cpuPerRequest: number };
  /** How the servers ran: `bundle` (plain JavaScript, as in production) or `tsx` (the sources). */
  runtime: "bundle" | "tsx";
  /** Where the CPU profiles of (b) and (c) went, with cpuProfileDir. */
  cpuProfileDir?: string;
  /** With instructionRequests: instructions per answer of (b) and (c), every thread of the process, user space. */
  instructions?: { requests: number; proxy: number; handler: number; ratio: number };
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

interface Child {
  process: ChildProcess;
  ready: Record<string, unknown> & { port: number };
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

function start(
  runner: Runner,
  role: "ching" | "proxy" | "handler",
  env: Record<string, string>,
  execArgv: string[] = [],
  /** A program that runs node (e.g. valgrind with its options), and how long the server may take to listen under it. */
  wrapper?: { path: string; args: string[]; listenMs: number },
): Promise<Child> {
  const nodeArgs = [...runner.execArgv, ...execArgv];
  const child = fork(runner.file, [role], {
    // Under a wrapper, node is the wrapper's first argument.
    execPath: wrapper?.path ?? process.execPath,
    execArgv: wrapper ? [...wrapper.args, process.execPath, ...nodeArgs] : nodeArgs,
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.send({ type: "stop" });
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const cpuMs = () =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${role}: no CPU figures within 5 s`)), 5000);
      const onMessage = (message: { type?: string; usage?: NodeJS.CpuUsage }) => {
        if (message.type !== "cpu" || !message.usage) return;
        clearTimeout(timer);
        child.off("message", onMessage);
        resolve((message.usage.user + message.usage.system) / 1000);
      };
      child.on("message", onMessage);
      child.send({ type: "cpu" });
    });
  return new Promise((resolve, reject) => {
    const listenMs = wrapper?.listenMs ?? 30_000;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${role}: did not listen within ${listenMs / 1000} s`));
    }, listenMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${role}: exited with ${code} before it listened`));
    });
    const onReady = (message: Record<string, unknown>) => {
      if (message.type !== "ready") return;
      clearTimeout(timer);
      child.off("message", onReady);
      resolve({ process: child, ready: message as Child["ready"], cpuMs, stop });
    };
    child.on("message", onReady);
  });
}

interface Sample {
  requests: number;
  errors: number;
  seconds: number;
  cpuMs: number;
  p50Ms: number;
  p99Ms: number;
}

type LoadSettings = Required<Pick<ServerBenchOptions, "connections">>;

async function warmUp(name: string, url: string, headers: Record<string, string>, seconds: number, settings: LoadSettings, log: (message: string) => void): Promise<void> {
  log(`${name}: warm-up ${seconds} s`);
  await autocannon({ url, headers, connections: settings.connections, duration: seconds, timeout: 10 });
}

async function sample(server: Child, url: string, headers: Record<string, string>, seconds: number, settings: LoadSettings): Promise<Sample> {
  const cpuBefore = await server.cpuMs();
  const result = await autocannon({ url, headers, connections: settings.connections, duration: seconds, timeout: 10 });
  const cpuAfter = await server.cpuMs();
  return {
    requests: result["2xx"] + result.non2xx,
    errors: result.errors + result.timeouts + result.non2xx,
    seconds: result.duration,
    cpuMs: cpuAfter - cpuBefore,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The rounds of one server as one row: sums, and the rounds' median latencies. */
function figures(name: string, samples: Sample[]): ServerFigures {
  const requests = samples.reduce((sum, one) => sum + one.requests, 0);
  const seconds = samples.reduce((sum, one) => sum + one.seconds, 0);
  const cpuMs = samples.reduce((sum, one) => sum + one.cpuMs, 0);
  return {
    name,
    requests,
    errors: samples.reduce((sum, one) => sum + one.errors, 0),
    requestsPerSecond: round(requests / seconds, 0),
    p50Ms: median(samples.map((one) => one.p50Ms)),
    p99Ms: median(samples.map((one) => one.p99Ms)),
    cpuMsPer1000: requests > 0 ? round((cpuMs / requests) * 1000, 1) : Number.NaN,
  };
}

function ratiosOf(proxy: ServerFigures, handler: ServerFigures) {
  return { throughput: round(handler.requestsPerSecond / proxy.requestsPerSecond), cpuPerRequest: round(handler.cpuMsPer1000 / proxy.cpuMsPer1000) };
}

/** Instructions per answer of one server under callgrind: twice `requests` answers uncounted (the warm-up), then `requests` counted. */
async function countInstructions(
  runner: Runner,
  role: "proxy" | "handler",
  env: Record<string, string>,
  requests: number,
  settings: LoadSettings,
  log: (message: string) => void,
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "bench-callgrind-"));
  const valgrind = ["--tool=callgrind", "--instr-atstart=no", "--smc-check=all-non-file", `--callgrind-out-file=${join(dir, "out.%p")}`, "--quiet"];
  let server: Child | undefined;
  try {
    server = await start(runner, role, env, [], { path: "valgrind", args: valgrind, listenMs: 180_000 });
    const url = `http://127.0.0.1:${server.ready.port}/api/billing/customers/me`;
    const pid = String(server.process.pid);
    log(`${role} under callgrind: ${requests * 2} answers uncounted, then ${requests} counted`);
    // Optimised code needs some thousands of answers; under Valgrind they take a while.
    await autocannon({ url, connections: settings.connections, amount: requests * 2, timeout: 60 });
    execFileSync("callgrind_control", ["--zero", pid], { stdio: "ignore" });
    execFileSync("callgrind_control", ["--instr=on", pid], { stdio: "ignore" });
    const counted = await autocannon({ url, connections: settings.connections, amount: requests, timeout: 60 });
    execFileSync("callgrind_control", ["--instr=off", pid], { stdio: "ignore" });
    execFileSync("callgrind_control", ["--dump", pid], { stdio: "ignore" });
    const answered = counted["2xx"];
    if (answered !== requests) {
      throw new Error(
        `${role} under callgrind: ${answered} of ${requests} answers were 2xx (${counted.non2xx} other, ${counted.errors} errors, ${counted.timeouts} timeouts, ${counted.requests.sent} sent)`,
      );
    }
    // Its exit writes the last of the counts (stop() again below does nothing).
    await server.stop();
    let total = 0;
    for (const file of readdirSync(dir)) {
      const totals = /^totals: (\d+)/m.exec(readFileSync(join(dir, file), "utf8"));
      total += totals ? Number(totals[1]) : 0;
    }
    return total / requests;
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runServerBench(options: ServerBenchOptions = {}): Promise<ServerBenchResult> {
  const settings = {
    seconds: options.seconds ?? 10,
    warmupSeconds: options.warmupSeconds ?? 6,
    rounds: Math.max(1, Math.round(options.rounds ?? 10)),
    connections: options.connections ?? 20,
  };
  const log = options.log ?? (() => undefined);
  const children: Child[] = [];
  const fromSource = options.fromSource ?? false;
  log(fromSource ? "servers from the sources, through tsx" : "bundling the servers (Vite SSR build)");
  const runner: Runner = fromSource ? { file: SERVER_PROCESS, execArgv: ["--import", "tsx"] } : { file: await bundleServerProcess(), execArgv: [] };
  try {
    const ching = await start(runner, "ching", {});
    children.push(ching);
    const apiBase = String(ching.ready.apiBase);
    const customerId = String(ching.ready.customerId);
    const env = { BENCH_CHING_API_BASE: apiBase, BENCH_CUSTOMER_ID: customerId };
    const profile = (role: string) => (options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}/${role}`] : []);
    const proxy = await start(runner, "proxy", env, profile("proxy"));
    children.push(proxy);
    const handler = await start(runner, "handler", env, profile("handler"));
    children.push(handler);

    const me = "/api/billing/customers/me";
    const chingUrl = `${apiBase}/customers/${customerId}`;
    const chingHeaders = { authorization: `Bearer ${MOCK_CHING_API_KEY}` };
    const proxyUrl = `http://127.0.0.1:${proxy.ready.port}${me}`;
    const handlerUrl = `http://127.0.0.1:${handler.ready.port}${me}`;
    const names = { ching: "(a) in-memory Ching, direct", proxy: "(b) bare node:http proxy", handler: "(c) handler via toNodeHandler" };

    await warmUp(names.ching, chingUrl, chingHeaders, settings.warmupSeconds, settings, log);
    log(`${names.ching}: ${settings.seconds} s, ${settings.connections} connections`);
    const direct = figures(names.ching, [await sample(ching, chingUrl, chingHeaders, settings.seconds, settings)]);
    await warmUp(names.proxy, proxyUrl, {}, settings.warmupSeconds, settings, log);
    await warmUp(names.handler, handlerUrl, {}, settings.warmupSeconds, settings, log);
    const perRound = settings.seconds / settings.rounds;
    const proxySamples: Sample[] = [];
    const handlerSamples: Sample[] = [];
    const roundRatios: ServerBenchResult["roundRatios"] = [];
    const measureProxy = () => sample(proxy, proxyUrl, {}, perRound, settings);
    const measureHandler = () => sample(handler, handlerUrl, {}, perRound, settings);
    for (let at = 1; at <= settings.rounds; at++) {
      // Taking turns in both orders (b c, c b, b c, …): this machine's speed drifts by as much as
      // 2x over a minute, and a fixed order would give the one measured second its drift each time.
      const proxyFirst = at % 2 === 1;
      log(`round ${at} of ${settings.rounds}: ${proxyFirst ? "(b), then (c)" : "(c), then (b)"}, ${round(perRound, 1)} s each, ${settings.connections} connections`);
      let b: Sample;
      let c: Sample;
      if (proxyFirst) {
        b = await measureProxy();
        c = await measureHandler();
      } else {
        c = await measureHandler();
        b = await measureProxy();
      }
      proxySamples.push(b);
      handlerSamples.push(c);
      roundRatios.push(ratiosOf(figures(names.proxy, [b]), figures(names.handler, [c])));
    }
    const bare = figures(names.proxy, proxySamples);
    const ours = figures(names.handler, handlerSamples);
    let instructions: ServerBenchResult["instructions"];
    const counted = Math.round(options.instructionRequests ?? 0);
    if (counted > 0) {
      const proxyCount = await countInstructions(runner, "proxy", env, counted, settings, log);
      const handlerCount = await countInstructions(runner, "handler", env, counted, settings, log);
      instructions = { requests: counted, proxy: Math.round(proxyCount), handler: Math.round(handlerCount), ratio: round(handlerCount / proxyCount) };
    }
    return {
      ...settings,
      runtime: fromSource ? "tsx" : "bundle",
      ching: direct,
      proxy: bare,
      handler: ours,
      ratios: ratiosOf(bare, ours),
      roundRatios,
      medianRoundRatios: {
        throughput: round(median(roundRatios.map((one) => one.throughput))),
        cpuPerRequest: round(median(roundRatios.map((one) => one.cpuPerRequest))),
      },
      cpuProfileDir: options.cpuProfileDir,
      instructions,
    };
  } finally {
    await Promise.all(children.reverse().map((child) => child.stop()));
  }
}

/** The figures as one table. */
export function formatServerBench(result: ServerBenchResult): string {
  const head = ["server", "req/s", "p50 ms", "p99 ms", "CPU ms/1000 req", "errors"];
  const rows = [result.ching, result.proxy, result.handler].map((f) => [
    f.name,
    String(f.requestsPerSecond),
    String(f.p50Ms),
    String(f.p99Ms),
    f.cpuMsPer1000.toFixed(1),
    `${f.errors} of ${f.requests}`,
  ]);
  rows.push(["(c) / (b)", `${result.ratios.throughput.toFixed(2)}×`, "", "", `${result.ratios.cpuPerRequest.toFixed(2)}×`, ""]);
  const spread = (pick: (ratios: ServerBenchResult["ratios"]) => number) => {
    const values = result.roundRatios.map(pick);
    return `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}×`;
  };
  if (result.rounds > 1) {
    rows.push([`(c) / (b), per round (${result.rounds})`, spread((r) => r.throughput), "", "", spread((r) => r.cpuPerRequest), ""]);
    rows.push(["(c) / (b), median round", `${result.medianRoundRatios.throughput.toFixed(2)}×`, "", "", `${result.medianRoundRatios.cpuPerRequest.toFixed(2)}×`, ""]);
  }
  const widths = head.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ")} |`;
  return [
    `bench:server: GET /customers/me, autocannon ${result.connections} connections, ${result.warmupSeconds} s warm-up + ${result.seconds} s each (${result.rounds > 1 ? `(b) and (c) in ${result.rounds} rounds, taking turns in both orders` : "one run each"}), 127.0.0.1, every server in its own process (${result.runtime === "bundle" ? "bundled JavaScript" : "sources through tsx"})`,
    "",
    line(head),
    `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`,
    ...rows.map(line),
    "",
    "goal for (c) / (b): throughput ≥ 0.85×, CPU per request ≤ 1.3× (CPU: the server's own process; Ching's work is in its own)",
    ...(result.instructions
      ? [
          `instructions per answer (callgrind, ${result.instructions.requests} counted after ${result.instructions.requests * 2} uncounted): ` +
            `(b) ${Math.round(result.instructions.proxy / 1000)}k, (c) ${Math.round(result.instructions.handler / 1000)}k, (c) / (b) ${result.instructions.ratio.toFixed(2)}×`,
        ]
      : []),
    ...(result.cpuProfileDir ? [`CPU profiles of (b) and (c): ${result.cpuProfileDir}/proxy, ${result.cpuProfileDir}/handler`] : []),
  ].join("\n");
}
