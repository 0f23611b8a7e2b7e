/**
 * One server of `npm run bench:server`, in a process of its own (forked with IPC by
 * scripts/bench-server-lib.ts), listening on 127.0.0.1:
 *
 *   ching    the in-memory Ching (`createMockChing().listen()`), one customer seeded
 *   proxy    a bare, hand-written node:http pass-through: GET /api/billing/customers/me
 *            → Ching's GET /customers/:id, keep-alive agent, the answer piped back
 *   handler  createBillingPortalHandler behind toNodeHandler, in front of the same Ching
 *
 * Env for proxy and handler: BENCH_CHING_API_BASE, BENCH_CUSTOMER_ID. Sends
 * `{ type: "ready", port, … }` once listening; answers `{ type: "cpu" }` with its
 * `process.cpuUsage()`; exits on `{ type: "stop" }` (so --cpu-prof writes its profile) or
 * when the parent goes.
 */
import { Agent, createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createBillingPortalHandler, toNodeHandler } from "../../src/server/index";
import { createMockChing, MOCK_CHING_API_KEY } from "../../src/testing/mockChing";

type Role = "ching" | "proxy" | "handler";
const role = process.argv[2] as Role;
const send = (message: Record<string, unknown>) => process.send?.(message);

process.on("disconnect", () => process.exit(0));
process.on("message", (message: { type?: string }) => {
  if (message.type === "cpu") send({ type: "cpu", usage: process.cpuUsage() });
  if (message.type === "stop") process.exit(0);
});
// Never outlive a bench run.
setTimeout(() => process.exit(3), 10 * 60_000).unref();

function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`server-process ${role}: ${name} is not set`);
    process.exit(2);
  }
  return value;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

if (role === "ching") {
  const ching = createMockChing({ apiKey: MOCK_CHING_API_KEY });
  const customer = ching.seed({ name: "Bench User", email: "bench@bench.example", phone: "+972501234567" });
  const server = await ching.listen(0);
  send({ type: "ready", port: server.port, apiBase: server.apiBase, customerId: customer.id });
} else if (role === "proxy") {
  const target = `${env("BENCH_CHING_API_BASE")}/customers/${env("BENCH_CUSTOMER_ID")}`;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const authorization = `Bearer ${MOCK_CHING_API_KEY}`;
  const server = createServer((req, res) => {
    if (req.method !== "GET" || req.url !== "/api/billing/customers/me") {
      res.writeHead(404, { "content-type": "application/json" }).end('{"success":false}');
      return;
    }
    const upstream = httpRequest(target, { agent, headers: { authorization, accept: "application/json" } }, (answer) => {
      const headers: Record<string, string> = { "content-type": answer.headers["content-type"] ?? "application/json" };
      if (answer.headers["content-length"]) headers["content-length"] = answer.headers["content-length"];
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
      res.end('{"success":false}');
    });
    upstream.end();
  });
  send({ type: "ready", port: await listen(server) });
} else if (role === "handler") {
  const customerId = env("BENCH_CUSTOMER_ID");
  const handler = createBillingPortalHandler({
    apiKey: MOCK_CHING_API_KEY,
    apiBase: env("BENCH_CHING_API_BASE"),
    basePath: "/api/billing",
    identify: () => ({ userId: "bench", customerId }),
    onCustomerCreated: () => undefined,
    onError: (error) => console.error(`server-process handler: ${error.status} ${error.code}: ${error.message}`),
  });
  send({ type: "ready", port: await listen(createServer(toNodeHandler(handler))) });
} else {
  console.error(`server-process: unknown role ${String(role)} (ching, proxy or handler)`);
  process.exit(2);
}
