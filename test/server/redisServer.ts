/**
 * Redis for the tests that need a real one (test/server/redisLock.test.ts, multiProcess.test.ts).
 *
 * Vitest's global setup of the node project: when nothing answers on REDIS_URL (default
 * redis://127.0.0.1:6390) and the URL is on loopback, it starts `redis-server` (Debian's
 * package: `apt-get install redis-server`) on that port, with no persistence, and stops it
 * after the run. `.ci/run` starts its own before and this finds it answering. Without
 * `redis-server` the tests that need Redis fail (never skip) and say how to get it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";

export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6390";

/** Where the tests find Redis: `REDIS_URL`, else redis://127.0.0.1:6390. */
export function redisUrl(): string {
  return process.env.REDIS_URL || DEFAULT_REDIS_URL;
}

/** True when something speaking Redis answers `PING` at the URL within `timeoutMs` (a `NOAUTH` counts). */
export function redisAnswers(url = redisUrl(), timeoutMs = 1000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ""), port: Number(port || 6379) });
    const done = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(/^(\+PONG|-NOAUTH)/.test(data.toString("latin1"))));
  });
}

/** The message of a test that needs Redis and found none. */
export function noRedisMessage(url = redisUrl()): string {
  return (
    `No Redis answers at ${url}. These tests need a real Redis: install Debian's redis-server ` +
    "(apt-get install redis-server; `npm test` then starts one on that port by itself) or point REDIS_URL at one."
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let child: ChildProcess | undefined;

export async function setup(): Promise<void> {
  const url = redisUrl();
  if (await redisAnswers(url, 300)) return;
  const { hostname, port } = new URL(url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(hostname)) {
    console.warn(`[redis] ${noRedisMessage(url)}`);
    return;
  }
  const started = spawn(
    "redis-server",
    ["--port", port || "6379", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"],
    { stdio: "ignore" },
  );
  const failed = new Promise<string>((resolve) => {
    started.once("error", (error) => resolve(error.message));
    started.once("exit", (code) => resolve(`redis-server exited with ${code}`));
  });
  child = started;
  const deadline = Date.now() + 5000;
  for (;;) {
    const outcome = await Promise.race([failed, sleep(50).then(() => undefined)]);
    if (outcome !== undefined) {
      child = undefined;
      console.warn(`[redis] could not start redis-server (${outcome}). ${noRedisMessage(url)}`);
      return;
    }
    if (await redisAnswers(url, 300)) return;
    if (Date.now() > deadline) {
      console.warn(`[redis] redis-server started but did not answer within 5 s. ${noRedisMessage(url)}`);
      return;
    }
  }
}

export async function teardown(): Promise<void> {
  const running = child;
  child = undefined;
  if (!running || running.exitCode !== null) return;
  const exited = new Promise((resolve) => running.once("exit", resolve));
  running.kill("SIGTERM");
  await Promise.race([exited, sleep(3000)]);
  if (running.exitCode === null) running.kill("SIGKILL");
}
