import type { CreateCustomerInput, Customer } from "../core/customer";
import { BillingPortalError } from "../core/error";
import { HANDLER_ERROR_CODES as CODES } from "../core/envelope";
import { problem } from "./http";
import type { BillingPortalIdentity } from "./options";

/**
 * "One person, one customer" (docs/protocol.md, `POST /customers`), apart
 * from HTTP so it is unit-tested on its own: the stored customer is answered
 * as it is; a create already under way for the same user is waited for; a
 * customer created here whose `onCustomerCreated` failed is stored again
 * instead of creating another; only then is one customer created.
 */

/** How long a customer created here answers a create by the same user whose `identify` does not know it yet. */
export const RECENT_MS = 60_000;
const RECENT_MAX = 1000;

export interface CreateOnceDependencies {
  /** Ching's customer by id; `null` when it was deleted or does not exist. */
  retrieve(customerId: string, signal: AbortSignal): Promise<Customer | null>;
  /** The checked create input for this body (throws the 400 for a bad one). */
  input(identity: BillingPortalIdentity, body: unknown): CreateCustomerInput;
  /** One `POST /customers` at Ching. */
  create(input: CreateCustomerInput): Promise<Customer>;
  /** The merchant's `onCustomerCreated`. */
  store(customer: Customer, request: Request, identity: BillingPortalIdentity): Promise<void>;
  /** Removes the key from a text. */
  redact(text: string): string;
  /** Told once when an identity carries nothing to merge concurrent creates on. */
  warn(message: string): void;
  now?: () => number;
}

export type CreateOnce = (identity: BillingPortalIdentity, body: unknown, request: Request) => Promise<Customer>;

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

export function createOnce(deps: CreateOnceDependencies): CreateOnce {
  const now = deps.now ?? Date.now;
  /** Creates under way, by user: a second create for the same user waits for the first. */
  const inflight = new Map<string, Promise<Customer>>();
  /** Customers created here lately, by user, and whether `onCustomerCreated` stored them. */
  const recent = new Map<string, { customer: Customer; saved: boolean; at: number }>();
  let warnedNoUserKey = false;

  function userKey(identity: BillingPortalIdentity): string | undefined {
    if (typeof identity.userId === "string" && identity.userId !== "") return `user:${identity.userId}`;
    if (typeof identity.email === "string" && identity.email.trim() !== "") return `email:${identity.email.trim().toLowerCase()}`;
    if (!warnedNoUserKey) {
      warnedNoUserKey = true;
      deps.warn(
        "[@ching/billing-portal-react/server] identify() returned neither userId nor email, so two creates for one person at the same time cannot be merged. Return userId.",
      );
    }
    return undefined;
  }

  function remember(key: string, customer: Customer, saved: boolean): void {
    recent.delete(key);
    recent.set(key, { customer, saved, at: now() });
    if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value as string);
  }

  function recall(key: string) {
    const entry = recent.get(key);
    if (entry && entry.saved && now() - entry.at > RECENT_MS) {
      recent.delete(key);
      return undefined;
    }
    return entry;
  }

  async function link(key: string | undefined, customer: Customer, request: Request, identity: BillingPortalIdentity): Promise<Customer> {
    try {
      await deps.store(customer, request, identity);
    } catch (cause) {
      if (key) remember(key, customer, false);
      throw problem(
        500,
        CODES.internal,
        `onCustomerCreated() failed for the new customer ${customer.id} (${deps.redact(describe(cause))}). It exists at Ching; ` +
          (key ? "the next create for this user stores it again instead of creating another." : "return userId from identify() so a retry does not create another."),
        undefined,
        cause,
      );
    }
    if (key) remember(key, customer, true);
    return customer;
  }

  return async function createFor(identity, body, request) {
    if (identity.customerId) {
      const existing = await deps.retrieve(identity.customerId, request.signal).catch((error: unknown) => {
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

    const input = deps.input(identity, body);
    const creating = (async () => link(key, await deps.create(input), request, identity))();
    if (key) {
      inflight.set(key, creating);
      creating.then(
        () => inflight.delete(key),
        () => inflight.delete(key),
      );
    }
    return creating;
  };
}
