import { errorEnvelope, successEnvelope } from "../../core/envelope";
import type { CustomerStore } from "../customerStore";
import type { CardStore } from "./paymentMethods";
import type { SetupSessionStore } from "./setupSessions";
import type { ChargeStore } from "./charges";
import type { PortalSessionStore } from "./portalSessions";

/** The routes of the in-memory Ching, as it counts them: its API, then its hosted pages. */
export type ChingRoute =
  | "POST /customers"
  | "GET /customers"
  | "POST /customers/upsert"
  | "GET /customers/:id"
  | "POST /customers/:id"
  | "DELETE /customers/:id"
  | "GET /customers/:id/payment_methods"
  | "GET /customers/:id/payment_methods/inactive"
  | "POST /payment_methods/:id/detach"
  | "POST /payment_methods/test-card"
  | "POST /setup_sessions"
  | "GET /setup_sessions/:id"
  | "POST /setup_sessions/:id/cancel"
  | "GET /charges"
  | "GET /charges/:id"
  | "GET /documents"
  | "GET /documents/:id"
  | "POST /billing_portal_sessions"
  | "GET /hosted/setup/:id"
  | "POST /hosted/setup/:id"
  | "GET /hosted/portal/:id"
  | "GET /hosted/documents/:id/pdf"
  | "unknown";

export type Issue = { path: string[]; message: string };

/** Everything the mock holds; `reset()` makes a new one. */
export interface ChingState {
  readonly livemode: boolean;
  now(): Date;
  /** Where hosted pages live now: the listen URL while listening, else the `hostedBase` option. */
  hostedBase(): string;
  readonly customers: CustomerStore;
  readonly cards: CardStore;
  readonly setupSessions: SetupSessionStore;
  readonly billing: ChargeStore;
  readonly portalSessions: PortalSessionStore;
  readonly subscribed: Set<string>;
}

/** Answers in Ching's envelope, shaped by the options (issue path style, INVALID_FIELD status). */
export interface Replies {
  ok(data: unknown): Response;
  fail(status: number, code: string, message: string, issues?: Issue[]): Response;
  notFound(what: string): Response;
  invalid(issues: Issue[]): Response;
}

export interface RouteInput {
  /** The `:id` segments of the path, decoded, in order. */
  params: string[];
  /** The parsed JSON body of an API POST (`{}` when empty), or the fields of a hosted form. */
  body: unknown;
  query: URLSearchParams;
}

export interface ChingContext {
  state: ChingState;
  reply: Replies;
}

/** One route: its path relative to the API base (or the hosted base) with `:id` for a segment. */
export interface RouteDef {
  /** The method and path, e.g. `"GET /charges/:id"`: the router matches by it. */
  route: Exclude<ChingRoute, "unknown">;
  /** A hosted page: no API key, a form body, and only faults that name it. */
  hosted?: boolean;
  handle(context: ChingContext, input: RouteInput): Response | Promise<Response>;
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8" } });
}

export function createReplies(options: { issuePathStyle?: "array" | "string"; invalidFieldStatus?: 400 | 422 }): Replies {
  const fail = (status: number, code: string, message: string, issues?: Issue[]) => {
    const envelope = errorEnvelope({ status, code, message, issues });
    if (issues && issues.length > 0 && options.issuePathStyle === "string") {
      return json(status, { ...envelope, error: { ...envelope.error, issues: issues.map((i) => ({ ...i, path: i.path.join(".") })) } });
    }
    return json(status, envelope);
  };
  return {
    ok: (data) => json(200, successEnvelope(data)),
    fail,
    notFound: (what) => fail(404, "NOT_FOUND", `No such ${what}`),
    invalid: (issues) => fail(options.invalidFieldStatus ?? 400, "INVALID_FIELD", "Some fields are invalid", issues),
  };
}

/** Newest first (the later of two with the same `created` first), at most `limit`: every Ching list. */
export function newestFirst<T extends { created: string }>(items: Iterable<T>, limit = 100): T[] {
  return [...items].reverse().sort((a, b) => b.created.localeCompare(a.created)).slice(0, limit);
}
