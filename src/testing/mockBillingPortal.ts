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
import { errorEnvelope, successEnvelope, type ErrorDetail } from "../core/envelope";
import { validate } from "../core/validate";
import { CustomerStore, type CustomerSeed } from "./customerStore";

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

const UNAUTHENTICATED: ErrorDetail = { status: 401, code: "UNAUTHENTICATED", message: "Sign in to see your billing details" };

function fail(detail: ErrorDetail) {
  return HttpResponse.json(errorEnvelope(detail), { status: detail.status });
}

function ok<T>(data: T) {
  return HttpResponse.json(successEnvelope(data));
}

function notFound(message = "No such customer"): ReturnType<typeof fail> {
  return fail({ status: 404, code: "NOT_FOUND", message });
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

  async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false }> {
    try {
      return { ok: true, body: JSON.parse(await request.text()) as unknown };
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

  /** Runs before every answer: records, waits, signs in, forces errors. */
  async function intercept(request: Request): Promise<{ response?: Response; body?: unknown }> {
    const path = pathOf(request);
    const parsed = request.method === "POST" ? await readJson(request) : undefined;
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
    if (signedIn === false) return { response: fail(UNAUTHENTICATED) };
    if (parsed) {
      if (!(request.headers.get("content-type") ?? "").includes("application/json")) {
        return { response: fail({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "Send JSON" }) };
      }
      if (!parsed.ok) return { response: fail({ status: 400, code: "INVALID_JSON", message: "The body is not valid JSON" }) };
      return { body: parsed.body };
    }
    return {};
  }

  function emailTaken(email: string | undefined, exceptId?: string) {
    return email !== undefined && store.findByEmail(email, exceptId) !== undefined;
  }

  const EMAIL_EXISTS: ErrorDetail = {
    status: 409,
    code: "EMAIL_EXISTS",
    message: "A customer with this email already exists",
    issues: [{ path: ["email"], message: "A customer with this email already exists" }],
  };

  function update(id: string, body: unknown) {
    const checked = validate(updateCustomerSchema, keepBrowserMetadata(body, metadataKeys));
    if (!checked.ok) return fail({ status: 400, code: "INVALID_FIELD", message: "Some fields are invalid", issues: checked.issues });
    const patch: UpdateCustomerInput = checked.data;
    if (emailTaken(patch.email, id)) return fail(EMAIL_EXISTS);
    const updated = store.update(id, patch);
    return updated ? ok(updated) : notFound();
  }

  function other(id: string): Response | undefined {
    if (!isCustomerId(id)) return fail({ status: 400, code: "INVALID_ID", message: "That is not a customer id" });
    if (id !== signedIn && !options.allowOthers) return notFound();
    return undefined;
  }

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
      if (!options.allowOthers) return fail({ status: 403, code: "FORBIDDEN", message: "Listing customers is not allowed" });
      return ok(store.list());
    }),
    http.post(`${base}/customers`, async ({ request }) => {
      const { response, body } = await intercept(request);
      if (response) return response;
      // One person, one customer: asked again, answer the one they have.
      const existing = typeof signedIn === "string" ? store.get(signedIn) : undefined;
      if (existing) return ok(existing);
      const checked = validate(createCustomerSchema, keepBrowserMetadata(body, metadataKeys));
      if (!checked.ok) return fail({ status: 400, code: "INVALID_FIELD", message: "Some fields are invalid", issues: checked.issues });
      const input: CreateCustomerInput = checked.data;
      if (emailTaken(input.email)) return fail(EMAIL_EXISTS);
      const created = store.create(input);
      signedIn = created.id;
      return ok(created);
    }),
    http.get(`${base}/customers/:id`, async ({ request, params }) => {
      const { response } = await intercept(request);
      if (response) return response;
      const id = String(params.id);
      const denied = other(id);
      if (denied) return denied;
      const customer = store.get(id);
      return customer ? ok(customer) : notFound();
    }),
    http.post(`${base}/customers/:id`, async ({ request, params }) => {
      const { response, body } = await intercept(request);
      if (response) return response;
      const id = String(params.id);
      const denied = other(id);
      return denied ?? update(id, body);
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
