import { HANDLER_ERROR_CODES as CODES, isRecord } from "../core/envelope";
import { BillingPortalError } from "../core/error";
import { isCustomerId } from "../core/customer";
import { createBillingOperations } from "./billing";
import { createChingClient, fetchTransport } from "./ching";
import { createOnce, USER_MARKER_KEY } from "./createOnce";
import { chingCustomers } from "./customers";
import { firstGuardError } from "./guards";
import { createMemoryLock } from "./lock";
import { goneOf } from "./departure";
import { failure, ok, problem, readJsonBody, setInnerHandler, toResponse, type Answer } from "./http";
import { nodeTransport } from "./nodeClient";
import { createInput, createOperations } from "./operations";
import {
  DEFAULT_CALLBACK_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
  assertApiKey,
  assertFunction,
  assertPositive,
  isMissingKey,
  MISSING_KEY_MESSAGE,
  normalizeApiBase,
  normalizeBasePath,
  normalizeOrigins,
  type BillingPortalHandlerOptions,
  type BillingPortalIdentity,
  type ErrorContext,
} from "./options";
import { documentIdsOf } from "../core/protocol";
import { invalidParameter, routeOf } from "./routing";

/** A web-standard request handler: Next.js route handlers, Hono, Remix, Bun, Deno, Workers. */
export type BillingPortalHandler = (request: Request) => Promise<Response>;

/** Stands in for a missing key so the rest is set up (and checked) as usual; never sent anywhere. */
const MOCK_SHAPED_KEY = `ck_test_${"0".repeat(64)}`;

/** Messages for the browser; the merchant gets the detailed one through `onError`. */
const BROWSER_MESSAGES: Record<string, string> = {
  [CODES.misconfigured]: "The billing service is not configured correctly",
  [CODES.internal]: "Something went wrong on the server",
  [CODES.upstreamUnavailable]: "The billing service could not be reached",
  [CODES.upstreamTimeout]: "The billing service did not answer in time",
  [CODES.upstreamInvalidResponse]: "The billing service gave an answer that could not be read",
};

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

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
  // A missing key is a deployment problem, not a programming one: a build that imports the
  // route (Next.js collects its config) must not fail, so every request answers it instead.
  const keyMissing = isMissingKey(options.apiKey);
  const apiKey = keyMissing ? MOCK_SHAPED_KEY : options.apiKey;
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
  assertPositive(options.callbackTimeoutMs, "callbackTimeoutMs");
  const apiBase = normalizeApiBase(options.apiBase);
  const basePath = normalizeBasePath(options.basePath);
  const allowedOrigins = normalizeOrigins(options.allowedOrigins);
  const metadataKeys = new Set(options.metadataKeys ?? []);
  const secret = apiKey.slice(apiKey.indexOf("_", 3) + 1);
  // The key holds its secret part, so a text without the secret holds neither (one scan, as a rule).
  const redact = (text: string) => (text.includes(secret) ? text.split(apiKey).join("[redacted]").split(secret).join("[redacted]") : text);

  const callbackTimeoutMs = options.callbackTimeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS;
  /** Your callbacks, cut off after `callbackTimeoutMs`: a hung session store must not hang the request (or a user's create). */
  function withinTime<T>(callback: () => T | Promise<T>, name: string): T | Promise<T> {
    // An answer given at once cannot hang: no timer for it (most identify functions read a cookie).
    const answer = callback();
    if (!isThenable(answer)) return answer;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(problem(500, CODES.internal, `${name} did not answer within ${callbackTimeoutMs} ms (callbackTimeoutMs)`)),
        callbackTimeoutMs,
      );
    });
    return Promise.race([answer as Promise<T>, late]).finally(() => clearTimeout(timer));
  }

  const ching = createChingClient({
    apiKey,
    apiBase,
    // On Node a keep-alive node:http(s) client unless the merchant passed a fetch; elsewhere the global fetch.
    transport: options.fetch ? fetchTransport(options.fetch) : (nodeTransport() ?? fetchTransport((input, init) => globalThis.fetch(input, init))),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retries: options.retries ?? 2,
    retryDelayMs: options.retryDelayMs ?? 200,
    redact,
  });
  const customers = chingCustomers(ching);
  const customerOperations = createOperations({
    customers,
    metadataKeys,
    authorize: options.authorize && ((question) => withinTime(() => options.authorize!(question), "authorize()")),
    createOnce: createOnce({
      retrieve: customers.retrieve,
      findMarked: (userId, gone) => customers.findByMetadata(USER_MARKER_KEY, userId, gone),
      input: (identity, body, userId) => createInput(identity, body, metadataKeys, userId),
      create: customers.create,
      upsertByEmail: customers.upsertByEmail,
      store: async (customer, request, identity) =>
        withinTime(() => options.onCustomerCreated(customer, request, identity), "onCustomerCreated()"),
      lock: options.lock ?? createMemoryLock(),
      redact,
    }),
  });
  const operations = {
    ...customerOperations,
    ...createBillingOperations({
      ching,
      allowedOrigins,
      returnUrl: options.returnUrl,
      allowRemovePaymentMethods: options.allowRemovePaymentMethods ?? true,
    }),
  };

  function report(error: BillingPortalError, context: ErrorContext): void {
    // What the merchant is told carries no key either: not in the message, not in a raw cause.
    const cause = error.cause === undefined ? undefined : new Error(redact(describe(error.cause)));
    const clean = new BillingPortalError({
      status: error.status,
      code: redact(error.code),
      message: redact(error.message),
      issues: error.issues.map((issue) => ({ path: issue.path.map(redact), message: redact(issue.message) })),
      cause,
    });
    try {
      (options.onError ?? defaultOnError)(clean, context);
    } catch {
      // A failing reporter must not turn an answer into a crash.
    }
  }

  function corsHeaders(request: Request): Record<string, string> | undefined {
    // Without allowedOrigins there is no CORS to answer: the header is not even read.
    if (!allowedOrigins) return undefined;
    const origin = request.headers.get("origin");
    if (origin === null || !allowedOrigins.has(origin)) return undefined;
    return { "access-control-allow-origin": origin, "access-control-allow-credentials": "true", vary: "Origin" };
  }

  /** Check 7: someone is signed in, with a customer id shaped like one. */
  function checkIdentity(identity: unknown): BillingPortalIdentity {
    if (identity === null || identity === undefined) {
      throw problem(401, CODES.unauthenticated, "Sign in to see your billing details");
    }
    // "alice" or `true` is a bug in identify, not a signed-in person.
    if (!isRecord(identity)) {
      throw problem(500, CODES.misconfigured, "identify() must answer an identity object ({ userId, customerId, … }) or null, not " + typeof identity);
    }
    const customerId = identity.customerId ?? null;
    if (customerId !== null && !isCustomerId(customerId)) {
      throw problem(500, CODES.internal, "identify() returned a customerId that is not a Ching customer id (cus_ and 8 to 64 of A-Z a-z 0-9 _ -)");
    }
    return { ...(identity as unknown as BillingPortalIdentity), customerId };
  }

  async function route(request: Request, cors: Record<string, string> | undefined): Promise<Answer> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const match = routeOf(method, url.pathname, basePath);
    // Check 1: the path is one of the protocol's.
    if (!match) throw problem(404, CODES.notFound, "No such route");
    const allowHeader = () => match.allow.join(", ");
    if (method === "OPTIONS") {
      const headers: Record<string, string> = { allow: allowHeader(), ...cors };
      if (cors) {
        headers["access-control-allow-methods"] = allowHeader();
        headers["access-control-allow-headers"] = request.headers.get("access-control-request-headers") ?? "content-type";
        headers["access-control-max-age"] = "600";
      }
      return { status: 204, headers, text: null };
    }
    // The one request whose ids are in the query: `GET /customers/me/documents?ids=…`.
    const documentIds = match.kind === "route" && match.name === "getDocuments" ? { named: documentIdsOf(url.searchParams) } : undefined;
    const refused = firstGuardError(request, method, {
      allow: match.allow,
      invalidParameter: match.kind === "route" ? invalidParameter(match.params) : undefined,
      documentIds,
      ownOrigin: url.origin,
      allowedOrigins,
    });
    if (refused) return failure(refused, refused.status === 405 ? { ...cors, allow: allowHeader() } : cors, redact);
    // The method guard refused every method the path does not have.
    if (match.kind !== "route") throw problem(405, CODES.methodNotAllowed, `Use ${allowHeader()}`);

    // An identify that answers at once (most read a cookie) costs no extra turn of the event loop.
    const answered: unknown = withinTime(() => options.identify(request), "identify()");
    const identity = checkIdentity(isThenable(answered) ? await answered : answered);
    const body = method === "POST" ? await readJsonBody(request) : undefined;
    const answer = await operations[match.name]({
      request,
      gone: goneOf(request),
      origin: url.origin,
      identity,
      params: match.params,
      documentIds: documentIds?.named ?? [],
      body,
    });
    return answer instanceof Response ? answer : ok(answer, cors, redact);
  }

  let reportedMissingKey = false;

  /** The whole handler, answering its own answers plain (`toNodeHandler` writes them without a `Response`). */
  async function answer(request: Request): Promise<Answer> {
    const cors = corsHeaders(request);
    if (keyMissing) {
      const error = problem(500, CODES.misconfigured, MISSING_KEY_MESSAGE);
      if (!reportedMissingKey) {
        reportedMissingKey = true;
        report(error, { request });
      }
      return failure(problem(500, CODES.misconfigured, BROWSER_MESSAGES[CODES.misconfigured]!), cors);
    }
    try {
      return await route(request, cors);
    } catch (thrown) {
      const error =
        thrown instanceof BillingPortalError
          ? thrown
          : problem(500, CODES.internal, `Unexpected error: ${redact(describe(thrown))}`, undefined, thrown);
      // A browser that left mid-request is no failure to alert anyone about.
      if (error.status >= 500 && !goneOf(request).aborted) report(error, { request });
      const message = BROWSER_MESSAGES[error.code];
      return failure(message ? problem(error.status, error.code, message) : error, cors, redact);
    }
  }

  const billingPortalHandler: BillingPortalHandler = async (request) => toResponse(await answer(request));
  setInnerHandler(billingPortalHandler, answer);
  return billingPortalHandler;
}
