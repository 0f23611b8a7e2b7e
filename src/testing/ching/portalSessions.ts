import * as z from "zod/mini";
import type { PortalSession } from "../../core/billing";
import { validate } from "../../core/validate";
import { generateId } from "../customerStore";
import { newestFirst, type RouteDef } from "./context";

/** How long a portal link works: the shortest lifetime sources give. */
export const PORTAL_SESSION_LIFETIME_MS = 30 * 60 * 1000;

/** A portal session as the mock keeps it: Ching's answer plus what a test may want to check. */
export interface MockPortalSession extends PortalSession {
  id: string;
  customer: string;
  created: string;
}

const createSchema = z.object({
  customer: z.string().check(z.minLength(1, "customer is required")),
  return_url: z.optional(z.url({ protocol: /^https?$/, error: "return_url must be an http(s) URL" })),
});

/** Hosted portal sessions; a fresh one per request, as Ching asks callers to make. */
export class PortalSessionStore {
  #sessions = new Map<string, Omit<MockPortalSession, "url">>();
  #now: () => Date;
  #hostedBase: () => string;

  constructor(options: { now: () => Date; hostedBase: () => string }) {
    this.#now = options.now;
    this.#hostedBase = options.hostedBase;
  }

  #view(session: Omit<MockPortalSession, "url">): MockPortalSession {
    return { ...session, url: `${this.#hostedBase()}/hosted/portal/${session.id}` };
  }

  create(customer: string, returnUrl: string | null): MockPortalSession {
    const now = this.#now();
    const session = {
      id: generateId("bps_"),
      customer,
      return_url: returnUrl,
      expires_at: new Date(now.getTime() + PORTAL_SESSION_LIFETIME_MS).toISOString(),
      created: now.toISOString(),
    };
    this.#sessions.set(session.id, session);
    return this.#view(session);
  }

  get(id: string): MockPortalSession | undefined {
    const session = this.#sessions.get(id);
    return session && this.#view(session);
  }

  isExpired(session: MockPortalSession): boolean {
    return this.#now().getTime() >= Date.parse(session.expires_at);
  }

  list(): MockPortalSession[] {
    return newestFirst([...this.#sessions.values()], Number.POSITIVE_INFINITY).map((s) => this.#view(s));
  }
}

/** `POST /billing_portal_sessions`: answers `{ url, expires_at, return_url }`, as documented, and nothing else. */
export const portalSessionRoutes: RouteDef[] = [
  {
    route: "POST /billing_portal_sessions",
    handle({ state, reply }, { body }) {
      const checked = validate(createSchema, body);
      if (!checked.ok) return reply.invalid(checked.issues);
      if (!state.customers.get(checked.data.customer)) return reply.notFound("customer");
      const { url, expires_at, return_url } = state.portalSessions.create(checked.data.customer, checked.data.return_url ?? null);
      return reply.ok({ url, expires_at, return_url });
    },
  },
];
