import type { CreateCustomerInput, Customer } from "../core/customer";
import { BillingPortalError } from "../core/error";
import { HANDLER_ERROR_CODES as CODES } from "../core/envelope";
import { goneOf, type Gone } from "./departure";
import { problem } from "./http";
import type { BillingPortalLock } from "./lock";
import type { BillingPortalIdentity } from "./options";

/**
 * "One person, one customer" (docs/protocol.md, `POST /customers`), apart from
 * HTTP so it is unit-tested on its own:
 *
 * 1. the stored customer is answered as it is;
 * 2. creates merge on the merchant's `userId` only (never on an email another
 *    account can register): a create already under way in this process for the
 *    same user is waited for, and across processes the `lock` serialises them;
 * 3. holding the lock, Ching's newest customers are searched for one marked with
 *    this user (`metadata.ching_portal_user`): a create whose outcome was unknown
 *    (an answer lost, `onCustomerCreated` failed, another instance died holding
 *    the lock) is linked instead of creating a second one;
 * 4. only then one customer is created, carrying the marker, or, when `identify`
 *    says the email is verified, an existing Ching customer with that email is
 *    linked through Ching's upsert.
 */

/** The metadata key that marks a customer with the merchant's user it was created for. */
export const USER_MARKER_KEY = "ching_portal_user";

/** How long one create may hold its user's lock, and how long another waits for it. */
export const CREATE_LOCK_TTL_MS = 30_000;
export const CREATE_LOCK_WAIT_MS = 20_000;

export interface CreateOnceDependencies {
  /** Ching's customer by id; `null` when it was deleted or does not exist. */
  retrieve(customerId: string, gone: Gone): Promise<Customer | null>;
  /** Ching's newest customer marked with this user (`metadata[USER_MARKER_KEY]`), if any of the 100 newest is. */
  findMarked(userId: string, gone: Gone): Promise<Customer | null>;
  /** The checked create input for this body, marker included (throws the 400 for a bad one). */
  input(identity: BillingPortalIdentity, body: unknown, userId: string): CreateCustomerInput;
  /** One `POST /customers` at Ching. */
  create(input: CreateCustomerInput): Promise<Customer>;
  /** One `POST /customers/upsert` by email at Ching: links the newest customer with that email, or creates one. */
  upsertByEmail(input: CreateCustomerInput): Promise<Customer>;
  /** The merchant's `onCustomerCreated`. */
  store(customer: Customer, request: Request, identity: BillingPortalIdentity): Promise<void>;
  lock: BillingPortalLock;
  /** Removes the key from a text. */
  redact(text: string): string;
}

export type CreateOnce = (identity: BillingPortalIdentity, body: unknown, request: Request) => Promise<Customer>;

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** The identity's user id as a string (a number is turned into one); `undefined` when there is none. */
export function userIdOf(identity: BillingPortalIdentity): string | undefined {
  const { userId } = identity as { userId?: unknown };
  if (typeof userId === "number" && Number.isFinite(userId)) return String(userId);
  if (typeof userId === "string" && userId.trim() !== "") return userId;
  return undefined;
}

export function createOnce(deps: CreateOnceDependencies): CreateOnce {
  /** Creates under way in this process, by user: a second request for the same user waits for the first. */
  const inflight = new Map<string, Promise<Customer>>();

  async function link(customer: Customer, request: Request, identity: BillingPortalIdentity): Promise<Customer> {
    try {
      await deps.store(customer, request, identity);
    } catch (cause) {
      throw problem(
        500,
        CODES.internal,
        `onCustomerCreated() failed for the customer ${customer.id} (${deps.redact(describe(cause))}). It exists at Ching, marked ` +
          "with this user: the next create for this user finds it and stores it again instead of creating another.",
        undefined,
        cause,
      );
    }
    return customer;
  }

  async function createLocked(userId: string, identity: BillingPortalIdentity, body: unknown, request: Request): Promise<Customer> {
    // Checked first: a bad body is refused before Ching is asked anything, and holds no lock.
    const input = deps.input(identity, body, userId);
    const release = await deps.lock.acquire(`user:${userId}`, {
      ttlMs: CREATE_LOCK_TTL_MS,
      waitMs: CREATE_LOCK_WAIT_MS,
      signal: request.signal,
    });
    try {
      // Made before (by this process or another, or with an outcome nobody saw): link that one.
      const marked = await deps.findMarked(userId, goneOf(request));
      if (marked) return await link(marked, request, identity);
      const verifiedEmail = identity.emailVerified === true && input.email !== undefined;
      const customer = verifiedEmail ? await deps.upsertByEmail(input) : await deps.create(input);
      return await link(customer, request, identity);
    } finally {
      await release();
    }
  }

  return async function createFor(identity, body, request) {
    if (identity.customerId) {
      const existing = await deps.retrieve(identity.customerId, goneOf(request)).catch((error: unknown) => {
        if (error instanceof BillingPortalError && error.status === 404) return null;
        throw error;
      });
      if (existing) return existing;
    }
    const userId = userIdOf(identity);
    if (userId === undefined) {
      throw problem(
        500,
        CODES.misconfigured,
        "identify() returned no userId for a person without a customer: creates merge only on your own user id, so return " +
          "{ userId: user.id, customerId: null } (a string, or a number).",
      );
    }
    const running = inflight.get(userId);
    if (running) return running;
    const creating = createLocked(userId, identity, body, request);
    inflight.set(userId, creating);
    creating.then(
      () => inflight.delete(userId),
      () => inflight.delete(userId),
    );
    return creating;
  };
}
