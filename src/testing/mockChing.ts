import { createCustomerSchema, updateCustomerSchema, type Customer } from "../core/customer";
import { errorEnvelope, isRecord, successEnvelope } from "../core/envelope";
import { validate } from "../core/validate";
import { CustomerStore, EMAIL_EXISTS, emailTaken, type CustomerSeed } from "./customerStore";
import type * as NodeHttp from "node:http";

/** The key the mock accepts unless told otherwise: obviously fake. */
export const MOCK_CHING_API_KEY = `ck_test_${"0".repeat(64)}`;

/** The routes of Ching's Customers API, as the mock counts them. */
export type ChingRoute =
  | "POST /customers"
  | "GET /customers"
  | "POST /customers/upsert"
  | "GET /customers/:id"
  | "POST /customers/:id"
  | "DELETE /customers/:id"
  | "GET /customers/:id/payment_methods"
  | "unknown";

export interface MockChingOptions {
  /** The one key it accepts (`Authorization: Bearer …`); `_live_` in it makes every object `livemode: true`. Default `ck_test_` and 64 zeros. */
  apiKey?: string;
  /** Customers that exist from the start (oldest first). */
  customers?: CustomerSeed[];
  /** Milliseconds added to every answer. Default 0. */
  latencyMs?: number;
  /** The share of requests (0 to 1) answered with a 500. Default 0. */
  failureRate?: number;
  /** Where the failure rate draws its numbers; default `Math.random`. */
  random?: () => number;
  /** `issues[].path` as an array of keys (Ching's docs, the default) or a dotted string (other material). */
  issuePathStyle?: "array" | "string";
  /** The status of `INVALID_FIELD`: 400 (the default) or 422, as some material shows it. */
  invalidFieldStatus?: 400 | 422;
}

/** Which requests a fault hits. */
export interface MockChingFault {
  /** Only requests to this route; default every route. */
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
  /** Relative to the API base, e.g. `/customers/cus_V8ltq1pK_MWH`. */
  path: string;
  route: ChingRoute;
  /** The parsed JSON body of a POST, if it was JSON. */
  body: unknown;
}

export interface MockChingServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `http://127.0.0.1:<port>/ching/v1`: pass it as the handler's `apiBase`. */
  apiBase: string;
  port: number;
  /** Stops listening and cuts open connections (hung requests included). */
  close(): Promise<void>;
}

export interface MockChing {
  /** The key it accepts. */
  readonly apiKey: string;
  /** Answers like Ching over the network would; pass it as the handler's `fetch`. Any origin and base path work. */
  fetch(input: Request | URL | string, init?: RequestInit): Promise<Response>;
  /** Serves the API over HTTP on 127.0.0.1 (port 0: any free port). */
  listen(port?: number): Promise<MockChingServer>;
  /** The requests received, oldest first (faulted ones too); the latest 10 000 are kept. */
  readonly calls: readonly MockChingCall[];
  /** How many requests reached this route, or any route, since the start or `resetCalls()`. */
  callCount(route?: ChingRoute): number;
  /** Forgets the calls, keeps the customers. */
  resetCalls(): void;
  /** The customers now stored, newest first (deleted ones left out). */
  customers(): Customer[];
  /** Stores a customer. */
  seed(customer: CustomerSeed): Customer;
  /** Every later answer waits this much longer. */
  setLatency(ms: number): void;
  /** This share (0 to 1) of later requests answers `status` (default 500). */
  setFailureRate(rate: number, status?: number): void;
  /** Forces an answer, e.g. `{ status: 503, times: 2 }` or `{ status: 502, body: "<html>…" }`. */
  failWith(answer: ForcedChingAnswer): void;
  /** Requests never get an answer (until the caller aborts or the server closes). */
  hang(fault?: MockChingFault): void;
  /** Requests fail as a network failure: `fetch` rejects, the HTTP server cuts the connection. */
  dropConnection(fault?: MockChingFault): void;
  /** Removes every fault, latency and failure rate included. */
  clearFaults(): void;
  /** Gives the customer an active subscription: deleting it answers 409. */
  setActiveSubscription(customerId: string, active?: boolean): void;
  /** Back to the options it was made with. */
  reset(): void;
}

type Fault = (MockChingFault & { kind: "hang" | "drop" }) | (ForcedChingAnswer & { kind: "answer" });

const MAX_CALLS_KEPT = 10_000;

/** Raised inside the mock for a dropped connection. */
const DROP = Symbol("drop");

type Issue = { path: string[]; message: string };

function delay(ms: number, signal: AbortSignal): Promise<void> {
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

function routeOf(method: string, path: string): ChingRoute {
  const parts = path.split("/").filter(Boolean);
  if (parts[0] !== "customers") return "unknown";
  if (parts.length === 1) return method === "GET" ? "GET /customers" : method === "POST" ? "POST /customers" : "unknown";
  if (parts.length === 2 && parts[1] === "upsert" && method === "POST") return "POST /customers/upsert";
  if (parts.length === 2) {
    if (method === "GET") return "GET /customers/:id";
    if (method === "POST") return "POST /customers/:id";
    if (method === "DELETE") return "DELETE /customers/:id";
  }
  if (parts.length === 3 && parts[2] === "payment_methods" && method === "GET") return "GET /customers/:id/payment_methods";
  return "unknown";
}

/**
 * An in-memory Ching Customers API, following Ching's documented behaviour: create, list
 * (newest first, at most 100), retrieve (a deleted customer answers `{ id, object, deleted }`),
 * update (POST, patch), upsert, soft delete; the error envelope with 400 `INVALID_FIELD`,
 * 401 for a missing or wrong key, 404 `NOT_FOUND`, 409 `EMAIL_EXISTS`. Fault injection for
 * latency, failures, forced answers, hangs and dropped connections.
 *
 * @example
 * const ching = createMockChing();
 * const handler = createBillingPortalHandler({ apiKey: ching.apiKey, fetch: ching.fetch, identify, onCustomerCreated });
 * // later: expect(ching.callCount("POST /customers")).toBe(1);
 */
export function createMockChing(options: MockChingOptions = {}): MockChing {
  const apiKey = options.apiKey ?? MOCK_CHING_API_KEY;
  const livemode = apiKey.includes("_live_");
  const random = options.random ?? Math.random;
  const invalidFieldStatus = options.invalidFieldStatus ?? 400;

  const newStore = () => new CustomerStore({ livemode, seed: options.customers });
  let store = newStore();
  let latencyMs = options.latencyMs ?? 0;
  let failureRate = options.failureRate ?? 0;
  let failureStatus = 500;
  let faults: Fault[] = [];
  let subscribed = new Set<string>();
  const calls: MockChingCall[] = [];
  const counts = new Map<ChingRoute, number>();
  let total = 0;

  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8" } });
  const ok = (data: unknown) => json(200, successEnvelope(data));
  const fail = (status: number, code: string, message: string, issues?: Issue[]) => {
    const envelope = errorEnvelope({ status, code, message, issues });
    if (issues && issues.length > 0 && options.issuePathStyle === "string") {
      return json(status, { ...envelope, error: { ...envelope.error, issues: issues.map((i) => ({ ...i, path: i.path.join(".") })) } });
    }
    return json(status, envelope);
  };
  const notFound = () => fail(404, "NOT_FOUND", "No such customer");
  const invalid = (issues: Issue[]) => fail(invalidFieldStatus, "INVALID_FIELD", "Some fields are invalid", issues);
  const emailExists = () => fail(EMAIL_EXISTS.status, EMAIL_EXISTS.code, EMAIL_EXISTS.message, [...EMAIL_EXISTS.issues]);

  function takeFault(route: ChingRoute): Fault | undefined {
    const fault = faults.find((f) => f.route === undefined || f.route === route);
    if (fault && fault.times !== undefined && --fault.times <= 0) faults = faults.filter((f) => f !== fault);
    return fault;
  }

  async function readBody(request: Request): Promise<{ ok: true; body: unknown } | { ok: false }> {
    const text = await request.text();
    if (text.trim() === "") return { ok: true, body: {} };
    try {
      return { ok: true, body: JSON.parse(text) as unknown };
    } catch {
      return { ok: false };
    }
  }

  function upsert(body: unknown): Response {
    const record = isRecord(body) ? body : {};
    const identifyBy = record.identifyBy;
    if (identifyBy !== "email" && identifyBy !== "taxId" && identifyBy !== "phone") {
      return invalid([{ path: ["identifyBy"], message: "identifyBy must be email, taxId or phone" }]);
    }
    const value = record[identifyBy];
    if (typeof value !== "string" || value.trim() === "") {
      return invalid([{ path: [identifyBy], message: `${identifyBy} is required to identify the customer` }]);
    }
    const fields = { ...record };
    delete fields.identifyBy;
    const match = store.findNewestBy(identifyBy, value.trim());
    if (match) {
      const checked = validate(updateCustomerSchema, fields);
      if (!checked.ok) return invalid(checked.issues);
      if (emailTaken(store, checked.data.email, match.id)) return emailExists();
      const updated = store.update(match.id, checked.data);
      return ok({ ...updated, action: "updated" });
    }
    const checked = validate(createCustomerSchema, fields);
    if (!checked.ok) return invalid(checked.issues);
    if (emailTaken(store, checked.data.email)) return emailExists();
    return ok({ ...store.create(checked.data), action: "created" });
  }

  async function answer(request: Request): Promise<Response | typeof DROP> {
    const url = new URL(request.url);
    const at = url.pathname.search(/\/customers(\/|$)/);
    const path = at === -1 ? url.pathname : url.pathname.slice(at);
    const method = request.method.toUpperCase();
    const route = at === -1 ? "unknown" : routeOf(method, path);
    const parsed = method === "POST" ? await readBody(request) : undefined;
    calls.push({ method, path, route, body: parsed?.ok ? parsed.body : undefined });
    if (calls.length > MAX_CALLS_KEPT) calls.shift();
    counts.set(route, (counts.get(route) ?? 0) + 1);
    total++;

    if (latencyMs > 0) await delay(latencyMs, request.signal);
    const fault = takeFault(route);
    if (fault?.kind === "hang") {
      await delay(Number.POSITIVE_INFINITY, request.signal);
    } else if (fault?.kind === "drop") {
      return DROP;
    } else if (fault?.kind === "answer") {
      if (fault.body !== undefined) return new Response(fault.body, { status: fault.status, headers: { "content-type": "text/html" } });
      const envelope = errorEnvelope({
        status: fault.status,
        code: fault.code ?? (fault.status >= 500 ? "INTERNAL_ERROR" : `HTTP_${fault.status}`),
        message: fault.message ?? `Forced HTTP ${fault.status}`,
      });
      return json(fault.status, fault.issues ? { ...envelope, error: { ...envelope.error, issues: fault.issues } } : envelope);
    }
    if (failureRate > 0 && random() < failureRate) return fail(failureStatus, "INTERNAL_ERROR", "An unexpected error occurred");

    const authorization = request.headers.get("authorization");
    if (!authorization) return fail(401, "NO_ACCESS", "Missing API key: send Authorization: Bearer <secret key>");
    if (authorization !== `Bearer ${apiKey}`) return fail(401, "WRONG_CREDENTIALS", "Invalid API key");
    if (parsed && !parsed.ok) return fail(400, "INVALID_JSON", "The request body is not valid JSON");
    const body = parsed?.ok ? parsed.body : undefined;
    const id = decodeURIComponent(path.split("/")[2] ?? "");

    switch (route) {
      case "GET /customers":
        return ok(store.list(100));
      case "POST /customers": {
        const checked = validate(createCustomerSchema, body);
        if (!checked.ok) return invalid(checked.issues);
        if (emailTaken(store, checked.data.email)) return emailExists();
        return ok(store.create(checked.data));
      }
      case "POST /customers/upsert":
        return upsert(body);
      case "GET /customers/:id": {
        if (store.isDeleted(id)) return ok({ id, object: "customer", deleted: true });
        const customer = store.get(id);
        return customer ? ok(customer) : notFound();
      }
      case "POST /customers/:id": {
        if (!store.get(id)) return notFound();
        const checked = validate(updateCustomerSchema, body);
        if (!checked.ok) return invalid(checked.issues);
        if (emailTaken(store, checked.data.email, id)) return emailExists();
        return ok(store.update(id, checked.data));
      }
      case "DELETE /customers/:id": {
        if (subscribed.has(id)) {
          return fail(409, "CUSTOMER_HAS_ACTIVE_SUBSCRIPTION", "The customer has an active subscription; cancel it first");
        }
        return store.delete(id) ? ok({ id, object: "customer", deleted: true }) : notFound();
      }
      case "GET /customers/:id/payment_methods":
        return store.get(id) ? ok([]) : notFound();
      default:
        return fail(404, "NOT_FOUND", `No route ${method} ${path}`);
    }
  }

  const networkFailure = () => new TypeError("fetch failed", { cause: new Error("mock Ching dropped the connection") });

  async function mockFetch(input: Request | URL | string, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const result = await answer(request);
    if (result === DROP) throw networkFailure();
    return result;
  }

  async function listen(port = 0): Promise<MockChingServer> {
    // Loaded only here, so the testing entry still loads in a browser (Storybook, MSW).
    const specifier = "node:http";
    const http = (await import(/* @vite-ignore */ specifier)) as typeof NodeHttp;
    const server = http.createServer((req, res) => {
      const controller = new AbortController();
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (typeof value === "string") headers.set(name, value);
          else if (Array.isArray(value)) for (const one of value) headers.append(name, one);
        }
        const method = req.method ?? "GET";
        const body = chunks.length > 0 && method !== "GET" && method !== "HEAD" ? Buffer.concat(chunks) : undefined;
        const request = new Request(new URL(req.url ?? "/", "http://127.0.0.1"), {
          method,
          headers,
          body: body ? new Uint8Array(body) : undefined,
          signal: controller.signal,
        });
        answer(request).then(
          async (result) => {
            if (result === DROP) {
              req.socket.destroy();
              return;
            }
            const text = await result.text();
            res.writeHead(result.status, Object.fromEntries(result.headers));
            res.end(text);
          },
          () => {
            if (!res.headersSent) res.destroy();
          },
        );
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    const address = server.address();
    const actual = typeof address === "object" && address ? address.port : port;
    const url = `http://127.0.0.1:${actual}`;
    return {
      url,
      apiBase: `${url}/ching/v1`,
      port: actual,
      close: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    };
  }

  return {
    apiKey,
    fetch: mockFetch,
    listen,
    calls,
    callCount: (route) => (route === undefined ? total : (counts.get(route) ?? 0)),
    resetCalls() {
      calls.length = 0;
      counts.clear();
      total = 0;
    },
    customers: () => store.list(Number.POSITIVE_INFINITY),
    seed: (customer) => store.seed(customer),
    setLatency(ms) {
      latencyMs = ms;
    },
    setFailureRate(rate, status = 500) {
      failureRate = rate;
      failureStatus = status;
    },
    failWith(forced) {
      faults.push({ ...forced, kind: "answer" });
    },
    hang(fault = {}) {
      faults.push({ ...fault, kind: "hang" });
    },
    dropConnection(fault = {}) {
      faults.push({ ...fault, kind: "drop" });
    },
    clearFaults() {
      faults = [];
      latencyMs = 0;
      failureRate = 0;
    },
    setActiveSubscription(customerId, active = true) {
      if (active) subscribed.add(customerId);
      else subscribed.delete(customerId);
    },
    reset() {
      store = newStore();
      latencyMs = options.latencyMs ?? 0;
      failureRate = options.failureRate ?? 0;
      failureStatus = 500;
      faults = [];
      subscribed = new Set();
      calls.length = 0;
      counts.clear();
      total = 0;
    },
  };
}
