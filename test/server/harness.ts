import { createServer, type Server } from "node:http";
import { afterEach } from "vitest";
import {
  createBillingPortalHandler,
  toNodeHandler,
  type BillingPortalError,
  type BillingPortalHandler,
  type BillingPortalHandlerOptions,
  type BillingPortalIdentity,
  type Customer,
} from "../../src/server";
import { createMockChing, MOCK_CHING_API_KEY, type MockChing, type MockChingOptions, type MockChingServer } from "../../src/testing";
import { closeServer, listenOn } from "./listen";

export { closeServer, listenOn };

/** Obviously fake: `ck_test_` and zeros. */
export const TEST_KEY = MOCK_CHING_API_KEY;
export const MOUNT = "/api/billing";
const SHOP = "https://shop.example";

/**
 * How the handler reaches Ching and the browser reaches the handler: `fetch`, in-process through
 * `createMockChing().fetch` (the `fetch` option); `http`, over loopback with the handler's default
 * client (on Node the keep-alive node:http one) behind toNodeHandler; `http-fetch`, the same with
 * the global fetch passed as the `fetch` option (what runs where there is no Node).
 */
export type Transport = "fetch" | "http" | "http-fetch";
export const transports: Transport[] = ["fetch", "http", "http-fetch"];

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed envelope. */
  json: { success: boolean; data?: unknown; error?: { status: number; code: string; message: string; issues?: { path: string[]; message: string }[] } };
}

export interface CallOptions {
  method?: string;
  /** Sent as JSON unless `raw` is given. */
  body?: unknown;
  raw?: BodyInit;
  /** The signed-in user (sent as `x-user`); default the harness's current user. */
  user?: string | null;
  headers?: Record<string, string>;
}

export interface Harness {
  transport: Transport;
  ching: MockChing;
  handler: BillingPortalHandler;
  /** The merchant's user table: user id → their Ching customer id. */
  users: Map<string, string | null>;
  /** Every error the handler reported through onError. */
  reported: BillingPortalError[];
  /** Customers handed to onCustomerCreated. */
  created: Customer[];
  /** The URL a browser would use for a path relative to the mount. */
  url(path: string): string;
  call(path: string, options?: CallOptions): Promise<Answer>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  transport?: Transport;
  ching?: MockChingOptions;
  /** Overrides of the handler options the harness builds. */
  handler?: Partial<BillingPortalHandlerOptions>;
  /** Users that exist from the start (all without a customer unless given). */
  users?: Record<string, string | null>;
}

/** The signed-in user is whoever the `x-user` header names, as a session cookie would tell. */
function identifyFrom(users: Map<string, string | null>) {
  return (request: Request): BillingPortalIdentity | null => {
    const user = request.headers.get("x-user");
    if (!user || !users.has(user)) return null;
    return { userId: user, customerId: users.get(user) ?? null, email: `${user}@example.com`, metadata: { userId: user } };
  };
}

/**
 * The handler wired to a mock Ching: through `ching.fetch` in-process, or over real HTTP on
 * loopback (the mock Ching listening, the handler behind toNodeHandler on node:http).
 */
export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const transport = options.transport ?? "fetch";
  const ching = createMockChing({ apiKey: TEST_KEY, ...options.ching });
  const users = new Map<string, string | null>(Object.entries(options.users ?? { alice: null, bob: null }));
  const reported: BillingPortalError[] = [];
  const created: Customer[] = [];

  let chingServer: MockChingServer | undefined;
  let nodeServer: Server | undefined;
  let origin = SHOP;

  const base: BillingPortalHandlerOptions = {
    apiKey: TEST_KEY,
    basePath: MOUNT,
    retryDelayMs: 1,
    identify: identifyFrom(users),
    onCustomerCreated: (customer, request) => {
      const user = request.headers.get("x-user");
      if (user) users.set(user, customer.id);
      created.push(customer);
    },
    onError: (error) => {
      reported.push(error);
    },
  };
  if (transport === "fetch") {
    base.fetch = ching.fetch;
  } else {
    chingServer = await ching.listen(0);
    base.apiBase = chingServer.apiBase;
    if (transport === "http-fetch") base.fetch = (input, init) => globalThis.fetch(input, init);
  }
  const handler = createBillingPortalHandler({ ...base, ...options.handler });
  if (transport !== "fetch") {
    nodeServer = createServer(toNodeHandler(handler));
    origin = await listenOn(nodeServer);
  }

  const url = (path: string) => `${origin}${MOUNT}${path}`;

  return {
    transport,
    ching,
    handler,
    users,
    reported,
    created,
    url,
    async call(path, callOptions = {}) {
      const headers = new Headers(callOptions.headers);
      const user = callOptions.user === undefined ? "alice" : callOptions.user;
      if (user !== null) headers.set("x-user", user);
      const method = callOptions.method ?? (callOptions.body !== undefined || callOptions.raw !== undefined ? "POST" : "GET");
      let body: BodyInit | undefined = callOptions.raw;
      if (callOptions.body !== undefined) {
        body = JSON.stringify(callOptions.body);
        if (!headers.has("content-type")) headers.set("content-type", "application/json");
      }
      // A redirect is an answer to look at (the receipt PDF), not one to follow.
      const init: RequestInit & { duplex?: "half" } = { method, headers, body, redirect: "manual" };
      if (body instanceof ReadableStream) init.duplex = "half";
      const response = transport === "fetch" ? await handler(new Request(url(path), init)) : await fetch(url(path), init);
      const text = await response.text();
      let json: Answer["json"];
      try {
        json = JSON.parse(text) as Answer["json"];
      } catch {
        json = { success: false };
      }
      return { status: response.status, headers: response.headers, text, json };
    },
    async close() {
      if (nodeServer) await closeServer(nodeServer);
      if (chingServer) await chingServer.close();
    },
  };
}

export function customerOf(answer: Answer): Customer {
  return answer.json.data as Customer;
}

/**
 * One harness per test, closed after it: `const setup = harnessPerTest(transport)`, then
 * `const { call } = await setup({ users: … })` inside a test.
 */
export function harnessPerTest(transport: Transport): (options?: HarnessOptions) => Promise<Harness> {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  return async (options = {}) => (harness = await createHarness({ transport, ...options }));
}

/**
 * A handler whose every Ching call fails with an error that names the key (a fetch that echoes
 * its Authorization header): what must never travel back to the browser, a report or the console.
 */
export function keyEchoingHandler(onError?: BillingPortalHandlerOptions["onError"]): BillingPortalHandler {
  return createBillingPortalHandler({
    apiKey: TEST_KEY,
    fetch: () => Promise.reject(new TypeError(`fetch failed for Bearer ${TEST_KEY}`)),
    retries: 0,
    identify: () => ({ userId: "u1", customerId: "cus_V8ltq1pK_MWH" }),
    onCustomerCreated: () => undefined,
    ...(onError ? { onError } : {}),
  });
}
