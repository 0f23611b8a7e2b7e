/**
 * The handler's default client for Ching on Node (src/server/nodeClient.ts): what it does that
 * the shared suites (harness transport "http") cannot see, against stand-in Ching servers on
 * loopback that count connections, stream without end, or hang.
 */
import { execFileSync, fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBillingPortalHandler, type BillingPortalError, type BillingPortalHandlerOptions } from "../../src/server";
import { createMockChing } from "../../src/testing";
import { closeServer, listenOn, TEST_KEY } from "./harness";

const CUSTOMER_ID = "cus_V8ltq1pK_MWH";
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(closeServer));
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A stand-in Ching on 127.0.0.1 answering with `answer`; counts the connections it was opened. */
async function standIn(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ apiBase: string; connections: () => number }> {
  let connections = 0;
  const server = createServer(answer);
  server.on("connection", () => (connections += 1));
  servers.push(server);
  const origin = await listenOn(server);
  return { apiBase: `${origin}/ching/v1`, connections: () => connections };
}

/** The customer the in-memory Ching would answer, as its envelope. */
function customerEnvelope(): string {
  const ching = createMockChing({ apiKey: TEST_KEY });
  const customer = ching.seed({ name: "Alice", email: "alice@example.com" });
  return JSON.stringify({ success: true, data: { ...customer, id: CUSTOMER_ID } });
}

function handlerFor(apiBase: string, reported: BillingPortalError[] = [], extra: Partial<BillingPortalHandlerOptions> = {}) {
  return createBillingPortalHandler({
    apiKey: TEST_KEY,
    apiBase,
    basePath: "/api/billing",
    retryDelayMs: 1,
    identify: () => ({ userId: "alice", customerId: CUSTOMER_ID }),
    onCustomerCreated: () => undefined,
    onError: (error) => void reported.push(error),
    ...extra,
  });
}

const me = (init?: RequestInit) => new Request("http://shop.test/api/billing/customers/me", init);

describe("the Node client for Ching", () => {
  it("is what the handler uses on Node without a fetch option: the global fetch is not called", async () => {
    const body = customerEnvelope();
    const ching = await standIn((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
    const globalFetch = vi.fn(globalThis.fetch);
    vi.stubGlobal("fetch", globalFetch);
    const answer = await handlerFor(ching.apiBase)(me());
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { data: { id: string } }).data.id).toBe(CUSTOMER_ID);
    expect(globalFetch).not.toHaveBeenCalled();
  });

  it("leaves the calls to fetch where there is no process.getBuiltinModule (older Node, edge runtimes), and to a fetch passed in", async () => {
    const body = customerEnvelope();
    const ching = await standIn((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
    const globalFetch = vi.fn(globalThis.fetch);
    vi.stubGlobal("fetch", globalFetch);
    const getBuiltinModule = process.getBuiltinModule;
    (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
    let handler;
    try {
      handler = handlerFor(ching.apiBase);
    } finally {
      process.getBuiltinModule = getBuiltinModule;
    }
    expect((await handler(me())).status).toBe(200);
    expect(globalFetch).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
    const passed = vi.fn((input: string, init: RequestInit) => fetch(input, init));
    expect((await handlerFor(ching.apiBase, [], { fetch: passed })(me())).status).toBe(200);
    expect(passed).toHaveBeenCalledTimes(1);
  });

  it("keeps its connection to Ching open from one call to the next", async () => {
    const body = customerEnvelope();
    const ching = await standIn((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
    const handler = handlerFor(ching.apiBase);
    for (let i = 0; i < 5; i++) expect((await handler(me())).status).toBe(200);
    expect(ching.connections()).toBe(1);
  });

  it("sends the key, asks for JSON and sends a POST body with its length", async () => {
    const seen: { method?: string; url?: string; headers: IncomingMessage["headers"]; body: string }[] = [];
    const customer = JSON.parse(customerEnvelope()) as { data: object };
    const ching = await standIn((req, res) => {
      let text = "";
      req.on("data", (chunk: Buffer) => (text += chunk.toString()));
      req.on("end", () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body: text });
        // The list (no customer marked with this user yet), then the create.
        const data = req.method === "GET" ? [] : { ...customer.data, ...(JSON.parse(text) as object) };
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ success: true, data }));
      });
    });
    const handler = handlerFor(ching.apiBase, [], { identify: () => ({ userId: "alice", customerId: null }) });
    const created = await handler(
      new Request("http://shop.test/api/billing/customers", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "אליס כהן" }) }),
    );
    expect(created.status).toBe(200);
    const post = seen.find((request) => request.method === "POST")!;
    expect(post.url).toBe("/ching/v1/customers");
    expect(post.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(post.headers.accept).toBe("application/json");
    expect(post.headers["content-type"]).toBe("application/json");
    expect(Number(post.headers["content-length"])).toBe(Buffer.byteLength(post.body));
    expect(JSON.parse(post.body)).toMatchObject({ name: "אליס כהן" });
    expect(((await created.json()) as { data: { name: string } }).data.name).toBe("אליס כהן");
  });

  it("refuses an answer over 1 MiB sent without a length, and stops reading it", async () => {
    let written = 0;
    let cut = false;
    const ching = await standIn((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.on("close", () => (cut = !res.writableFinished));
      const chunk = Buffer.alloc(64 * 1024, "x");
      const pump = () => {
        while (!res.destroyed && written < 64 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) {
            res.once("drain", pump);
            return;
          }
        }
        res.end();
      };
      res.write('{"success":true,"data":{"pad":"');
      pump();
    });
    const reported: BillingPortalError[] = [];
    const answer = await handlerFor(ching.apiBase, reported)(me());
    expect(answer.status).toBe(502);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe("UPSTREAM_INVALID_RESPONSE");
    expect(reported[0]?.message).toMatch(/more than 1048576 bytes/);
    await vi.waitFor(() => expect(cut).toBe(true));
    // Cut off after the first MiB, not read to 64 MiB (socket buffers hold a few MiB more).
    expect(written).toBeLessThan(16 * 1024 * 1024);
  });

  it("refuses an answer that declares more than 1 MiB before reading it", async () => {
    const ching = await standIn((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(2 * 1024 * 1024) });
      res.write("{");
    });
    const answer = await handlerFor(ching.apiBase)(me());
    expect(answer.status).toBe(502);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe("UPSTREAM_INVALID_RESPONSE");
  });

  it("answers 502 when Ching closes the connection halfway through its answer, after trying the GET three times", async () => {
    let calls = 0;
    const ching = await standIn((_req, res) => {
      calls += 1;
      res.writeHead(200, { "content-type": "application/json", "content-length": "500" });
      res.write('{"success":true,');
      setTimeout(() => res.destroy(), 10);
    });
    const answer = await handlerFor(ching.apiBase)(me());
    expect(answer.status).toBe(502);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(calls).toBe(3);
  });

  it("cuts a call off at timeoutMs (504), and Ching sees the connection go", async () => {
    let closed = false;
    const ching = await standIn((req) => req.socket.on("close", () => (closed = true)));
    const answer = await handlerFor(ching.apiBase, [], { timeoutMs: 50 })(me());
    expect(answer.status).toBe(504);
    await vi.waitFor(() => expect(closed).toBe(true));
  });

  it("stops the call to Ching when the browser leaves, and reports nothing", async () => {
    let closed = false;
    let arrived!: () => void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    const ching = await standIn((req) => {
      arrived();
      req.socket.on("close", () => (closed = true));
    });
    const reported: BillingPortalError[] = [];
    const browser = new AbortController();
    const answering = handlerFor(ching.apiBase, reported)(me({ signal: browser.signal }));
    await reached;
    browser.abort();
    await answering;
    await vi.waitFor(() => expect(closed).toBe(true));
    expect(reported).toEqual([]);
  });

  it("answers 502 UPSTREAM_UNAVAILABLE for a Ching whose certificate is not trusted", async () => {
    const tls = selfSignedCertificate();
    try {
      const server = createTlsServer({ key: tls.key, cert: tls.cert }, (_req, res) => res.end("{}"));
      servers.push(server);
      const origin = await listenOn(server);
      const reported: BillingPortalError[] = [];
      const answer = await handlerFor(`${origin.replace("http:", "https:")}/ching/v1`, reported, { retries: 0 })(me());
      expect(answer.status).toBe(502);
      expect(reported[0]?.code).toBe("UPSTREAM_UNAVAILABLE");
      expect(reported[0]?.message).toMatch(/certificate/i);
    } finally {
      tls.remove();
    }
  });

  it("reaches Ching over https when its certificate is trusted (NODE_EXTRA_CA_CERTS), with a kept connection", async () => {
    const tls = selfSignedCertificate();
    try {
      const body = customerEnvelope();
      let connections = 0;
      const server = createTlsServer({ key: tls.key, cert: tls.cert }, (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
      server.on("secureConnection", () => (connections += 1));
      servers.push(server);
      const origin = await listenOn(server);
      // The CA list is read when Node starts: the handler runs in a process of its own.
      const child = fork(fileURLToPath(new URL("./fixtures/httpsCall.ts", import.meta.url)), [], {
        execArgv: ["--import", "tsx"],
        env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.certPath, CHING_API_BASE: `${origin.replace("http://127.0.0.1", "https://localhost")}/ching/v1` },
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      const result = await new Promise<{ statuses: number[]; ids: string[] }>((resolve, reject) => {
        child.once("message", (message) => resolve(message as { statuses: number[]; ids: string[] }));
        child.once("exit", (code) => reject(new Error(`httpsCall exited with ${code}`)));
      });
      expect(result.statuses).toEqual([200, 200, 200]);
      expect(result.ids).toEqual([CUSTOMER_ID, CUSTOMER_ID, CUSTOMER_ID]);
      expect(connections).toBe(1);
    } finally {
      tls.remove();
    }
  }, 30_000);
});

/** A certificate for localhost and 127.0.0.1, made with openssl for this test only. */
function selfSignedCertificate(): { key: string; cert: string; certPath: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "ching-tls-"));
  const keyPath = join(dir, "key.pem");
  const certPath = join(dir, "cert.pem");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyPath, "-out", certPath, "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
    { stdio: "ignore" },
  );
  const read = (path: string) => readFileSync(path, "utf8");
  return { key: read(keyPath), cert: read(certPath), certPath, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
