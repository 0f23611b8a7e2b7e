/**
 * `npx ching-mock`: the in-memory Ching over HTTP on 127.0.0.1 (customers, cards, setup
 * sessions, charges, documents, portal sessions and their hosted pages), for running your
 * server (the handler, or your own backend) without a Ching account.
 *
 *   npx ching-mock [--port 4010] [--api-key ck_test_…] [--empty]
 *
 * The build puts `#!/usr/bin/env node` on top (vite.config.ts). In this repository
 * `npm run mock-ching` runs it from source.
 */
import { parseArgs } from "node:util";
import { createMockChing, MOCK_CHING_API_KEY } from "../testing/ching/index";

const USAGE = `Usage: ching-mock [options]

Serves an in-memory Ching (customers, cards, charges, documents, setup and portal
sessions with their hosted pages) on 127.0.0.1 until Ctrl-C.

Options:
  -p, --port <n>      the port (default 4010, or $PORT; 0 picks a free one)
      --api-key <key> the one key it accepts (default: the fake test key ck_test_ and 64 zeros,
                      or $CHING_MOCK_API_KEY)
      --empty         start with no customers (default: one demo customer, Tal Levi,
                      with cards and a year of charges)
  -h, --help          this text`;

function fail(message: string): never {
  console.error(`ching-mock: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let values: { port?: string; "api-key"?: string; empty?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      port: { type: "string", short: "p" },
      "api-key": { type: "string" },
      empty: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const portText = values.port ?? process.env.PORT ?? "4010";
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) fail(`--port must be a port number (0 to 65535), not "${portText}"`);
const apiKey = values["api-key"] ?? process.env.CHING_MOCK_API_KEY ?? MOCK_CHING_API_KEY;

const DEMO_CUSTOMER = "cus_V8ltq1pK_MWH";
const ching = createMockChing({
  apiKey,
  customers: values.empty
    ? []
    : [{ id: DEMO_CUSTOMER, name: "Tal Levi", email: "tal@example.com", phone: "+972501234567", locale: "he", created: "2026-04-19T09:12:43.000Z" }],
});
if (!values.empty) ching.seedDemoBilling(DEMO_CUSTOMER);

const server = await ching.listen(port).catch((error: unknown) => {
  console.error(`ching-mock: could not listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const keyNote = apiKey === MOCK_CHING_API_KEY ? " (the fake test key)" : "";
console.log(`In-memory Ching listening on ${server.url}`);
console.log(`  apiBase: ${server.apiBase}   (the handler's apiBase option)`);
console.log(`  apiKey:  ${apiKey}${keyNote}`);
console.log(`  try:     curl -H "Authorization: Bearer ${apiKey}" ${server.apiBase}/customers`);
console.log(`  hosted:  add-card, portal and PDF pages under ${server.url}/hosted/ (the urls it answers point there)`);
console.log("  Ctrl-C to stop");

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.close();
  console.log(`Stopped on ${signal} after ${ching.callCount()} requests.`);
  process.exit(0);
}
process.on("SIGINT", (signal) => void stop(signal));
process.on("SIGTERM", (signal) => void stop(signal));
