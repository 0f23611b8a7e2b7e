import { delay, http, HttpResponse, type HttpHandler } from "msw";
import type { Customer } from "../core/customer";
import { errorEnvelope, type ErrorDetail } from "../core/envelope";
import { createBillingPortalHandler } from "../server/handler";
import type { CustomerSeed } from "./customerStore";
import {
  createMockChing,
  MOCK_CHING_API_KEY,
  MOCK_CHING_HOSTED_BASE,
  type ChargeSeed,
  type MockChing,
  type PaymentMethodSeed,
} from "./mockChing";

export interface MockBillingPortalOptions {
  /** The endpoint the provider points at; a path matches any origin. Default `/api/billing`. */
  endpoint?: string;
  /** Customers that exist from the start. */
  customers?: CustomerSeed[];
  /** Saved cards that exist from the start (expired ones too), of the customers above. */
  paymentMethods?: PaymentMethodSeed[];
  /** Charges that exist from the start, with their receipts, of the customers above. */
  charges?: ChargeSeed[];
  /** Gives the signed-in customer a demo history (cards, one expired, and a year of charges). Default `false`. */
  demoBilling?: boolean;
  /** The handler's `allowRemovePaymentMethods`. Default `true`. */
  allowRemovePaymentMethods?: boolean;
  /** What `identify` tells of the signed-in person besides who they are: a create fills in their name and email. */
  identity?: { name?: string; email?: string };
  /** The handler's `returnUrl`: where the hosted pages send the person back. */
  returnUrl?: string;
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
  /**
   * The in-memory Ching behind the endpoint, e.g. to complete a setup session
   * (`portal.ching.completeSetupSession(id)`) or to seed a charge. Made anew by `reset()`.
   */
  readonly ching: MockChing;
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

/** Where the mock's handler reaches the in-memory Ching: `mockChing.fetch` answers any origin. */
const MOCK_API_BASE = "https://api.ching.test/ching/v1";

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A mock of your merchant endpoint for tests, Storybook and your own test
 * suites, as MSW handlers. It IS the real `createBillingPortalHandler` in front
 * of the in-memory Ching (`createMockChing`), so it answers exactly as your
 * server would; only recording (`requests`), latency and `failWith` are its own.
 *
 * @example
 * const portal = createMockBillingPortal({ customers: [{ id: "cus_V8ltq1pK_MWH", name: "Tal Levi" }], signedIn: "cus_V8ltq1pK_MWH" });
 * const server = setupServer(...portal.handlers);
 */
export function createMockBillingPortal(options: MockBillingPortalOptions = {}): MockBillingPortal {
  const endpoint = (options.endpoint ?? "/api/billing").replace(/\/+$/, "");
  const endpointPath = endpoint.replace(/^https?:\/\/[^/]+/, "");
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  // A RegExp, not a path pattern: MSW decodes a pattern's parameters and throws on a
  // malformed escape, which the handler answers as 400 INVALID_ID.
  const origin = /^https?:\/\//.test(endpoint) ? escape(endpoint.slice(0, endpoint.length - endpointPath.length)) : "https?://[^/]+";
  const matcher = new RegExp(`^${origin}${escape(endpointPath)}/[^?#]*(?:[?#].*)?$`);

  let ching: MockChing;
  let signedIn: string | null | false;
  /** A new person with every sign-in: the handler merges creates by user, as it does for your users. */
  let person = 0;
  let latency: number | "infinite";
  let forced: ForcedError[];
  let handler: (request: Request) => Promise<Response>;
  const requests: RecordedRequest[] = [];

  function start(): void {
    ching = createMockChing({ customers: options.customers, paymentMethods: options.paymentMethods, charges: options.charges });
    if (options.demoBilling && typeof options.signedIn === "string") ching.seedDemoBilling(options.signedIn);
    signedIn = options.signedIn ?? null;
    person += 1;
    latency = options.latency ?? 0;
    forced = [];
    requests.length = 0;
    handler = createBillingPortalHandler({
      apiKey: MOCK_CHING_API_KEY,
      apiBase: MOCK_API_BASE,
      fetch: (input, init) => ching.fetch(input, init),
      basePath: endpointPath,
      identify: () => (signedIn === false ? null : { ...options.identity, userId: `user_${person}`, customerId: signedIn }),
      onCustomerCreated: (customer) => {
        signedIn = customer.id;
      },
      authorize: options.allowOthers ? () => true : undefined,
      metadataKeys: options.metadataKeys,
      allowRemovePaymentMethods: options.allowRemovePaymentMethods,
      returnUrl: options.returnUrl,
    });
  }
  start();

  function pathOf(request: Request): string {
    const { pathname } = new URL(request.url);
    return pathname.startsWith(`${endpointPath}/`) ? pathname.slice(endpointPath.length) : pathname;
  }

  function takeForced(method: string, path: string): ForcedError | undefined {
    const error = forced.find(
      (candidate) =>
        (candidate.method === undefined || candidate.method === method) && (candidate.path === undefined || candidate.path === path),
    );
    if (error && error.times !== undefined && --error.times <= 0) forced = forced.filter((e) => e !== error);
    return error;
  }

  const handlers: HttpHandler[] = [
    http.all(matcher, async ({ request }) => {
      const path = pathOf(request);
      const text = request.method === "POST" ? await request.clone().text() : undefined;
      requests.push({ method: request.method, path, body: text === undefined ? undefined : parseJson(text) });
      if (latency === "infinite") await delay("infinite");
      else if (latency > 0) await delay(latency);
      const error = takeForced(request.method, path);
      if (error) {
        const { status, code, message, issues } = error;
        return HttpResponse.json(errorEnvelope({ status, code, message, issues }), { status });
      }
      return handler(request);
    }),
    // The in-memory Ching's hosted pages (add card, portal, receipt PDFs), for fetches;
    // a browser's navigation to them is not a fetch, and MSW leaves it alone.
    http.all(new RegExp(`^${escape(MOCK_CHING_HOSTED_BASE)}/`), ({ request }) => ching.fetch(request)),
  ];

  const me = () => (typeof signedIn === "string" ? ching.customers().find((customer) => customer.id === signedIn) : undefined);

  return {
    handlers,
    get ching() {
      return ching;
    },
    requests,
    customers: () => ching.customers(),
    me,
    signIn(customerId) {
      signedIn = customerId;
      person += 1;
    },
    signOut() {
      signedIn = false;
      person += 1;
    },
    seed: (customer) => ching.seed(customer),
    failWith(error) {
      forced.push({ ...error });
    },
    clearErrors() {
      forced = [];
    },
    setLatency(next) {
      latency = next;
    },
    reset: start,
  };
}
