/**
 * `npm run bench:server`: a bounded load run of the handler against the in-memory Ching,
 * all on 127.0.0.1. Prints figures; asserts nothing.
 *
 *   BENCH_REQUESTS=2000  BENCH_CONCURRENCY=20  BENCH_TIME_CAP_MS=30000
 *   --json  prints the figures as JSON instead of a table
 */
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

const result = await runServerBench({
  requests: numberFrom("BENCH_REQUESTS", 2000),
  concurrency: numberFrom("BENCH_CONCURRENCY", 20),
  timeCapMs: numberFrom("BENCH_TIME_CAP_MS", 30_000),
});
console.log(process.argv.includes("--json") ? JSON.stringify(result, null, 2) : formatServerBench(result));
