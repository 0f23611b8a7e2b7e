import { BillingPortalError } from "../core/error";

/**
 * Locks that serialise the creates of one user, so "one person, one customer" holds even
 * when several requests for the same user arrive at once: in one process with the default
 * `createMemoryLock()`, across processes and machines with `createRedisLock(client)` or a
 * lock of your own that implements `BillingPortalLock`.
 */

/** The codes of the errors a lock rejects with (both with status 503). */
export const LOCK_ERROR_CODES = {
  /** Waited `waitMs` and the key was still held: another request for this user is still creating. */
  timeout: "LOCK_TIMEOUT",
  /** The lock store (e.g. Redis) could not be reached or did not answer in time. */
  unavailable: "LOCK_UNAVAILABLE",
} as const;

/** How long to wait for a key and how long to hold it. */
export interface BillingPortalLockAcquireOptions {
  /**
   * The longest the lease lasts. After it the key is free again even if `release` was never
   * called (a crashed or hung holder), so pick it above the longest the guarded work can take.
   */
  ttlMs: number;
  /** The longest to wait for the key; then the promise rejects with `LOCK_TIMEOUT`. `0`: try once. */
  waitMs: number;
  /** Stops waiting: the promise rejects with `signal.reason` (as `fetch` does). A lease already held is not affected. */
  signal?: AbortSignal;
}

/**
 * Frees the key, but only if this lease still holds it (a lease that ran out and was taken
 * by someone else is left alone). Calling it again does nothing. It does not reject: when the
 * store cannot be reached, the lease simply runs out at `ttlMs`.
 */
export type BillingPortalLockRelease = () => Promise<void>;

/**
 * A mutual-exclusion lock by key with leases: the handler takes one per user around a create,
 * so two requests for one user never create two Ching customers. Implement it over any store
 * with an atomic "set if absent, with expiry" (Redis, a database row, …).
 *
 * Rules for an implementation: at most one lease per key at a time; a lease ends at `release()`
 * or after `ttlMs`, whichever comes first; `acquire` rejects with a `BillingPortalError` of code
 * `LOCK_TIMEOUT` after waiting `waitMs`, `LOCK_UNAVAILABLE` when the store fails, or with
 * `signal.reason` when the signal aborts.
 *
 * @example
 * const release = await lock.acquire(`user:${userId}`, { ttlMs: 30_000, waitMs: 15_000, signal: request.signal });
 * try {
 *   // … at most one request per user is here, in every process sharing the lock
 * } finally {
 *   await release();
 * }
 */
export interface BillingPortalLock {
  /** Waits (at most `waitMs`) until this caller holds `key`, for at most `ttlMs`; answers the release function. */
  acquire(key: string, options: BillingPortalLockAcquireOptions): Promise<BillingPortalLockRelease>;
}

/**
 * The `LOCK_TIMEOUT` error (503), for your own `BillingPortalLock`: reject `acquire` with it
 * when `waitMs` passed and the key is still held.
 *
 * @example
 * if (Date.now() > deadline) throw lockTimeoutError(options.waitMs);
 */
export function lockTimeoutError(waitMs: number): BillingPortalError {
  return new BillingPortalError({
    status: 503,
    code: LOCK_ERROR_CODES.timeout,
    message:
      `Waited ${waitMs} ms for the lock on this user's create: another request for the same user is still creating their customer. ` +
      "It is usually a double submit and the other request answers it; if it happens often, check that onCustomerCreated is fast and " +
      "that the lock's wait is longer than a create takes (Ching's timeoutMs plus onCustomerCreated).",
  });
}

/**
 * The `LOCK_UNAVAILABLE` error (503), for your own `BillingPortalLock`: reject `acquire` with it
 * when the store fails. `what` says what failed, for the merchant's logs (not the browser's).
 *
 * @example
 * catch (cause) { throw lockUnavailableError(`the locks table: ${String(cause)}`, cause); }
 */
export function lockUnavailableError(what: string, cause?: unknown): BillingPortalError {
  return new BillingPortalError({
    status: 503,
    code: LOCK_ERROR_CODES.unavailable,
    message:
      `The lock store could not be reached (${what}), so no customer was created. ` +
      "Check that it is running and reachable from this server (its URL, password and TLS settings) and that the client is connected.",
    cause,
  });
}

/** Throws a `TypeError` unless `key` is a non-empty string, `ttlMs` positive and `waitMs` non-negative (finite both). */
export function assertLockOptions(key: unknown, options: BillingPortalLockAcquireOptions): void {
  if (typeof key !== "string" || key === "") throw new TypeError("BillingPortalLock.acquire: `key` must be a non-empty string");
  if (!Number.isFinite(options?.ttlMs) || options.ttlMs <= 0) throw new TypeError("BillingPortalLock.acquire: `ttlMs` must be a positive number");
  if (!Number.isFinite(options.waitMs) || options.waitMs < 0) throw new TypeError("BillingPortalLock.acquire: `waitMs` must be a non-negative number");
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted", "AbortError");
}

interface Waiter {
  grant(): void;
}

interface KeyState {
  /** The current lease, `undefined` while none is held. */
  lease: object | undefined;
  ttlTimer: ReturnType<typeof setTimeout> | undefined;
  /** Who waits, first come first served. */
  waiters: Waiter[];
}

/**
 * The in-process lock, and the handler's default: one queue per key, first come first served.
 * It serialises the creates of one user inside this process only. With several processes,
 * containers or serverless instances, use `createRedisLock(client)` (or your own
 * `BillingPortalLock`) instead.
 *
 * A lease that is never released (a hung `onCustomerCreated`) ends after `ttlMs`, so one stuck
 * request cannot block a user until the process restarts. Keys nobody holds or waits for take
 * no memory.
 *
 * @example
 * const lock = createMemoryLock();
 * const release = await lock.acquire("user:42", { ttlMs: 30_000, waitMs: 15_000 });
 * try {
 *   await createTheCustomerOnce();
 * } finally {
 *   await release();
 * }
 */
export function createMemoryLock(): BillingPortalLock {
  const keys = new Map<string, KeyState>();

  function grant(key: string, state: KeyState, ttlMs: number): BillingPortalLockRelease {
    const lease = {};
    state.lease = lease;
    const end = () => {
      if (state.lease !== lease) return; // already released, or ran out and taken by another
      clearTimeout(state.ttlTimer);
      state.lease = undefined;
      state.ttlTimer = undefined;
      const next = state.waiters.shift();
      if (next) next.grant();
      else keys.delete(key);
    };
    state.ttlTimer = setTimeout(end, ttlMs);
    // A lease alone does not keep a process alive (Node; other runtimes have no unref).
    (state.ttlTimer as { unref?: () => void }).unref?.();
    return async () => end();
  }

  return {
    acquire(key, options) {
      try {
        assertLockOptions(key, options);
      } catch (error) {
        return Promise.reject(error);
      }
      const { ttlMs, waitMs, signal } = options;
      if (signal?.aborted) return Promise.reject(abortReason(signal));

      let state = keys.get(key);
      if (!state) {
        state = { lease: undefined, ttlTimer: undefined, waiters: [] };
        keys.set(key, state);
      }
      if (state.lease === undefined && state.waiters.length === 0) return Promise.resolve(grant(key, state, ttlMs));
      if (waitMs === 0) return Promise.reject(lockTimeoutError(waitMs));

      const queued = state;
      return new Promise<BillingPortalLockRelease>((resolve, reject) => {
        const leave = () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          const at = queued.waiters.indexOf(waiter);
          if (at !== -1) queued.waiters.splice(at, 1);
        };
        const waiter: Waiter = {
          grant() {
            leave();
            resolve(grant(key, queued, ttlMs));
          },
        };
        const timer = setTimeout(() => {
          leave();
          reject(lockTimeoutError(waitMs));
        }, waitMs);
        const onAbort = () => {
          leave();
          reject(abortReason(signal as AbortSignal));
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        queued.waiters.push(waiter);
      });
    },
  };
}
