import * as z from "zod/mini";
import type { SetupSession, SetupSessionStatus } from "../../core/billing";
import { validate } from "../../core/validate";
import { generateId } from "../customerStore";
import { newestFirst, type RouteDef } from "./context";
import { testCard, type CardStore } from "./paymentMethods";

/** How long a setup session stays usable, as Ching documents it. */
export const SETUP_SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** How a test finishes a pending session, as the customer would on the hosted page. */
export interface CompleteSetupSessionOptions {
  /** The test card saved (0 Visa 4242, 1 Mastercard 5555, 2 Amex 0005); default 0. */
  cardIndex?: number;
  /** Default `"succeeded"` (the card is saved); `"requires_action"` leaves it open, as a 3-D Secure step would. */
  outcome?: "succeeded" | "failed" | "requires_action";
}

const createSchema = z.object({
  customer: z.string().check(z.minLength(1, "customer is required")),
  success_url: z.url({ protocol: /^https?$/, error: "success_url must be an http(s) URL" }),
  cancel_url: z.url({ protocol: /^https?$/, error: "cancel_url must be an http(s) URL" }),
  metadata: z.optional(z.record(z.string(), z.unknown())),
});

type StoredSession = Omit<SetupSession, "url">;

const OPEN: readonly SetupSessionStatus[] = ["pending", "requires_action"];

/** Hosted add-card sessions. The `url` is built when answering, so it follows the hosted base (e.g. once listening). */
export class SetupSessionStore {
  #sessions = new Map<string, StoredSession>();
  #livemode: boolean;
  #now: () => Date;
  #hostedBase: () => string;

  constructor(options: { livemode: boolean; now: () => Date; hostedBase: () => string }) {
    this.#livemode = options.livemode;
    this.#now = options.now;
    this.#hostedBase = options.hostedBase;
  }

  /** An open session past `expires_at` turns `expired` when next looked at, as Ching answers it. */
  #fresh(session: StoredSession): StoredSession {
    if (OPEN.includes(session.status) && this.#now().getTime() >= Date.parse(session.expires_at)) {
      const expired = { ...session, status: "expired" as const };
      this.#sessions.set(session.id, expired);
      return expired;
    }
    return session;
  }

  #view(session: StoredSession): SetupSession {
    return { ...session, url: `${this.#hostedBase()}/hosted/setup/${session.id}`, metadata: { ...session.metadata } };
  }

  create(input: z.infer<typeof createSchema>): SetupSession {
    const now = this.#now();
    const session: StoredSession = {
      id: generateId("seti_"),
      object: "setup_session",
      customer: input.customer,
      status: "pending",
      success_url: input.success_url,
      cancel_url: input.cancel_url,
      metadata: { ...(input.metadata ?? {}) },
      livemode: this.#livemode,
      expires_at: new Date(now.getTime() + SETUP_SESSION_LIFETIME_MS).toISOString(),
      created: now.toISOString(),
      payment_method: null,
    };
    this.#sessions.set(session.id, session);
    return this.#view(session);
  }

  get(id: string): SetupSession | undefined {
    const session = this.#sessions.get(id);
    return session && this.#view(this.#fresh(session));
  }

  list(): SetupSession[] {
    return newestFirst([...this.#sessions.values()].map((s) => this.#view(this.#fresh(s))), Number.POSITIVE_INFINITY);
  }

  /** Cancels an open session; a canceled one answers as it is. Undefined when unknown; the session when it can no longer be canceled. */
  cancel(id: string): { session: SetupSession; changed: boolean } | undefined {
    const found = this.#sessions.get(id);
    if (!found) return undefined;
    const session = this.#fresh(found);
    if (!OPEN.includes(session.status)) return { session: this.#view(session), changed: false };
    const canceled = { ...session, status: "canceled" as const };
    this.#sessions.set(id, canceled);
    return { session: this.#view(canceled), changed: true };
  }

  /** Finishes an open session as the hosted page does; throws for an unknown or finished one (a test's mistake). */
  complete(id: string, cards: CardStore, options: CompleteSetupSessionOptions = {}): SetupSession {
    const found = this.#sessions.get(id);
    if (!found) throw new Error(`createMockChing: no setup session ${id}`);
    const session = this.#fresh(found);
    if (!OPEN.includes(session.status)) throw new Error(`createMockChing: setup session ${id} is ${session.status}, not pending`);
    const outcome = options.outcome ?? "succeeded";
    let next: StoredSession = { ...session, status: outcome };
    if (outcome === "succeeded") {
      const card = cards.add(session.customer, testCard(options.cardIndex ?? 0, this.#now()));
      next = { ...next, payment_method: card.id };
    }
    this.#sessions.set(id, next);
    return this.#view(next);
  }
}

/** Setup sessions: create (customer, success_url and cancel_url required), retrieve (to poll), cancel. */
export const setupSessionRoutes: RouteDef[] = [
  {
    route: "POST /setup_sessions",
    handle({ state, reply }, { body }) {
      const checked = validate(createSchema, body);
      if (!checked.ok) return reply.invalid(checked.issues);
      if (!state.customers.get(checked.data.customer)) return reply.notFound("customer");
      return reply.ok(state.setupSessions.create(checked.data));
    },
  },
  {
    route: "GET /setup_sessions/:id",
    handle({ state, reply }, { params: [id = ""] }) {
      const session = state.setupSessions.get(id);
      return session ? reply.ok(session) : reply.notFound("setup session");
    },
  },
  {
    route: "POST /setup_sessions/:id/cancel",
    handle({ state, reply }, { params: [id = ""] }) {
      const result = state.setupSessions.cancel(id);
      if (!result) return reply.notFound("setup session");
      const { session, changed } = result;
      if (!changed && session.status !== "canceled") {
        return reply.fail(422, "SETUP_SESSION_NOT_CANCELABLE", `The setup session is ${session.status} and can no longer be canceled`);
      }
      return reply.ok(session);
    },
  },
];
