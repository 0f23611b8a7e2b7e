import { createCustomerSchema, isCustomerId, updateCustomerSchema, type Customer, type CustomerMetadata } from "../core/customer";
import { customerPath } from "../core/client";
import { BillingPortalError } from "../core/error";
import { validate } from "../core/validate";
import { createChingClient } from "./ching";
import { HANDLER_ERROR_CODES as CODES, isJsonContentType, isRecord } from "../core/envelope";
import { keepBrowserMetadata } from "../core/metadata";
import { assertDeclaredSize, failure, ok, problem, readJsonBody } from "./http";
import {
  DEFAULT_TIMEOUT_MS,
  assertApiKey,
  assertFunction,
  assertPositive,
  normalizeApiBase,
  normalizeBasePath,
  normalizeOrigins,
  type AuthorizeRequest,
  type BillingPortalHandlerOptions,
  type BillingPortalIdentity,
  type ErrorContext,
} from "./options";

/** A web-standard request handler: Next.js route handlers, Hono, Remix, Bun, Deno, Workers. */
export type BillingPortalHandler = (request: Request) => Promise<Response>;

type Route = { kind: "collection" } | { kind: "me" } | { kind: "customer"; id: string };

const ALLOW = "GET, POST";
/** How long a customer created here answers a create by the same user whose `identify` does not know it yet. */
const RECENT_MS = 60_000;
const RECENT_MAX = 1000;

/** Messages for the browser; the merchant gets the detailed one through `onError`. */
const BROWSER_MESSAGES: Record<string, string> = {
  [CODES.misconfigured]: "The billing service is not configured correctly",
  [CODES.internal]: "Something went wrong on the server",
  [CODES.upstreamUnavailable]: "The billing service could not be reached",
  [CODES.upstreamTimeout]: "The billing service did not answer in time",
  [CODES.upstreamInvalidResponse]: "The billing service gave an answer that could not be read",
};

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

function defaultOnError(error: BillingPortalError): void {
  console.error(`[@ching/billing-portal-react/server] ${error.status} ${error.code}: ${error.message}`);
}

/**
 * Creates the merchant endpoint (docs/protocol.md) in one call. It holds the Ching key,
 * decides who may see what and never creates a second customer for one person.
 *
 * @example
 * const handler = createBillingPortalHandler({
 *   apiKey: process.env.CHING_API_KEY!,
 *   basePath: "/api/billing",
 *   identify: async (request) => {
 *     const user = await getSignedInUser(request);
 *     return user ? { userId: user.id, customerId: user.chingCustomerId ?? null, email: user.email } : null;
 *   },
 *   onCustomerCreated: (customer, request) => saveChingCustomerId(request, customer.id),
 * });
 */
export function createBillingPortalHandler(options: BillingPortalHandlerOptions): BillingPortalHandler {
  if (!isRecord(options)) throw new TypeError("createBillingPortalHandler: pass an options object");
  const { apiKey } = options;
  assertApiKey(apiKey);
  assertFunction(options.identify, "identify", "it tells the handler who is asking (answer null for nobody).");
  assertFunction(
    options.onCustomerCreated,
    "onCustomerCreated",
    "store customer.id on your user there, so identify returns it and the person never gets a second customer.",
  );
  assertPositive(options.timeoutMs, "timeoutMs");
  assertPositive(options.retries, "retries", true);
  assertPositive(options.retryDelayMs, "retryDelayMs", true);
  const apiBase = normalizeApiBase(options.apiBase);
  const basePath = normalizeBasePath(options.basePath);
  const allowedOrigins = normalizeOrigins(options.allowedOrigins);
  const metadataKeys = new Set(options.metadataKeys ?? []);
  const secret = apiKey.slice(apiKey.indexOf("_", 3) + 1);
  const redact = (text: string) => text.split(apiKey).join("[redacted]").split(secret).join("[redacted]");

  const ching = createChingClient({
    apiKey,
    apiBase,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retries: options.retries ?? 2,
    retryDelayMs: options.retryDelayMs ?? 200,
    redact,
  });

  /** Creates under way, by user: a second create for the same user waits for the first. */
  const inflight = new Map<string, Promise<Customer>>();
  /** Customers created here lately, by user, and whether `onCustomerCreated` stored them. */
  const recent = new Map<string, { customer: Customer; saved: boolean; at: number }>();
  let warnedNoUserKey = false;

  function report(error: BillingPortalError, context: ErrorContext): void {
    try {
      (options.onError ?? defaultOnError)(error, context);
    } catch {
      // A failing reporter must not turn an answer into a crash.
    }
  }

  function userKey(identity: BillingPortalIdentity): string | undefined {
    if (typeof identity.userId === "string" && identity.userId !== "") return `user:${identity.userId}`;
    if (typeof identity.email === "string" && identity.email.trim() !== "") return `email:${identity.email.trim().toLowerCase()}`;
    if (!warnedNoUserKey) {
      warnedNoUserKey = true;
      console.warn(
        "[@ching/billing-portal-react/server] identify() returned neither userId nor email, so two creates for one person at the same time cannot be merged. Return userId.",
      );
    }
    return undefined;
  }

  function remember(key: string, customer: Customer, saved: boolean): void {
    recent.delete(key);
    recent.set(key, { customer, saved, at: Date.now() });
    if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value as string);
  }

  function recall(key: string) {
    const entry = recent.get(key);
    if (entry && entry.saved && Date.now() - entry.at > RECENT_MS) {
      recent.delete(key);
      return undefined;
    }
    return entry;
  }

  function matchRoute(pathname: string): Route | null {
    let segments: string[];
    if (basePath !== undefined) {
      if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return null;
      segments = pathname.slice(basePath.length).split("/").filter(Boolean);
    } else {
      const all = pathname.split("/").filter(Boolean);
      const at = all.lastIndexOf("customers");
      segments = at === -1 ? [] : all.slice(at);
    }
    if (segments[0] !== "customers" || segments.length > 2) return null;
    const last = segments[1];
    if (last === undefined) return { kind: "collection" };
    if (last === "me") return { kind: "me" };
    let id: string;
    try {
      id = decodeURIComponent(last);
    } catch {
      id = "";
    }
    return { kind: "customer", id };
  }

  function originAllowed(request: Request, url: URL): boolean {
    if (!allowedOrigins) return true;
    const origin = request.headers.get("origin");
    if (origin === null) return request.headers.get("sec-fetch-site") !== "cross-site";
    return origin === url.origin || allowedOrigins.has(origin);
  }

  function corsHeaders(request: Request): Record<string, string> | undefined {
    const origin = request.headers.get("origin");
    if (!allowedOrigins || origin === null || !allowedOrigins.has(origin)) return undefined;
    return { "access-control-allow-origin": origin, "access-control-allow-credentials": "true", vary: "Origin" };
  }

  async function identify(request: Request): Promise<BillingPortalIdentity> {
    const identity = await options.identify(request);
    if (identity === null || identity === undefined) {
      throw problem(401, CODES.unauthenticated, "Sign in to see your billing details");
    }
    const customerId = identity.customerId ?? null;
    if (customerId !== null && !isCustomerId(customerId)) {
      throw problem(500, CODES.internal, "identify() returned a customerId that is not a Ching customer id (cus_ and 12 characters)");
    }
    return { ...identity, customerId };
  }

  async function allowed(action: AuthorizeRequest["action"], customerId: string | null, request: Request, identity: BillingPortalIdentity) {
    if (!options.authorize) return false;
    return (await options.authorize({ action, customerId, request, identity })) === true;
  }

  /** Keeps only `metadataKeys` of the browser's metadata, then lays the server's metadata over it. */
  function prepare(body: unknown, serverMetadata: CustomerMetadata | undefined, mergeAlways: boolean): unknown {
    if (!isRecord(body)) return body;
    const next = keepBrowserMetadata(body, metadataKeys);
    const server = serverMetadata && Object.keys(serverMetadata).length > 0 ? serverMetadata : undefined;
    if (server && (mergeAlways || next.metadata !== undefined)) {
      next.metadata = { ...(isRecord(next.metadata) ? next.metadata : {}), ...server };
    }
    return next;
  }

  function check<T>(schema: Parameters<typeof validate<T>>[0], value: unknown): T {
    const result = validate(schema, value);
    if (!result.ok) throw problem(400, CODES.invalidField, "Some fields are invalid", result.issues);
    return result.data;
  }

  /** The customer in Ching's answer; `null` for a deleted one. */
  function asCustomer(data: unknown): Customer | null {
    if (!isRecord(data) || typeof data.id !== "string") {
      throw problem(502, CODES.upstreamInvalidResponse, "Ching answered without a customer object");
    }
    return data.deleted === true ? null : (data as Customer);
  }

  const noCustomerYet = () => problem(404, CODES.notFound, "You have no customer yet");
  const noSuchCustomer = () => problem(404, CODES.notFound, "No such customer");

  async function retrieve(id: string, signal: AbortSignal): Promise<Customer | null> {
    return asCustomer(await ching("GET", customerPath(id), undefined, signal));
  }

  async function update(id: string, input: unknown): Promise<Customer> {
    return asCustomer(await ching("POST", customerPath(id), input)) ?? throwNotFound();
  }

  function throwNotFound(): never {
    throw noSuchCustomer();
  }

  async function link(key: string | undefined, customer: Customer, request: Request, identity: BillingPortalIdentity): Promise<Customer> {
    try {
      await options.onCustomerCreated(customer, request, identity);
    } catch (cause) {
      if (key) remember(key, customer, false);
      throw problem(
        500,
        CODES.internal,
        `onCustomerCreated() failed for the new customer ${customer.id} (${redact(describe(cause))}). It exists at Ching; ` +
          (key ? "the next create for this user stores it again instead of creating another." : "return userId from identify() so a retry does not create another."),
        undefined,
        cause,
      );
    }
    if (key) remember(key, customer, true);
    return customer;
  }

  /** `POST /customers`: one person, one customer. */
  async function createFor(identity: BillingPortalIdentity, body: unknown, request: Request): Promise<Customer> {
    if (identity.customerId) {
      const existing = await retrieve(identity.customerId, request.signal).catch((error: unknown) => {
        if (error instanceof BillingPortalError && error.status === 404) return null;
        throw error;
      });
      if (existing) return existing;
    }
    const key = userKey(identity);
    const running = key ? inflight.get(key) : undefined;
    if (running) return running;
    const known = key ? recall(key) : undefined;
    if (known?.saved) return known.customer;
    if (known) return link(key, known.customer, request, identity);

    const input = check(
      createCustomerSchema,
      prepare(isRecord(body) ? { name: identity.name, email: identity.email, ...body } : body, identity.metadata, true),
    );
    const creating = (async () => {
      const created = asCustomer(await ching("POST", "/customers", input));
      if (!created) throw problem(502, CODES.upstreamInvalidResponse, "Ching answered a create with a deleted customer");
      return link(key, created, request, identity);
    })();
    if (key) {
      inflight.set(key, creating);
      creating.then(
        () => inflight.delete(key),
        () => inflight.delete(key),
      );
    }
    return creating;
  }

  async function route(request: Request, cors: Record<string, string> | undefined): Promise<Response> {
    const url = new URL(request.url);
    const target = matchRoute(url.pathname);
    if (!target) throw problem(404, CODES.notFound, "No such route");
    const method = request.method.toUpperCase();
    if (method === "OPTIONS") {
      const headers: Record<string, string> = { allow: ALLOW, ...cors };
      if (cors) {
        headers["access-control-allow-methods"] = ALLOW;
        headers["access-control-allow-headers"] = request.headers.get("access-control-request-headers") ?? "content-type";
        headers["access-control-max-age"] = "600";
      }
      return new Response(null, { status: 204, headers });
    }
    if (method !== "GET" && method !== "POST") {
      return failure(problem(405, CODES.methodNotAllowed, `Use GET or POST, not ${method}`), { ...cors, allow: ALLOW });
    }
    if (target.kind === "customer" && !isCustomerId(target.id)) {
      throw problem(400, CODES.invalidId, "That is not a customer id");
    }
    if (method === "POST") {
      if (!originAllowed(request, url)) throw problem(403, CODES.forbiddenOrigin, "Requests from this origin are not allowed");
      if (!isJsonContentType(request.headers.get("content-type"))) {
        throw problem(415, CODES.unsupportedMediaType, "Send the body as JSON with Content-Type: application/json");
      }
      assertDeclaredSize(request);
    }

    const identity = await identify(request);
    const body = method === "POST" ? await readJsonBody(request) : undefined;
    const own = identity.customerId;

    if (target.kind === "me") {
      if (!own) throw noCustomerYet();
      if (method === "GET") return ok((await retrieve(own, request.signal)) ?? throwNoCustomerYet(), cors);
      const input = check(updateCustomerSchema, prepare(body, identity.metadata, false));
      return ok(await update(own, input), cors);
    }

    if (target.kind === "collection") {
      if (method === "POST") return ok(await createFor(identity, body, request), cors);
      if (!(await allowed("list", null, request, identity))) throw problem(403, CODES.forbidden, "Listing customers is not allowed");
      const list = await ching("GET", "/customers", undefined, request.signal);
      if (!Array.isArray(list)) throw problem(502, CODES.upstreamInvalidResponse, "Ching answered the list with something that is not a list");
      return ok(list, cors);
    }

    const { id } = target;
    const action = method === "GET" ? "read" : "update";
    // Someone else's customer looks exactly like one that does not exist, and Ching is not asked.
    if (id !== own && !(await allowed(action, id, request, identity))) throw noSuchCustomer();
    if (method === "GET") return ok((await retrieve(id, request.signal)) ?? throwNotFound(), cors);
    const input = check(updateCustomerSchema, prepare(body, id === own ? identity.metadata : undefined, false));
    return ok(await update(id, input), cors);
  }

  function throwNoCustomerYet(): never {
    throw noCustomerYet();
  }

  return async function billingPortalHandler(request: Request): Promise<Response> {
    const cors = corsHeaders(request);
    try {
      return await route(request, cors);
    } catch (thrown) {
      const error =
        thrown instanceof BillingPortalError
          ? thrown
          : problem(500, CODES.internal, `Unexpected error: ${redact(describe(thrown))}`, undefined, thrown);
      if (error.status >= 500) report(error, { request });
      const message = BROWSER_MESSAGES[error.code];
      return failure(message ? problem(error.status, error.code, message) : error, cors);
    }
  };
}
