import { errorEnvelope } from "../../core/envelope";
import { json, type ChingContext, type ChingRoute, type RouteDef } from "./context";

/** Which requests a fault hits. */
export interface MockChingFault {
  /** Only requests to this route; default every API route (hosted pages only when named). */
  route?: ChingRoute;
  /** How many requests it hits; default every one until `clearFaults()`. */
  times?: number;
}

/** An answer forced on requests, in Ching's error envelope unless `body` is given. */
export interface ForcedChingAnswer extends MockChingFault {
  status: number;
  code?: string;
  message?: string;
  issues?: { path: string[] | string; message: string }[];
  /** A raw body instead of the envelope, e.g. an HTML error page from a proxy. */
  body?: string;
}

export interface MockChingCall {
  method: string;
  /** Relative to the API base, e.g. `/customers/cus_V8ltq1pK_MWH`; hosted pages start with `/hosted/`. */
  path: string;
  route: ChingRoute;
  /** The parsed JSON body of a POST, if it was JSON (a hosted form's fields as an object). */
  body: unknown;
}

type Fault = (MockChingFault & { kind: "hang" | "drop" }) | (ForcedChingAnswer & { kind: "answer" });

const MAX_CALLS_KEPT = 10_000;

/** Answered instead of a Response for a dropped connection: `fetch` rejects, the HTTP server cuts the socket. */
export const DROP = Symbol("drop");

/** The first segment of every path the mock answers; what comes before it is the API base (any). */
const ROOTS = /\/(hosted|customers|payment_methods|setup_sessions|charges|documents|billing_portal_sessions)(\/|$)/;

export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = ms === Number.POSITIVE_INFINITY ? undefined : setTimeout(done, ms);
    function done() {
      signal.removeEventListener("abort", aborted);
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal.addEventListener("abort", aborted, { once: true });
  });
}

function match(routes: readonly RouteDef[], method: string, path: string): { def: RouteDef; params: string[] } | undefined {
  const parts = path.split("/").filter(Boolean);
  for (const def of routes) {
    const [defMethod, defPath = ""] = def.route.split(" ");
    if (defMethod !== method) continue;
    const pattern = defPath.split("/").filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: string[] = [];
    const same = pattern.every((segment, i) => {
      const part = parts[i] ?? "";
      if (segment !== ":id") return segment === part;
      try {
        params.push(decodeURIComponent(part));
        return true;
      } catch {
        return false;
      }
    });
    if (same) return { def, params };
  }
  return undefined;
}

async function readBody(request: Request, form: boolean): Promise<{ ok: true; body: unknown } | { ok: false }> {
  const text = await request.text();
  if (form) return { ok: true, body: Object.fromEntries(new URLSearchParams(text)) };
  if (text.trim() === "") return { ok: true, body: {} };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export interface RouterOptions {
  apiKey: string;
  routes: readonly RouteDef[];
  context: () => ChingContext;
  random: () => number;
  latencyMs: number;
  failureRate: number;
}

/** The request pipeline: record, latency, faults, failure rate, key, body, then the route. */
export function createRouter(options: RouterOptions) {
  const { apiKey, routes, random } = options;
  let latencyMs = options.latencyMs;
  let failureRate = options.failureRate;
  let failureStatus = 500;
  let faults: Fault[] = [];
  const calls: MockChingCall[] = [];
  const counts = new Map<ChingRoute, number>();
  let total = 0;

  function takeFault(route: ChingRoute, hosted: boolean): Fault | undefined {
    const fault = faults.find((f) => (f.route === undefined && !hosted) || f.route === route);
    if (fault && fault.times !== undefined && --fault.times <= 0) faults = faults.filter((f) => f !== fault);
    return fault;
  }

  function forced(fault: ForcedChingAnswer): Response {
    if (fault.body !== undefined) return new Response(fault.body, { status: fault.status, headers: { "content-type": "text/html" } });
    const envelope = errorEnvelope({
      status: fault.status,
      code: fault.code ?? (fault.status >= 500 ? "INTERNAL_ERROR" : `HTTP_${fault.status}`),
      message: fault.message ?? `Forced HTTP ${fault.status}`,
    });
    return json(fault.status, fault.issues ? { ...envelope, error: { ...envelope.error, issues: fault.issues } } : envelope);
  }

  async function answer(request: Request): Promise<Response | typeof DROP> {
    const url = new URL(request.url);
    const at = url.pathname.search(ROOTS);
    const path = at === -1 ? url.pathname : url.pathname.slice(at);
    const method = request.method.toUpperCase();
    const found = at === -1 ? undefined : match(routes, method, path);
    const route: ChingRoute = found?.def.route ?? "unknown";
    const hosted = found?.def.hosted === true;
    const parsed = method === "POST" ? await readBody(request, hosted) : undefined;
    calls.push({ method, path, route, body: parsed?.ok ? parsed.body : undefined });
    if (calls.length > MAX_CALLS_KEPT) calls.shift();
    counts.set(route, (counts.get(route) ?? 0) + 1);
    total++;

    // Latency and the failure rate are the API's: hosted pages are Ching's website.
    if (latencyMs > 0 && !hosted) await delay(latencyMs, request.signal);
    const fault = takeFault(route, hosted);
    if (fault?.kind === "hang") await delay(Number.POSITIVE_INFINITY, request.signal);
    else if (fault?.kind === "drop") return DROP;
    else if (fault?.kind === "answer") return forced(fault);
    const context = options.context();
    if (!hosted && failureRate > 0 && random() < failureRate) {
      return context.reply.fail(failureStatus, "INTERNAL_ERROR", "An unexpected error occurred");
    }

    if (!hosted) {
      const authorization = request.headers.get("authorization");
      if (!authorization) return context.reply.fail(401, "NO_ACCESS", "Missing API key: send Authorization: Bearer <secret key>");
      if (authorization !== `Bearer ${apiKey}`) return context.reply.fail(401, "WRONG_CREDENTIALS", "Invalid API key");
    }
    if (parsed && !parsed.ok) return context.reply.fail(400, "INVALID_JSON", "The request body is not valid JSON");
    if (!found) return context.reply.fail(404, "NOT_FOUND", `No route ${method} ${path}`);
    return found.def.handle(context, { params: found.params, body: parsed?.ok ? parsed.body : undefined, query: url.searchParams });
  }

  return {
    answer,
    calls,
    callCount: (route?: ChingRoute) => (route === undefined ? total : (counts.get(route) ?? 0)),
    resetCalls() {
      calls.length = 0;
      counts.clear();
      total = 0;
    },
    setLatency(ms: number) {
      latencyMs = ms;
    },
    setFailureRate(rate: number, status = 500) {
      failureRate = rate;
      failureStatus = status;
    },
    addFault(fault: Fault) {
      faults.push(fault);
    },
    /** Removes every fault, latency and failure rate included; `initial` puts the options' values back. */
    clearFaults(initial = false) {
      faults = [];
      latencyMs = initial ? options.latencyMs : 0;
      failureRate = initial ? options.failureRate : 0;
      failureStatus = 500;
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
