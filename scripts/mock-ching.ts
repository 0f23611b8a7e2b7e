/**
 * `npm run mock-ching`: the in-memory Ching over HTTP on 127.0.0.1 (customers, cards, setup
 * sessions, charges, documents, portal sessions and their hosted pages), for trying the
 * handler (or your own backend) without a Ching account. Tal Levi has a demo billing history.
 *
 *   PORT=4010                    the port (default 4010; 0 picks a free one)
 *   CHING_MOCK_API_KEY=ck_test_… the key it accepts (default ck_test_ and 64 zeros)
 *
 * Point the handler at it with `apiBase: "http://127.0.0.1:4010/ching/v1"`.
 */
import { createMockChing, MOCK_CHING_API_KEY } from "../src/testing/mockChing";

const port = Number(process.env.PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(1);
}
const customKey = process.env.CHING_MOCK_API_KEY;

const ching = createMockChing({
  apiKey: customKey ?? MOCK_CHING_API_KEY,
  customers: [
    { id: "cus_V8ltq1pK_MWH", name: "Tal Levi", email: "tal@example.com", phone: "+972501234567", locale: "he", created: "2026-04-19T09:12:43.000Z" },
  ],
});

ching.seedDemoBilling("cus_V8ltq1pK_MWH");

const server = await ching.listen(port).catch((error: unknown) => {
  console.error(`Could not listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

console.log(`In-memory Ching listening on ${server.apiBase}`);
console.log(`  accepts: ${customKey ? "the key in CHING_MOCK_API_KEY" : `Authorization: Bearer ${MOCK_CHING_API_KEY} (the fake test key)`}`);
console.log(`  try:     curl -H "Authorization: Bearer <key>" ${server.apiBase}/charges?customer=cus_V8ltq1pK_MWH`);
console.log(`  hosted:  add-card, portal and PDF pages under ${server.url}/hosted/ (the urls Ching answers point there)`);
console.log("  Ctrl-C to stop");

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.close();
  console.log(`\nStopped after ${ching.callCount()} requests.`);
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
