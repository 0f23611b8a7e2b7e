/**
 * createRedisLock against a real Redis (REDIS_URL, default redis://127.0.0.1:6390; `npm test`
 * starts Debian's redis-server when none answers, see redisServer.ts), every test with both a
 * node-redis and an ioredis client. Without Redis these tests fail: they never skip.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BillingPortalError } from "../../src/core/error";
import { LOCK_ERROR_CODES } from "../../src/server/lock";
import { createRedisLock, type RedisLockClient, type RedisLockOptions } from "../../src/server/redisLock";
import { noRedisMessage, redisAnswers, redisUrl } from "./redisServer";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ignore = () => undefined;

interface Flavour {
  name: string;
  /** A connected client; fails the test when Redis does not answer. */
  connect(url: string): Promise<RedisLockClient>;
  /** A client as a merchant's would be while Redis is down: connecting, commands queued. */
  connecting(url: string): RedisLockClient;
  close(client: RedisLockClient): Promise<void>;
  /** Reads a key with a client of this flavour. */
  get(client: RedisLockClient, key: string): Promise<string | null>;
  pttl(client: RedisLockClient, key: string): Promise<number>;
}

const nodeRedis: Flavour = {
  name: "node-redis",
  async connect(url) {
    const client = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 2000 } });
    client.on("error", ignore);
    await client.connect();
    return client;
  },
  connecting(url) {
    const client = createClient({ url, socket: { reconnectStrategy: () => 100, connectTimeout: 500 } });
    client.on("error", ignore);
    client.connect().catch(ignore);
    return client;
  },
  async close(client) {
    const node = client as ReturnType<typeof createClient>;
    if (node.isOpen) node.destroy();
  },
  get: (client, key) => (client as ReturnType<typeof createClient>).get(key),
  pttl: (client, key) => (client as ReturnType<typeof createClient>).pTTL(key),
};

const ioredis: Flavour = {
  name: "ioredis",
  async connect(url) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null, connectTimeout: 2000 });
    client.on("error", ignore);
    await client.connect();
    return client;
  },
  connecting(url) {
    // ioredis's defaults: reconnect forever, queue commands meanwhile.
    const client = new Redis(url);
    client.on("error", ignore);
    return client;
  },
  async close(client) {
    (client as Redis).disconnect();
  },
  get: (client, key) => (client as Redis).get(key),
  pttl: (client, key) => (client as Redis).pttl(key),
};

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.each([nodeRedis, ioredis])("createRedisLock with $name", (flavour) => {
  const url = redisUrl();
  // Redis is shared (other runs, other worktrees): every run has keys of its own.
  const prefix = `ching:bp:test:${randomUUID()}:`;
  const clients: RedisLockClient[] = [];
  let client: RedisLockClient;

  async function connect(): Promise<RedisLockClient> {
    const made = await flavour.connect(url);
    clients.push(made);
    return made;
  }
  const lockWith = (on: RedisLockClient, options: RedisLockOptions = {}) => createRedisLock(on, { prefix, retryDelayMs: 5, ...options });

  beforeAll(async () => {
    if (!(await redisAnswers(url))) throw new Error(noRedisMessage(url));
    client = await connect();
  });
  afterAll(async () => {
    await Promise.all(clients.map((one) => flavour.close(one).catch(ignore)));
  });

  it("lets one holder at a time in: 50 concurrent acquires of one key over 5 connections", async () => {
    const locks = await Promise.all(Array.from({ length: 5 }, async () => lockWith(await connect())));
    let inside = 0;
    let max = 0;
    let entered = 0;
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const lock = locks[i % locks.length]!;
        const release = await lock.acquire("user:exclusion", { ttlMs: 10_000, waitMs: 30_000 });
        inside++;
        entered++;
        max = Math.max(max, inside);
        await sleep(2);
        inside--;
        await release();
      }),
    );
    expect({ max, entered }).toEqual({ max: 1, entered: 50 });
    expect(await flavour.get(client, `${prefix}user:exclusion`)).toBeNull();
  });

  it("holds the key as SET NX PX with a random token under the prefix", async () => {
    const lock = lockWith(client);
    const release = await lock.acquire("user:shape", { ttlMs: 5000, waitMs: 0 });
    const token = await flavour.get(client, `${prefix}user:shape`);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    const ttl = await flavour.pttl(client, `${prefix}user:shape`);
    expect(ttl).toBeGreaterThan(4000);
    expect(ttl).toBeLessThanOrEqual(5000);

    const again = await lockWith(client).acquire("user:shape2", { ttlMs: 5000, waitMs: 0 });
    expect(await flavour.get(client, `${prefix}user:shape2`)).not.toBe(token);
    await again();
    await release();
    await release(); // twice: nothing
    expect(await flavour.get(client, `${prefix}user:shape`)).toBeNull();
  });

  it("is released only by its holder: a lease that ran out and was taken by another is not deleted by the first", async () => {
    const first = lockWith(client);
    const second = lockWith(await connect());
    const late = await first.acquire("user:holder", { ttlMs: 80, waitMs: 0 });
    const next = await second.acquire("user:holder", { ttlMs: 10_000, waitMs: 2000 });
    const heldBySecond = await flavour.get(client, `${prefix}user:holder`);
    expect(heldBySecond).toMatch(/^[0-9a-f]{32}$/);

    await late(); // the first holder comes back after its lease ran out
    expect(await flavour.get(client, `${prefix}user:holder`)).toBe(heldBySecond);
    await expect(first.acquire("user:holder", { ttlMs: 1000, waitMs: 30 })).rejects.toMatchObject({ code: LOCK_ERROR_CODES.timeout });

    await next();
    expect(await flavour.get(client, `${prefix}user:holder`)).toBeNull();
  });

  it("frees the key of a crashed holder after ttlMs", async () => {
    const doomed = await connect();
    await lockWith(doomed).acquire("user:crash", { ttlMs: 150, waitMs: 0 });
    await flavour.close(doomed); // gone without releasing

    const started = Date.now();
    const release = await lockWith(client).acquire("user:crash", { ttlMs: 5000, waitMs: 3000 });
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(100);
    expect(waited).toBeLessThan(2000);
    await release();
  });

  it("waits at most waitMs, then LOCK_TIMEOUT (503)", async () => {
    const lock = lockWith(client);
    const release = await lock.acquire("user:wait", { ttlMs: 10_000, waitMs: 0 });
    const started = Date.now();
    const error = await lockWith(client, { retryDelayMs: 20 })
      .acquire("user:wait", { ttlMs: 10_000, waitMs: 200 })
      .catch((e: unknown) => e);
    const waited = Date.now() - started;
    expect(error).toBeInstanceOf(BillingPortalError);
    expect(error).toMatchObject({ status: 503, code: "LOCK_TIMEOUT" });
    expect(waited).toBeGreaterThanOrEqual(190);
    expect(waited).toBeLessThan(1000);
    await expect(lock.acquire("user:wait", { ttlMs: 10_000, waitMs: 0 })).rejects.toMatchObject({ code: "LOCK_TIMEOUT" });
    await release();
  });

  it("stops waiting when the signal aborts", async () => {
    const release = await lockWith(client).acquire("user:abort", { ttlMs: 10_000, waitMs: 0 });
    const controller = new AbortController();
    const reason = new Error("browser left");
    setTimeout(() => controller.abort(reason), 50);
    const started = Date.now();
    await expect(lockWith(client).acquire("user:abort", { ttlMs: 10_000, waitMs: 10_000, signal: controller.signal })).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1000);
    await release();
  });

  it("answers LOCK_UNAVAILABLE fast when Redis is down (nothing on the port, the client queueing commands)", async () => {
    const down = flavour.connecting(`redis://127.0.0.1:${await closedPort()}`);
    try {
      const started = Date.now();
      const error = await createRedisLock(down, { commandTimeoutMs: 300 })
        .acquire("user:down", { ttlMs: 10_000, waitMs: 10_000 })
        .catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(1500);
      expect(error).toBeInstanceOf(BillingPortalError);
      expect(error).toMatchObject({ status: 503, code: LOCK_ERROR_CODES.unavailable });
      expect((error as Error).message).toMatch(/could not be reached .*Check that it is running and reachable/);
    } finally {
      await flavour.close(down).catch(ignore);
    }
  });

  it("answers LOCK_UNAVAILABLE at once when the client rejects commands (closed, or no offline queue)", async () => {
    const closed = await connect();
    await flavour.close(closed);
    const started = Date.now();
    await expect(createRedisLock(closed).acquire("user:closed", { ttlMs: 1000, waitMs: 5000 })).rejects.toMatchObject({
      status: 503,
      code: "LOCK_UNAVAILABLE",
    });
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe("createRedisLock", () => {
  it("refuses what is not a Redis client, and bad options", () => {
    expect(() => createRedisLock({} as RedisLockClient)).toThrow(/pass a connected Redis client/);
    const shapeless = { set: async () => "OK", eval: async () => 1 } as unknown as RedisLockClient;
    expect(() => createRedisLock(shapeless)).toThrow(/cannot tell the client/);
    expect(() => createRedisLock(shapeless, { client: "ioredis" })).not.toThrow();
    expect(() => createRedisLock(shapeless, { client: "ioredis", retryDelayMs: 0 })).toThrow(/retryDelayMs/);
    expect(() => createRedisLock(shapeless, { client: "ioredis", commandTimeoutMs: -1 })).toThrow(/commandTimeoutMs/);
  });
});
