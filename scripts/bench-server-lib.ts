/**
 * The server load run behind `npm run bench:server`, importable so other scripts (the
 * overall `npm run bench`) reuse the figures. Everything runs in this process and talks
 * over 127.0.0.1 only: the in-memory Ching on one port, the handler behind toNodeHandler
 * on node:http on another, and the clients. A benchmark, not a test: it asserts nothing.
 */
import { createServer } from "node:http";
import { performance } from "node:perf_hooks";
import { createBillingPortalHandler, toNodeHandler } from "../src/server/index";
import { createMockChing, MOCK_CHING_API_KEY } from "../src/testing/mockChing";
import { closeServer, listenOn } from "../test/server/listen";

export interface ServerBenchOptions {
  /** Requests per phase (direct to the mock, then through the handler). Default 2000. */
  requests?: number;
  /** Clients sending at once. Default 20. */
  concurrency?: number;
  /** Hard cap on the whole run, warm-up included; requests left are not sent. Default 30 000 ms. */
  timeCapMs?: number;
  /** Signed-in users, each with a customer. Default 50. */
  users?: number;
  /** One request in this many is an update (POST); the rest are reads. Default 10. */
  writeEvery?: number;
}

export interface PhaseFigures {
  /** Requests answered (successfully or not). */
  completed: number;
  /** Network failures, timeouts and answers that were not 200. */
  errors: number;
  durationMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The first failure, if any, to tell what went wrong. */
  sampleError?: string;
}

export interface ServerBenchResult {
  requests: number;
  concurrency: number;
  /** Calling the mock Ching directly. */
  direct: PhaseFigures;
  /** Calling the handler, which calls the mock Ching. */
  handler: PhaseFigures;
  /** The handler called in-process with the mock's fetch: no sockets, so its own cost shows. */
  inProcess: PhaseFigures;
  /** What the handler adds over a direct call, at the median and the 99th percentile. */
  addedP50Ms: number;
  addedP99Ms: number;
  /** Errors the handler reported through onError during the run. */
  handlerReports: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  /** True when the time cap stopped the run before every request was sent. */
  cappedByTime: boolean;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Sends `total` requests from `concurrency` clients, stopping at `deadline`. */
async function phase(total: number, concurrency: number, deadline: number, send: (i: number, signal: AbortSignal) => Promise<boolean>) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  let capped = false;
  let sampleError: string | undefined;
  const started = performance.now();
  async function client() {
    for (;;) {
      if (performance.now() >= deadline) {
        if (next < total) capped = true;
        return;
      }
      const i = next++;
      if (i >= total) return;
      const t0 = performance.now();
      let good: boolean;
      try {
        good = await send(i, AbortSignal.timeout(Math.max(1, Math.ceil(deadline - t0))));
      } catch (error) {
        sampleError ??= error instanceof Error ? error.message : String(error);
        good = false;
      }
      latencies.push(performance.now() - t0);
      if (!good) errors++;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, () => client()));
  const durationMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const figures: PhaseFigures = {
    completed: latencies.length,
    errors,
    durationMs: round(durationMs, 0),
    requestsPerSecond: round(latencies.length / (durationMs / 1000), 0),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    sampleError,
  };
  return { figures, capped };
}

export async function runServerBench(options: ServerBenchOptions = {}): Promise<ServerBenchResult> {
  const requests = options.requests ?? 2000;
  const concurrency = options.concurrency ?? 20;
  const timeCapMs = options.timeCapMs ?? 30_000;
  const userCount = options.users ?? 50;
  const writeEvery = options.writeEvery ?? 10;
  const deadline = performance.now() + timeCapMs;

  const rssBefore = process.memoryUsage().rss;

  const ching = createMockChing({ apiKey: MOCK_CHING_API_KEY });
  const ids = Array.from({ length: userCount }, (_, i) => ching.seed({ name: `Bench User ${i}`, email: `user${i}@bench.example` }).id);
  const chingServer = await ching.listen(0);

  let handlerReports = 0;
  const handler = createBillingPortalHandler({
    apiKey: MOCK_CHING_API_KEY,
    apiBase: chingServer.apiBase,
    basePath: "/api/billing",
    identify: (request) => {
      const user = Number(request.headers.get("x-bench-user"));
      const customerId = ids[user];
      return customerId ? { userId: String(user), customerId } : null;
    },
    onCustomerCreated: () => undefined,
    onError: () => {
      handlerReports++;
    },
  });
  const server = createServer(toNodeHandler(handler));
  const inProcessHandler = createBillingPortalHandler({
    apiKey: MOCK_CHING_API_KEY,
    fetch: ching.fetch,
    basePath: "/api/billing",
    identify: (request) => {
      const customerId = ids[Number(request.headers.get("x-bench-user"))];
      return customerId ? { customerId } : null;
    },
    onCustomerCreated: () => undefined,
    onError: () => {
      handlerReports++;
    },
  });
  const endpoint = `${await listenOn(server)}/api/billing`;

  const auth = { authorization: `Bearer ${MOCK_CHING_API_KEY}` };
  const json = { "content-type": "application/json" };

  const direct = async (i: number, signal: AbortSignal) => {
    const id = ids[i % userCount] ?? "";
    const write = i % writeEvery === writeEvery - 1;
    const response = write
      ? await fetch(`${chingServer.apiBase}/customers/${id}`, { method: "POST", headers: { ...auth, ...json }, body: JSON.stringify({ name: `Renamed ${i}` }), signal })
      : await fetch(`${chingServer.apiBase}/customers/${id}`, { headers: auth, signal });
    await response.arrayBuffer();
    return response.status === 200;
  };
  const viaHandler = async (i: number, signal: AbortSignal) => {
    const user = { "x-bench-user": String(i % userCount) };
    const write = i % writeEvery === writeEvery - 1;
    const response = write
      ? await fetch(`${endpoint}/customers/me`, { method: "POST", headers: { ...user, ...json }, body: JSON.stringify({ name: `Renamed ${i}` }), signal })
      : await fetch(`${endpoint}/customers/me`, { headers: user, signal });
    await response.arrayBuffer();
    return response.status === 200;
  };

  const inProcess = async (i: number) => {
    const user = { "x-bench-user": String(i % userCount) };
    const write = i % writeEvery === writeEvery - 1;
    const url = "http://shop.example/api/billing/customers/me";
    const response = await inProcessHandler(
      write ? new Request(url, { method: "POST", headers: { ...user, ...json }, body: JSON.stringify({ name: `Renamed ${i}` }) }) : new Request(url, { headers: user }),
    );
    await response.arrayBuffer();
    return response.status === 200;
  };

  try {
    // Warm-up: connections, JIT. Not counted.
    const warm = Math.min(200, requests);
    await phase(warm, concurrency, deadline, direct);
    await phase(warm, concurrency, deadline, viaHandler);

    const directRun = await phase(requests, concurrency, deadline, direct);
    const handlerRun = await phase(requests, concurrency, deadline, viaHandler);
    await phase(warm, concurrency, deadline, inProcess);
    const inProcessRun = await phase(requests, concurrency, deadline, inProcess);
    const rssAfter = process.memoryUsage().rss;

    return {
      requests,
      concurrency,
      direct: directRun.figures,
      handler: handlerRun.figures,
      inProcess: inProcessRun.figures,
      addedP50Ms: round(handlerRun.figures.p50Ms - directRun.figures.p50Ms),
      addedP99Ms: round(handlerRun.figures.p99Ms - directRun.figures.p99Ms),
      handlerReports,
      rssBeforeMb: mb(rssBefore),
      rssAfterMb: mb(rssAfter),
      cappedByTime: directRun.capped || handlerRun.capped || inProcessRun.capped,
    };
  } finally {
    await closeServer(server);
    await chingServer.close();
  }
}

/** The figures as a small table. */
export function formatServerBench(result: ServerBenchResult): string {
  const row = (name: string, p: PhaseFigures) =>
    `${name.padEnd(22)}${String(p.completed).padStart(9)}${String(p.errors).padStart(8)}${String(p.requestsPerSecond).padStart(9)}${p.p50Ms.toFixed(2).padStart(10)}${p.p99Ms.toFixed(2).padStart(10)}`;
  return [
    `bench:server: ${result.requests} requests per phase, ${result.concurrency} concurrent clients, 127.0.0.1 only (1 in 10 a POST update)`,
    "",
    `${"".padEnd(22)}${"answered".padStart(9)}${"errors".padStart(8)}${"req/s".padStart(9)}${"p50 ms".padStart(10)}${"p99 ms".padStart(10)}`,
    row("mock Ching directly", result.direct),
    row("handler -> mock Ching", result.handler),
    row("same, in-process", result.inProcess),
    "",
    `added by the handler over calling the mock directly:  p50 ${result.addedP50Ms.toFixed(2)} ms, p99 ${result.addedP99Ms.toFixed(2)} ms`,
    "(the handler path is two HTTP hops, the direct path one; \"in-process\" is handler and mock with no sockets)",
    `handler reports (onError): ${result.handlerReports}`,
    `RSS: ${result.rssBeforeMb} MB before, ${result.rssAfterMb} MB after`,
    ...[result.direct.sampleError, result.handler.sampleError, result.inProcess.sampleError].filter(Boolean).map((message) => `first error: ${message}`),
    result.cappedByTime ? "stopped by the time cap before every request was sent" : "every request sent within the time cap",
  ].join("\n");
}
