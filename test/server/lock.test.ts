import { describe, expect, it, vi } from "vitest";
import { BillingPortalError } from "../../src/core/error";
import { createMemoryLock, LOCK_ERROR_CODES, type BillingPortalLock } from "../../src/server/lock";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** N concurrent holders of one key, each holding it over a few turns of the event loop: the most ever inside at once. */
async function maxConcurrentHolders(lock: BillingPortalLock, key: string, n: number, holdMs: number): Promise<{ max: number; entered: number }> {
  let inside = 0;
  let max = 0;
  let entered = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      const release = await lock.acquire(key, { ttlMs: 10_000, waitMs: 10_000 });
      inside++;
      entered++;
      max = Math.max(max, inside);
      await sleep(holdMs);
      inside--;
      await release();
    }),
  );
  return { max, entered };
}

describe("createMemoryLock", () => {
  it("lets one holder at a time in, all 50 in the end, first come first served", async () => {
    const lock = createMemoryLock();
    expect(await maxConcurrentHolders(lock, "user:1", 50, 1)).toEqual({ max: 1, entered: 50 });

    const order: number[] = [];
    const first = await lock.acquire("user:2", { ttlMs: 1000, waitMs: 1000 });
    const waiting = [1, 2, 3].map((i) =>
      lock.acquire("user:2", { ttlMs: 1000, waitMs: 1000 }).then(async (release) => {
        order.push(i);
        await release();
      }),
    );
    await first();
    await Promise.all(waiting);
    expect(order).toEqual([1, 2, 3]);
  });

  it("keeps keys apart", async () => {
    const lock = createMemoryLock();
    const a = await lock.acquire("user:a", { ttlMs: 1000, waitMs: 0 });
    const b = await lock.acquire("user:b", { ttlMs: 1000, waitMs: 0 });
    await a();
    await b();
  });

  it("answers LOCK_TIMEOUT (503) after waitMs, and the one who gave up does not hold a place in the queue", async () => {
    const lock = createMemoryLock();
    const release = await lock.acquire("user:1", { ttlMs: 5000, waitMs: 0 });
    const started = Date.now();
    const error = await lock.acquire("user:1", { ttlMs: 5000, waitMs: 50 }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(error).toBeInstanceOf(BillingPortalError);
    expect(error).toMatchObject({ status: 503, code: LOCK_ERROR_CODES.timeout });
    expect((error as Error).message).toMatch(/another request for the same user is still creating/);
    await expect(lock.acquire("user:1", { ttlMs: 5000, waitMs: 0 })).rejects.toMatchObject({ code: "LOCK_TIMEOUT" });

    await release();
    const next = await lock.acquire("user:1", { ttlMs: 5000, waitMs: 0 });
    await next();
  });

  it("frees a lease after ttlMs (a hung holder), and the late release of that lease frees nothing", async () => {
    // Fake timers: the lease's expiry is the lock's own clock, not the machine's load.
    vi.useFakeTimers();
    try {
      const lock = createMemoryLock();
      const stuck = await lock.acquire("user:1", { ttlMs: 40, waitMs: 0 });
      const started = Date.now();
      const waiting = lock.acquire("user:1", { ttlMs: 5000, waitMs: 2000 });
      await vi.advanceTimersByTimeAsync(39);
      let granted = false;
      void waiting.then(() => (granted = true));
      await Promise.resolve();
      expect(granted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const next = await waiting;
      expect(Date.now() - started).toBe(40);

      await stuck(); // the first holder wakes up: it must not free the lease the second one holds
      const refused = expect(lock.acquire("user:1", { ttlMs: 5000, waitMs: 20 })).rejects.toMatchObject({ code: "LOCK_TIMEOUT" });
      await vi.advanceTimersByTimeAsync(20);
      await refused;
      await next();
      await next(); // twice: nothing
      const third = await lock.acquire("user:1", { ttlMs: 5000, waitMs: 0 });
      await third();
    } finally {
      vi.useRealTimers();
    }
  });

  it("stops waiting when the signal aborts, with the signal's reason", async () => {
    const lock = createMemoryLock();
    const release = await lock.acquire("user:1", { ttlMs: 5000, waitMs: 0 });
    const controller = new AbortController();
    const waiting = lock.acquire("user:1", { ttlMs: 5000, waitMs: 5000, signal: controller.signal });
    const reason = new Error("browser left");
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    await expect(lock.acquire("user:1", { ttlMs: 5000, waitMs: 0, signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    await release();
    const next = await lock.acquire("user:1", { ttlMs: 5000, waitMs: 0 });
    await next();
  });

  it("refuses options that make no sense", async () => {
    const lock = createMemoryLock();
    await expect(lock.acquire("", { ttlMs: 1000, waitMs: 0 })).rejects.toThrow(TypeError);
    await expect(lock.acquire("k", { ttlMs: 0, waitMs: 0 })).rejects.toThrow(/ttlMs/);
    await expect(lock.acquire("k", { ttlMs: 1000, waitMs: -1 })).rejects.toThrow(/waitMs/);
    await expect(lock.acquire("k", { ttlMs: Number.NaN, waitMs: 0 })).rejects.toThrow(/ttlMs/);
  });
});
