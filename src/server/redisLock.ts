import {
  assertLockOptions,
  lockTimeoutError,
  lockUnavailableError,
  type BillingPortalLock,
  type BillingPortalLockRelease,
} from "./lock";

/**
 * A `BillingPortalLock` over Redis, for the merchant's own Redis client: no Redis package is a
 * dependency of this library, so the clients are typed by their shape only.
 */

/** A node-redis v4, v5 or v6 client (`createClient()` of the `redis` package), connected. */
export interface NodeRedisLockClient {
  /** node-redis has it; it tells the client apart from ioredis. */
  readonly isOpen: boolean;
  /** `SET key value NX PX ms`, node-redis style. */
  set(key: string, value: string, options: { NX: true; PX: number }): Promise<unknown>;
  /** `EVAL script`, node-redis style. */
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** An ioredis client (`new Redis(url)` of the `ioredis` package). */
export interface IORedisLockClient {
  /** ioredis has it (`"ready"`, `"connecting"`, …); it tells the client apart from node-redis. */
  readonly status: string;
  /** `SET key value PX ms NX`, ioredis style. */
  set(key: string, value: string, px: "PX", milliseconds: number, nx: "NX"): Promise<unknown>;
  /** `EVAL script numkeys key… arg…`, ioredis style. */
  eval(script: string, numberOfKeys: number, ...keysAndArguments: string[]): Promise<unknown>;
}

/** Either kind of client; which one it is is told by its shape (or by `client` in the options). */
export type RedisLockClient = NodeRedisLockClient | IORedisLockClient;

export interface RedisLockOptions {
  /** Put before every key. Default `ching:bp:lock:`. */
  prefix?: string;
  /** The wait between two tries while the key is held (with ±50 % jitter). Default 50 ms. */
  retryDelayMs?: number;
  /**
   * The longest one Redis command may take before the lock gives up with `LOCK_UNAVAILABLE`
   * (a Redis that is down often makes clients queue commands instead of failing them).
   * Default 2000 ms.
   */
  commandTimeoutMs?: number;
  /** Which client API to speak, when detecting it by shape does not work (e.g. a wrapped client). */
  client?: "node-redis" | "ioredis";
}

/** What `createRedisLock` puts before every key unless told otherwise. */
export const DEFAULT_REDIS_LOCK_PREFIX = "ching:bp:lock:";

/** Deletes the key only if it still holds this lease's token: a lease that ran out and was taken by another is left alone. */
const RELEASE_SCRIPT = 'if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end';

type Commands = {
  setIfAbsent(key: string, token: string, ttlMs: number): Promise<unknown>;
  compareAndDelete(key: string, token: string): Promise<unknown>;
};

function commandsFor(client: RedisLockClient, kind: RedisLockOptions["client"]): Commands {
  const record = client as unknown as Record<string, unknown> | null;
  if (typeof record !== "object" || record === null || typeof record.set !== "function" || typeof record.eval !== "function") {
    throw new TypeError("createRedisLock: pass a connected Redis client (node-redis `createClient()` or ioredis `new Redis()`), with set() and eval()");
  }
  const flavour = kind ?? (typeof record.status === "string" ? "ioredis" : "isOpen" in record ? "node-redis" : undefined);
  if (flavour === "ioredis") {
    const io = client as IORedisLockClient;
    return {
      setIfAbsent: (key, token, ttlMs) => io.set(key, token, "PX", ttlMs, "NX"),
      compareAndDelete: (key, token) => io.eval(RELEASE_SCRIPT, 1, key, token),
    };
  }
  if (flavour === "node-redis") {
    const node = client as NodeRedisLockClient;
    return {
      // `{ NX, PX }`: the form node-redis v4 knows, still honoured (deprecated) by v5 and v6.
      setIfAbsent: (key, token, ttlMs) => node.set(key, token, { NX: true, PX: ttlMs }),
      compareAndDelete: (key, token) => node.eval(RELEASE_SCRIPT, { keys: [key], arguments: [token] }),
    };
  }
  throw new TypeError(
    'createRedisLock: cannot tell the client: neither node-redis (`isOpen`) nor ioredis (`status`). Say which with { client: "node-redis" } or { client: "ioredis" }.',
  );
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted", "AbortError");
}

/** Waits `ms`, or less when the signal aborts (then it rejects with its reason). */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

const isOk = (reply: unknown) => String(reply) === "OK";

/**
 * A `BillingPortalLock` over Redis, shared by every process that uses the same Redis: pass it
 * as the handler's `lock` when the handler runs in more than one process (several containers,
 * pods, serverless instances). Works with node-redis (v4 to v6) and ioredis clients.
 *
 * A lease is `SET key token NX PX ttlMs` with a random token; it is released by a script that
 * deletes the key only while it still holds that token, so a lease that ran out and was taken
 * by another is never freed by its first holder. While the key is held, `acquire` tries again
 * every `retryDelayMs` (with jitter) until `waitMs` has passed (`LOCK_TIMEOUT`). A Redis command
 * that fails, or gets no answer within `commandTimeoutMs`, rejects with `LOCK_UNAVAILABLE`
 * right away: creates fail (503) rather than risk a second customer.
 *
 * Connect the client before the first request (node-redis: `await client.connect()`), and
 * listen to its `error` events (node-redis and ioredis crash the process on an unheard one).
 *
 * @example
 * import { createClient } from "redis";
 * const redis = createClient({ url: process.env.REDIS_URL });
 * redis.on("error", (error) => console.error("Redis", error));
 * await redis.connect();
 * const handler = createBillingPortalHandler({ apiKey, identify, onCustomerCreated, lock: createRedisLock(redis) });
 *
 * @example
 * import { Redis } from "ioredis";
 * const lock = createRedisLock(new Redis(process.env.REDIS_URL!), { prefix: "shop:billing-lock:" });
 */
export function createRedisLock(client: RedisLockClient, options: RedisLockOptions = {}): BillingPortalLock {
  const commands = commandsFor(client, options.client);
  const prefix = options.prefix ?? DEFAULT_REDIS_LOCK_PREFIX;
  const retryDelayMs = options.retryDelayMs ?? 50;
  const commandTimeoutMs = options.commandTimeoutMs ?? 2000;
  if (typeof prefix !== "string") throw new TypeError("createRedisLock: `prefix` must be a string");
  if (!Number.isFinite(retryDelayMs) || retryDelayMs <= 0) throw new TypeError("createRedisLock: `retryDelayMs` must be a positive number");
  if (!Number.isFinite(commandTimeoutMs) || commandTimeoutMs <= 0) throw new TypeError("createRedisLock: `commandTimeoutMs` must be a positive number");

  /** Runs one command, bounded by `commandTimeoutMs`; a late answer is handed to `late`. */
  function bounded<T>(what: string, run: () => Promise<T>, late?: (reply: T) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        reject(lockUnavailableError(`Redis did not answer ${what} within ${commandTimeoutMs} ms`));
      }, commandTimeoutMs);
      let pending: Promise<T>;
      try {
        pending = Promise.resolve(run());
      } catch (cause) {
        pending = Promise.reject(cause);
      }
      pending.then(
        (reply) => {
          if (settled) {
            late?.(reply);
            return;
          }
          settled = true;
          clearTimeout(timer);
          resolve(reply);
        },
        (cause: unknown) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          reject(lockUnavailableError(`Redis ${what} failed: ${describe(cause)}`, cause));
        },
      );
    });
  }

  function releaser(key: string, token: string): BillingPortalLockRelease {
    let released: Promise<void> | undefined;
    return () =>
      (released ??= bounded("the release script", () => commands.compareAndDelete(key, token)).then(
        () => undefined,
        // Unreachable Redis: the lease runs out at ttlMs.
        () => undefined,
      ));
  }

  return {
    async acquire(name, lockOptions) {
      assertLockOptions(name, lockOptions);
      const { ttlMs, waitMs, signal } = lockOptions;
      const key = `${prefix}${name}`;
      const token = randomToken();
      const deadline = Date.now() + waitMs;
      for (;;) {
        if (signal?.aborted) throw abortReason(signal);
        const reply = await bounded(
          "SET NX PX",
          () => commands.setIfAbsent(key, token, Math.ceil(ttlMs)),
          // Gave up on it, but Redis did it after all: free the key rather than leave it held until ttlMs.
          (late) => {
            if (isOk(late)) void commands.compareAndDelete(key, token).catch(() => undefined);
          },
        );
        if (isOk(reply)) return releaser(key, token);
        const left = deadline - Date.now();
        if (left <= 0) throw lockTimeoutError(waitMs);
        await pause(Math.min(left, retryDelayMs * (0.5 + Math.random())), signal);
      }
    },
  };
}
