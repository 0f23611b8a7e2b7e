/**
 * "One person, one customer" across processes (issue 11): two handler processes share one
 * real Redis (REDIS_URL; see redisServer.ts) and one in-memory Ching over HTTP; 50 concurrent
 * creates for one user, split over both, must make exactly one Ching customer, and every
 * browser must get that one. Needs Redis: fails (never skips) without it.
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Customer } from "../../src/core/customer";
import { createMockChing, type MockChing, type MockChingServer } from "../../src/testing/mockChing";
import { noRedisMessage, redisAnswers, redisUrl } from "./redisServer";

const FIXTURE = fileURLToPath(new URL("./fixtures/handlerProcess.ts", import.meta.url));
const N = 50;

/** Forks one handler process and answers it with its port, once it listens (or fails within 20 s). */
function startHandlerProcess(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(FIXTURE, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("the handler process did not listen within 20 s"));
    }, 20_000);
    child.once("message", (message: { port?: number }) => {
      clearTimeout(timer);
      if (typeof message.port === "number") resolve({ child, port: message.port });
      else reject(new Error(`the handler process said ${JSON.stringify(message)}`));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the handler process exited with ${code} before it listened`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
  await exited;
  clearTimeout(timer);
}

describe("two handler processes, one Redis lock", () => {
  const url = redisUrl();
  const prefix = `ching:bp:test:${randomUUID()}:`;
  let ching: MockChing;
  let chingServer: MockChingServer | undefined;
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  let redis: ReturnType<typeof createClient> | undefined;

  beforeAll(async () => {
    if (!(await redisAnswers(url))) throw new Error(noRedisMessage(url));
    redis = createClient({ url, socket: { reconnectStrategy: false } });
    redis.on("error", () => undefined);
    await redis.connect();
    // As slow as a real Ching on a good day: a create takes long enough for the others to arrive meanwhile.
    ching = createMockChing({ latencyMs: 50 });
    chingServer = await ching.listen(0);
    const env = { CHING_API_BASE: chingServer.apiBase, REDIS_URL: url, STORE_PREFIX: prefix };
    const started = await Promise.allSettled([startHandlerProcess(env), startHandlerProcess(env)]);
    for (const result of started) if (result.status === "fulfilled") children.push(result.value.child);
    for (const result of started) {
      if (result.status === "rejected") throw result.reason;
      ports.push(result.value.port);
    }
  }, 30_000);

  afterAll(async () => {
    await Promise.all(children.map(stop));
    await chingServer?.close();
    if (redis?.isOpen) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(keys);
      redis.destroy();
    }
  });

  it(`makes exactly one Ching customer for ${N} concurrent creates of one user over two processes`, async () => {
    // Warm both processes up first (module loading, JIT, connections), so the creates below truly overlap.
    for (const port of ports) {
      const response = await fetch(`http://127.0.0.1:${port}/api/billing/customers/me`, { signal: AbortSignal.timeout(10_000) });
      // No customer yet: `data: null` (the second wave's protocol), or 404 before it.
      const body = (await response.json()) as { data?: unknown };
      expect(response.status === 404 || (response.status === 200 && body.data === null)).toBe(true);
    }
    ching.resetCalls();

    const answers = await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const response = await fetch(`http://127.0.0.1:${ports[i % 2]}/api/billing/customers`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ name: "Tal Levi" }),
          signal: AbortSignal.timeout(20_000),
        });
        const body = (await response.json()) as { success: boolean; data?: Customer; error?: { code: string } };
        return { status: response.status, id: body.data?.id, code: body.error?.code };
      }),
    );

    const creates = ching.callCount("POST /customers");
    const ids = new Set(answers.map((answer) => answer.id));
    expect({ creates, customersAtChing: ching.customers().length }).toEqual({ creates: 1, customersAtChing: 1 });
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
    expect([...ids]).toEqual([ching.customers()[0]?.id]);
    expect(await redis?.get(`${prefix}user:user_1:customerId`)).toBe(ching.customers()[0]?.id);
  }, 60_000);
});
