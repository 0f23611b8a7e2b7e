import { delay, http, HttpResponse, type HttpHandler } from "msw";
import {
  createCustomerSchema,
  isCustomerId,
  updateCustomerSchema,
  type CreateCustomerInput,
  type Customer,
  type UpdateCustomerInput,
} from "../core/customer";
import { keepBrowserMetadata } from "../core/metadata";
import {
  errorEnvelope,
  HANDLER_ERROR_CODES as CODES,
  isJsonContentType,
  MAX_BODY_BYTES,
  successEnvelope,
  type ErrorDetail,
} from "../core/envelope";
import { validate } from "../core/validate";
import { CustomerStore, EMAIL_EXISTS, emailTaken, type CustomerSeed } from "./customerStore";

export interface MockBillingPortalOptions {
  /** The endpoint the provider points at; a path matches any origin. Default `/api/billing`. */
  endpoint?: string;
  /** Customers that exist from the start. */
  customers?: CustomerSeed[];
  /**
   * Who is signed in: the id of their customer, `null` for a person who has
   * none yet (the default), or `false` for nobody (every request answers 401).
   */
  signedIn?: string | null | false;
  /** Allow other customers and the list, as a back-office `authorize` would. Default `false`. */
  allowOthers?: boolean;
  /** Milliseconds added to every answer, or `"infinite"` to never answer. Default 0. */
  latency?: number | "infinite";
  /**
   * The metadata keys a browser may set, as the handler's `metadataKeys`: others are
   * dropped before anything is checked or stored. Default none, as the handler's.
   */
  metadataKeys?: readonly string[];
}

export interface ForcedError extends ErrorDetail {
  /** Only requests with this method. */
  method?: "GET" | "POST";
  /** Only requests whose path (relative to the endpoint) equals this, e.g. `/customers/me`. */
  path?: string;
  /** How many requests fail; default every one until `clearErrors()`. */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  /** Relative to the endpoint, e.g. `/customers/me`. */
  path: string;
  body: unknown;
}

export interface MockBillingPortal {
  /** MSW handlers: pass them to `setupServer`, `setupWorker` or msw-storybook-addon. */
  handlers: HttpHandler[];
  /** Every request the mock answered, oldest first. */
  requests: RecordedRequest[];
  /** The customers now stored, newest first. */
  customers(): Customer[];
  /** The signed-in person's customer, if any. */
  me(): Customer | undefined;
  /** Signs someone in: their customer id, or `null` when they have none yet. */
  signIn(customerId: string | null): void;
  signOut(): void;
  /** Stores a customer. */
  seed(customer: CustomerSeed): Customer;
  /** Makes requests fail with this error (the envelope's `error`). */
  failWith(error: ForcedError): void;
  clearErrors(): void;
  setLatency(latency: number | "infinite"): void;
  /** Back to the options it was made with; forgets requests and errors. */
  reset(): void;
}

const TOO_LARGE: ErrorDetail = {
  status: 413,
  code: CODES.payloadTooLarge,
  message: `The request body is over ${MAX_BODY_BYTES} bytes`,
};
const UNAUTHENTICATED: ErrorDetail = { status: 401, code: CODES.unauthenticated, message: "Sign in to see your billing details" };

function fail(detail: ErrorDetail) {
  return HttpResponse.json(errorEnvelope(detail), { status: detail.status });
}

function ok<T>(data: T) {
  return HttpResponse.json(successEnvelope(data));
}

function notFound(message = "No such customer"): ReturnType<typeof fail> {
  return fail({ status: 404, code: CODES.notFound, message });
}

/**
 * A mock of your merchant endpoint (the protocol of `createBillingPortalHandler`)
 * as MSW handlers over an in-memory store, for tests, Storybook and your own
 * test suites. It validates with the same schemas as the real handler.
 *
 * @example
 * const portal = createMockBillingPortal({ customers: [{ id: "cus_V8ltq1pK_MWH", name: "Tal Levi" }], signedIn: "cus_V8ltq1pK_MWH" });
 * const server = setupServer(...portal.handlers);
 */
export function createMockBillingPortal(options: MockBillingPortalOptions = {}): MockBillingPortal {
  const endpoint = (options.endpoint ?? "/api/billing").replace(/\/+$/, "");
  const base = /^https?:\/\//.test(endpoint) ? endpoint : `*${endpoint}`;

  let store = new CustomerStore({ seed: options.customers });
  let signedIn: string | null | false = options.signedIn ?? null;
  let latency: number | "infinite" = options.latency ?? 0;
  let forced: ForcedError[] = [];
  const requests: RecordedRequest[] = [];
  const metadataKeys = new Set(options.metadataKeys ?? []);

  function parseJson(text: string): { ok: true; body: unknown } | { ok: false } {
    try {
      return { ok: true, body: JSON.parse(text) as unknown };
    } catch {
      return { ok: false };
    }
  }

  const endpointPath = endpoint.replace(/^https?:\/\/[^/]+/, "");
  function pathOf(request: Request): string {
    const { pathname } = new URL(request.url);
    const at = pathname.indexOf(`${endpointPath}/`);
    return at === -1 ? pathname : pathname.slice(at + endpointPath.length);
  }

  /**
   * Runs before every answer: records, waits, forces errors, then makes the
   * handler's checks in the handler's order (docs/protocol.md): the id, the
   * content type and size, someone signed in, the JSON.
   */
  async function intercept(request: Request, id?: string): Promise<{ response?: Response; body?: unknown }> {
    const path = pathOf(request);
    const text = request.method === "POST" ? await request.text() : undefined;
    const parsed = text === undefined ? undefined : parseJson(text);
    requests.push({ method: request.method, path, body: parsed?.ok ? parsed.body : undefined });
    if (latency === "infinite") await delay("infinite");
    else if (latency > 0) await delay(latency);

    const error = forced.find(
      (candidate) =>
        (candidate.method === undefined || candidate.method === request.method) &&
        (candidate.path === undefined || candidate.path === path),
    );
    if (error) {
      if (error.times !== undefined && --error.times <= 0) forced = forced.filter((e) => e !== error);
      const { status, code, message, issues } = error;
      return { response: fail({ status, code, message, issues }) };
    }
    if (id !== undefined && !isCustomerId(id)) {
      return { response: fail({ status: 400, code: CODES.invalidId, message: "That is not a customer id" }) };
    }
    if (text !== undefined) {
      if (!isJsonContentType(request.headers.get("content-type"))) {
        return { response: fail({ status: 415, code: CODES.unsupportedMediaType, message: "Send JSON" }) };
      }
      // A declared length over the limit is refused before sign-in, the body read after it.
      if (Number(request.headers.get("content-length")) > MAX_BODY_BYTES) return { response: fail(TOO_LARGE) };
    }
    if (signedIn === false) return { response: fail(UNAUTHENTICATED) };
    if (text !== undefined && new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES) return { response: fail(TOO_LARGE) };
    if (parsed && !parsed.ok) {
      return { response: fail({ status: 400, code: CODES.invalidJson, message: "The body is not valid JSON" }) };
    }
    return { body: parsed?.body };
  }

  const invalidFields = (issues: ErrorDetail["issues"]) =>
    fail({ status: 400, code: CODES.invalidField, message: "Some fields are invalid", issues });

  function update(id: string, body: unknown) {
    const checked = validate(updateCustomerSchema, keepBrowserMetadata(body, metadataKeys));
    if (!checked.ok) return invalidFields(checked.issues);
    const patch: UpdateCustomerInput = checked.data;
    if (emailTaken(store, patch.email, id)) return fail(EMAIL_EXISTS);
    const updated = store.update(id, patch);
    return updated ? ok(updated) : notFound();
  }

  /** Another customer is out of reach unless the mock allows others, as `authorize` would. */
  const outOfReach = (id: string) => id !== signedIn && !options.allowOthers;

  const handlers: HttpHandler[] = [
    http.get(`${base}/customers/me`, async ({ request }) => {
      const { response } = await intercept(request);
      if (response) return response;
      const customer = typeof signedIn === "string" ? store.get(signedIn) : undefined;
      return customer ? ok(customer) : notFound("You have no customer yet");
    }),
    http.post(`${base}/customers/me`, async ({ request }) => {
      const { response, body } = await intercept(request);
      if (response) return response;
      if (typeof signedIn !== "string" || !store.get(signedIn)) return notFound("You have no customer yet");
      return update(signedIn, body);
    }),
    http.get(`${base}/customers`, async ({ request }) => {
      const { response } = await intercept(request);
      if (response) return response;
      if (!options.allowOthers) return fail({ status: 403, code: CODES.forbidden, message: "Listing customers is not allowed" });
      return ok(store.list());
    }),
    http.post(`${base}/customers`, async ({ request }) => {
      const { response, body } = await intercept(request);
      if (response) return response;
      // One person, one customer: asked again, answer the one they have.
      const existing = typeof signedIn === "string" ? store.get(signedIn) : undefined;
      if (existing) return ok(existing);
      const checked = validate(createCustomerSchema, keepBrowserMetadata(body, metadataKeys));
      if (!checked.ok) return invalidFields(checked.issues);
      const input: CreateCustomerInput = checked.data;
      if (emailTaken(store, input.email)) return fail(EMAIL_EXISTS);
      const created = store.create(input);
      signedIn = created.id;
      return ok(created);
    }),
    http.get(`${base}/customers/:id`, async ({ request, params }) => {
      const id = String(params.id);
      const { response } = await intercept(request, id);
      if (response) return response;
      const customer = outOfReach(id) ? undefined : store.get(id);
      return customer ? ok(customer) : notFound();
    }),
    http.post(`${base}/customers/:id`, async ({ request, params }) => {
      const id = String(params.id);
      const { response, body } = await intercept(request, id);
      if (response) return response;
      return outOfReach(id) ? notFound() : update(id, body);
    }),
  ];

  return {
    handlers,
    requests,
    customers: () => store.list(Number.POSITIVE_INFINITY),
    me: () => (typeof signedIn === "string" ? store.get(signedIn) : undefined),
    signIn(customerId) {
      signedIn = customerId;
    },
    signOut() {
      signedIn = false;
    },
    seed: (customer) => store.seed(customer),
    failWith(error) {
      forced.push({ ...error });
    },
    clearErrors() {
      forced = [];
    },
    setLatency(next) {
      latency = next;
    },
    reset() {
      store = new CustomerStore({ seed: options.customers });
      signedIn = options.signedIn ?? null;
      latency = options.latency ?? 0;
      forced = [];
      requests.length = 0;
    },
  };
}
