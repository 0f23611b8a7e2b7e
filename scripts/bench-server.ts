/**
 * `npm run bench:server`: the handler against a bare proxy, each server in its own process on
 * 127.0.0.1 (see bench-server-lib.ts). Prints one table; asserts nothing about timings.
 *
 *   BENCH_SECONDS=10          measured seconds per server
 *   BENCH_WARMUP_SECONDS=6    warm-up seconds per server (not counted)
 *   BENCH_ROUNDS=10           (b) and (c) measured in this many rounds, taking turns in both orders
 *   BENCH_CONNECTIONS=20      autocannon connections
 *   BENCH_FROM_SOURCE=1       run the servers from the sources through tsx (default: a plain JavaScript bundle)
 *   BENCH_CPU_PROF=dir        also write V8 CPU profiles of the proxy's and the handler's processes there
 *   BENCH_INSTRUCTIONS=2000   also count the instructions per answer of (b) and (c) under Valgrind's
 *                             callgrind over this many answers (needs valgrind; about a minute each)
 *   --json                    the figures as JSON instead of the table
 */
import { resolve } from "node:path";
import { formatServerBench, runServerBench } from "./bench-server-lib";

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`${name} must be a positive number, not "${raw}"`);
    process.exit(1);
  }
  return value;
}

const profileDir = process.env.BENCH_CPU_PROF;
const result = await runServerBench({
  seconds: numberFrom("BENCH_SECONDS", 10),
  warmupSeconds: numberFrom("BENCH_WARMUP_SECONDS", 6),
  rounds: numberFrom("BENCH_ROUNDS", 10),
  connections: numberFrom("BENCH_CONNECTIONS", 20),
  cpuProfileDir: profileDir ? resolve(profileDir) : undefined,
  fromSource: process.env.BENCH_FROM_SOURCE === "1",
  instructionRequests: process.env.BENCH_INSTRUCTIONS ? numberFrom("BENCH_INSTRUCTIONS", 0) : 0,
  log: (message) => process.stderr.write(`bench:server: ${message}\n`),
});
console.log(process.argv.includes("--json") ? JSON.stringify(result, null, 2) : formatServerBench(result));
