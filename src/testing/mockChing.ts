import type { Charge, PaymentMethod, SetupSession } from "../core/billing";
import type { Customer } from "../core/customer";
import { CustomerStore, type CustomerSeed } from "./customerStore";
import { ChargeStore, chargeRoutes, type ChargeSeed } from "./ching/charges";
import { createReplies, type ChingRoute, type ChingState, type RouteDef } from "./ching/context";
import { customerRoutes } from "./ching/customers";
import { demoBilling, type DemoBilling } from "./ching/demo";
import { hostedRoutes } from "./ching/hostedPages";
import { listenOn, type MockChingServer } from "./ching/listen";
import { CardStore, paymentMethodRoutes, type PaymentMethodSeed } from "./ching/paymentMethods";
import { PortalSessionStore, portalSessionRoutes, type MockPortalSession } from "./ching/portalSessions";
import { createRouter, DROP, type ForcedChingAnswer, type MockChingCall, type MockChingFault } from "./ching/router";
import { SetupSessionStore, setupSessionRoutes, type CompleteSetupSessionOptions } from "./ching/setupSessions";

export type { ChingRoute, ChargeSeed, CompleteSetupSessionOptions, DemoBilling, ForcedChingAnswer, MockChingCall, MockChingFault };
export type { MockChingServer, MockPortalSession, PaymentMethodSeed };
export { demoBilling };

/** The key the mock accepts unless told otherwise: obviously fake. */
export const MOCK_CHING_API_KEY = `ck_test_${"0".repeat(64)}`;

/** Where hosted page URLs point when the mock is not listening: a name that resolves nowhere. */
export const MOCK_CHING_HOSTED_BASE = "https://hosted.ching.test";

export interface MockChingOptions {
  /** The one key it accepts (`Authorization: Bearer …`); `_live_` in it makes every object `livemode: true`. Default `ck_test_` and 64 zeros. */
  apiKey?: string;
  /** Customers that exist from the start (oldest first). */
  customers?: CustomerSeed[];
  /** Saved cards that exist from the start, of the `customers` above. */
  paymentMethods?: PaymentMethodSeed[];
  /** Charges that exist from the start (with their documents), of the `customers` above. */
  charges?: ChargeSeed[];
  /** The mock's clock: what `created` says and when sessions expire. Default the real time. */
  now?: () => Date;
  /** The origin (and path) of hosted pages while not listening; default `https://hosted.ching.test`. */
  hostedBase?: string;
  /** Milliseconds added to every API answer. Default 0. */
  latencyMs?: number;
  /** The share of API requests (0 to 1) answered with a 500. Default 0. */
  failureRate?: number;
  /** Where the failure rate draws its numbers; default `Math.random`. */
  random?: () => number;
  /** `issues[].path` as an array of keys (Ching's docs, the default) or a dotted string (other material). */
  issuePathStyle?: "array" | "string";
  /** The status of `INVALID_FIELD`: 400 (the default) or 422, as some material shows it. */
  invalidFieldStatus?: 400 | 422;
}

export interface MockChing {
  /** The key it accepts. */
  readonly apiKey: string;
  /** Answers like Ching over the network would, hosted pages included; pass it as the handler's `fetch`. Any origin and base path work. */
  fetch(input: Request | URL | string, init?: RequestInit): Promise<Response>;
  /** Serves the API and the hosted pages over HTTP on 127.0.0.1 (port 0: any free port). */
  listen(port?: number): Promise<MockChingServer>;
  /** The requests received, oldest first (faulted ones too); the latest 10 000 are kept. */
  readonly calls: readonly MockChingCall[];
  /** How many requests reached this route, or any route, since the start or `resetCalls()`. */
  callCount(route?: ChingRoute): number;
  /** Forgets the calls, keeps the data. */
  resetCalls(): void;
  /** The customers now stored, newest first (deleted ones left out). */
  customers(): Customer[];
  /** Stores a customer. */
  seed(customer: CustomerSeed): Customer;
  /** Stores a saved card of a stored customer; the customer's first active card becomes its default. */
  seedPaymentMethod(seed: PaymentMethodSeed): PaymentMethod;
  /** A customer's active cards (or detached ones), newest first, as Ching lists them. */
  paymentMethods(customerId: string, options?: { inactive?: boolean }): PaymentMethod[];
  /** Stores a charge of a stored customer, and its document when it succeeded. */
  seedCharge(seed: ChargeSeed): Charge;
  /** Every charge, newest first. */
  charges(): Charge[];
  /** Seeds `demoBilling(customerId)`: cards (one expired) and a year of charges of every kind. */
  seedDemoBilling(customerId: string): { paymentMethods: PaymentMethod[]; charges: Charge[] };
  /** Every setup session, newest first, with its status as Ching would answer it now. */
  setupSessions(): SetupSession[];
  /** Finishes a pending setup session as the customer would on the hosted page; throws when it is not pending. */
  completeSetupSession(id: string, options?: CompleteSetupSessionOptions): SetupSession;
  /** Every portal session made, newest first. */
  portalSessions(): MockPortalSession[];
  /** Every later API answer waits this much longer. */
  setLatency(ms: number): void;
  /** This share (0 to 1) of later API requests answers `status` (default 500). */
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

const ROUTES: readonly RouteDef[] = [
  ...customerRoutes,
  ...paymentMethodRoutes,
  ...setupSessionRoutes,
  ...chargeRoutes,
  ...portalSessionRoutes,
  ...hostedRoutes,
];

/**
 * An in-memory Ching, following its documented behaviour: customers (create, list, retrieve,
 * patch, upsert, soft delete), saved cards (list, inactive list, detach, test cards), setup
 * sessions with a hosted add-card page, charges with their tax documents and PDFs, and portal
 * sessions with a hosted portal page. The envelope, 400 `INVALID_FIELD` with issues, 401 for
 * a missing or wrong key, 404 `NOT_FOUND`; lists are the 100 newest, newest first. Fault
 * injection for latency, failures, forced answers, hangs and dropped connections.
 *
 * @example
 * const ching = createMockChing({ customers: [{ id: "cus_V8ltq1pK_MWH", name: "Tal Levi" }] });
 * ching.seedDemoBilling("cus_V8ltq1pK_MWH");
 * const handler = createBillingPortalHandler({ apiKey: ching.apiKey, fetch: ching.fetch, identify, onCustomerCreated });
 * // later: expect(ching.callCount("POST /payment_methods/:id/detach")).toBe(1);
 */
export function createMockChing(options: MockChingOptions = {}): MockChing {
  const apiKey = options.apiKey ?? MOCK_CHING_API_KEY;
  const livemode = apiKey.includes("_live_");
  const now = options.now ?? (() => new Date());
  const fixedBase = (options.hostedBase ?? MOCK_CHING_HOSTED_BASE).replace(/\/+$/, "");
  const listening: string[] = [];
  const hostedBase = () => listening.at(-1) ?? fixedBase;
  const reply = createReplies(options);

  function newState(): ChingState {
    const customers = new CustomerStore({ livemode, seed: options.customers, now });
    const cards = new CardStore({ customers, livemode, now });
    const state: ChingState = {
      livemode,
      now,
      hostedBase,
      customers,
      cards,
      setupSessions: new SetupSessionStore({ livemode, now, hostedBase }),
      billing: new ChargeStore({ cards, livemode, now, hostedBase }),
      portalSessions: new PortalSessionStore({ now, hostedBase }),
      subscribed: new Set(),
    };
    for (const seed of options.paymentMethods ?? []) cards.seed(seed);
    for (const seed of options.charges ?? []) seedChargeIn(state, seed);
    return state;
  }

  function seedChargeIn(state: ChingState, seed: ChargeSeed): Charge {
    const customer = state.customers.get(seed.customer);
    if (!customer) throw new Error(`createMockChing: no customer ${seed.customer}; seed the customer before its charges`);
    return state.billing.seed(seed, customer.default_payment_method);
  }

  let state = newState();
  const router = createRouter({
    apiKey,
    routes: ROUTES,
    context: () => ({ state, reply }),
    random: options.random ?? Math.random,
    latencyMs: options.latencyMs ?? 0,
    failureRate: options.failureRate ?? 0,
  });

  const networkFailure = () => new TypeError("fetch failed", { cause: new Error("mock Ching dropped the connection") });

  return {
    apiKey,
    async fetch(input, init) {
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      const result = await router.answer(request);
      if (result === DROP) throw networkFailure();
      return result;
    },
    async listen(port = 0) {
      const server = await listenOn(router.answer, port, () => {
        const at = listening.lastIndexOf(server.url);
        if (at !== -1) listening.splice(at, 1);
      });
      listening.push(server.url);
      return server;
    },
    calls: router.calls,
    callCount: router.callCount,
    resetCalls: router.resetCalls,
    customers: () => state.customers.list(Number.POSITIVE_INFINITY),
    seed: (customer) => state.customers.seed(customer),
    seedPaymentMethod: (seed) => state.cards.seed(seed),
    paymentMethods: (customerId, { inactive = false } = {}) => state.cards.list(customerId, inactive),
    seedCharge: (seed) => seedChargeIn(state, seed),
    charges: () => state.billing.list(),
    seedDemoBilling(customerId) {
      const demo = demoBilling(customerId, now());
      return {
        paymentMethods: demo.paymentMethods.map((seed) => state.cards.seed(seed)),
        charges: demo.charges.map((seed) => seedChargeIn(state, seed)),
      };
    },
    setupSessions: () => state.setupSessions.list(),
    completeSetupSession: (id, complete) => state.setupSessions.complete(id, state.cards, complete),
    portalSessions: () => state.portalSessions.list(),
    setLatency: router.setLatency,
    setFailureRate: router.setFailureRate,
    failWith(forced) {
      router.addFault({ ...forced, kind: "answer" });
    },
    hang(fault = {}) {
      router.addFault({ ...fault, kind: "hang" });
    },
    dropConnection(fault = {}) {
      router.addFault({ ...fault, kind: "drop" });
    },
    clearFaults: () => router.clearFaults(),
    setActiveSubscription(customerId, active = true) {
      if (active) state.subscribed.add(customerId);
      else state.subscribed.delete(customerId);
    },
    reset() {
      state = newState();
      router.clearFaults(true);
      router.resetCalls();
    },
  };
}
