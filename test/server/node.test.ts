import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBillingPortalHandler, getNodeRequest, MAX_BODY_BYTES, toNodeHandler } from "../../src/server";
import { canDefer } from "../../src/server/node";
import { createMockChing } from "../../src/testing";
import { closeServer, listenOn, MOUNT, TEST_KEY } from "./harness";

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(closeServer));
  vi.restoreAllMocks();
});

/** A tiny Connect: runs middlewares in order, like Express would. */
async function serve(...chain: Middleware[]): Promise<string> {
  const server = createServer((req, res) => {
    let at = 0;
    const next = (error?: unknown) => {
      if (error) {
        res.statusCode = 599;
        res.end(`next(${error instanceof Error ? error.message : String(error)})`);
        return;
      }
      const middleware = chain[at++];
      if (middleware) middleware(req, res, next);
      else {
        res.statusCode = 404;
        res.end("fell through");
      }
    };
    next();
  });
  servers.push(server);
  return listenOn(server);
}

/** Like express.json(): reads the body and leaves it parsed on req.body. */
const jsonBodyParser: Middleware = (req, _res, next) => {
  if (req.method !== "POST") return next();
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown, _body: true });
    next();
  });
};

/** Like app.use("/api/billing", …): strips the mount from req.url, keeps originalUrl. */
function mount(path: string, middleware: Middleware): Middleware {
  return (req, res, next) => {
    if (!req.url?.startsWith(path)) return next();
    Object.assign(req, { originalUrl: req.url, url: req.url.slice(path.length) || "/" });
    middleware(req, res, next);
  };
}

function billing(extra: { identify?: (request: Request) => { customerId: string | null; userId: string } | null } = {}) {
  const ching = createMockChing({ apiKey: TEST_KEY });
  let stored: string | null = null;
  const handler = createBillingPortalHandler({
    apiKey: TEST_KEY,
    fetch: ching.fetch,
    basePath: MOUNT,
    identify: extra.identify ?? (() => ({ userId: "u1", customerId: stored })),
    onCustomerCreated: (customer) => {
      stored = customer.id;
    },
  });
  return { ching, handler };
}

/** Sends `body` in chunks without ever ending it, until an answer comes. */
function endlessUpload(url: string, headers: Record<string, string>): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(url, { method: "POST", headers }, (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sent });
      });
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(4096, "a");
    const pump = () => {
      while (!answered && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
    };
    req.write('{"name":"');
    pump();
  });
}

describe("toNodeHandler", () => {
  it("serves the handler on node:http, keeping the mount path Express strips", async () => {
    const { handler } = billing();
    const url = await serve(mount(MOUNT, toNodeHandler(handler)));
    const created = await fetch(`${url}${MOUNT}/customers`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Alice" }),
    });
    expect(created.status).toBe(200);
    const me = await fetch(`${url}${MOUNT}/customers/me`);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { data: { name: string } }).data.name).toBe("Alice");
  });

  it("uses a body an Express body parser already read", async () => {
    const { handler, ching } = billing();
    const url = await serve(jsonBodyParser, mount(MOUNT, toNodeHandler(handler)));
    const response = await fetch(`${url}${MOUNT}/customers`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Parsed Already", email: "parsed@example.com" }),
    });
    expect(response.status).toBe(200);
    expect(ching.customers()[0]).toMatchObject({ name: "Parsed Already", email: "parsed@example.com" });
  });

  it("gives identify the Node request through getNodeRequest (req.user of Express)", async () => {
    const { handler } = billing({
      identify: (request) => {
        const user = (getNodeRequest(request) as (IncomingMessage & { user?: { id: string } }) | undefined)?.user;
        return user ? { userId: user.id, customerId: null } : null;
      },
    });
    const passport: Middleware = (req, _res, next) => {
      if (req.headers.cookie === "session=alice") Object.assign(req, { user: { id: "alice" } });
      next();
    };
    const url = await serve(passport, toNodeHandler(handler));
    const signedIn = await fetch(`${url}${MOUNT}/customers/me`, { headers: { cookie: "session=alice" } });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toEqual({ success: true, data: null });
    expect((await fetch(`${url}${MOUNT}/customers/me`)).status).toBe(401);
  });

  it("answers 413 to a declared Content-Length over 16 KiB before a byte of the body is sent", async () => {
    const { handler, ching } = billing();
    const url = await serve(toNodeHandler(handler));
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${url}${MOUNT}/customers`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(10 * MAX_BODY_BYTES) },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
        res.on("end", () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.on("error", reject);
      req.flushHeaders(); // headers only: the body never comes
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ success: false, error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(ching.callCount()).toBe(0);
  });

  it("answers 413 to an endless chunked body without reading it to the end", async () => {
    const { handler, ching } = billing();
    const url = await serve(toNodeHandler(handler));
    const answer = await endlessUpload(`${url}${MOUNT}/customers`, { "content-type": "application/json" });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { status: 413, code: "PAYLOAD_TOO_LARGE" } });
    expect(answer.sent).toBeGreaterThan(MAX_BODY_BYTES);
    expect(ching.callCount()).toBe(0);
  });

  it("streams a large answer back whole, with every Set-Cookie header", async () => {
    const big = "x".repeat(2_000_000);
    const url = await serve(
      toNodeHandler(() => {
        const headers = new Headers({ "content-type": "text/plain" });
        headers.append("set-cookie", "a=1; Path=/");
        headers.append("set-cookie", "b=2; Path=/");
        return new Response(big, { status: 201, headers });
      }),
    );
    const response = await fetch(url);
    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect((await response.text()).length).toBe(big.length);
  });

  it("aborts request.signal, and a clone's, when the client goes away", async () => {
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let cloneAborted = false;
    const aborted = new Promise<boolean>((resolve) => {
      void serve(
        toNodeHandler(
          (request) =>
            new Promise<Response>(() => {
              const clone = request.clone();
              clone.signal.addEventListener("abort", () => (cloneAborted = true));
              request.signal.addEventListener("abort", () => resolve(true));
              expect(request.signal.aborted).toBe(false);
              entered();
            }),
        ),
      ).then((url) => {
        const req = httpRequest(url);
        req.on("error", () => undefined);
        req.end();
        void inside.then(() => req.destroy());
      });
    });
    expect(await aborted).toBe(true);
    expect(cloneAborted).toBe(true);
  });

  it("hands a failure to next() when there is one, and answers 500 otherwise", async () => {
    const failing = () => Promise.reject(new Error("boom"));
    const withNext = await serve(toNodeHandler(failing));
    const passed = await fetch(withNext);
    expect(passed.status).toBe(599);
    expect(await passed.text()).toBe("next(boom)");

    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const server = createServer((req, res) => void toNodeHandler(failing)(req, res));
    servers.push(server);
    const bare = await fetch(await listenOn(server));
    expect(bare.status).toBe(500);
    expect(await bare.json()).toEqual({ success: false, error: { status: 500, code: "INTERNAL_ERROR", message: "Something went wrong on the server" } });
    expect(String(printed.mock.calls[0]?.[0])).toContain("boom");
  });
});

/** Sends one GET with the Host header given (fetch would not let us set it). */
function getWithHost(url: string, path: string, host: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, headers: { ...headers, host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("toNodeHandler: the Request of a GET", () => {
  it("is built only when more than its url, method and headers is read, on this Node", () => {
    // Node 20's undici keeps a Request's fields under symbols, so the adapter's deferred GET works
    // here; if this fails, every GET pays for a whole Request again (about 20 µs of CPU each).
    expect(process.versions.node.startsWith("20.") ? canDefer() : true).toBe(true);
  });

  it("is a Request wherever it is used: as it is, copied, cloned, read, and inside identify", async () => {
    const seen: Record<string, unknown> = {};
    const url = await serve(
      toNodeHandler(async (request) => {
        seen.isRequest = request instanceof Request;
        seen.tag = Object.prototype.toString.call(request);
        // Nothing of the adapter's shows (JSON.stringify(request) is "{}", as of any Request).
        seen.json = JSON.stringify(request);
        seen.url = request.url;
        seen.method = request.method;
        seen.cookie = request.headers.get("cookie");
        seen.nodeMethod = getNodeRequest(request)?.method;
        // What an auth library does with it (Clerk's authenticateRequest makes a Request of it).
        const copy = new Request(request);
        seen.copy = [copy.url, copy.method, copy.headers.get("cookie")];
        const clone = request.clone();
        seen.clone = [clone.url, clone.headers.get("cookie")];
        seen.fields = [request.cache, request.redirect, request.credentials, request.mode, request.body, request.bodyUsed];
        seen.text = await request.text();
        seen.signal = request.signal.aborted;
        seen.nodeRequestAfter = getNodeRequest(request)?.url;
        return Response.json({ ok: true });
      }),
    );
    const answer = await getWithHost(url, `${MOUNT}/customers/./me?x=1`, new URL(url).host.toUpperCase(), { cookie: "session=alice" });
    expect(answer.status).toBe(200);
    const host = new URL(url).host;
    // The URL as a Request spells it: host lowercased, dot segments resolved.
    expect(seen).toEqual({
      isRequest: true,
      tag: "[object Request]",
      json: "{}",
      url: `http://${host}${MOUNT}/customers/me?x=1`,
      method: "GET",
      cookie: "session=alice",
      nodeMethod: "GET",
      copy: [`http://${host}${MOUNT}/customers/me?x=1`, "GET", "session=alice"],
      clone: [`http://${host}${MOUNT}/customers/me?x=1`, "session=alice"],
      fields: ["default", "follow", "same-origin", "cors", null, false],
      text: "",
      signal: false,
      nodeRequestAfter: `${MOUNT}/customers/./me?x=1`,
    });
  });

  it("answers 400 to a Host no Request could be made of, as a real Request would refuse it", async () => {
    const { handler } = billing();
    const url = await serve(toNodeHandler(handler));
    const port = new URL(url).port;
    for (const host of [`user:secret@127.0.0.1:${port}`, "bad host:1"]) {
      const answer = await getWithHost(url, `${MOUNT}/customers/me`, host);
      expect(answer.status, host).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ success: false, error: { status: 400, code: "BAD_REQUEST" } });
    }
  });
});

describe("toNodeHandler: how answers are written", () => {
  /** The raw head of an answer, as a client gets it. */
  function head(url: string): Promise<IncomingMessage & { text: string }> {
    return new Promise((resolve, reject) => {
      httpRequest(url, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve(Object.assign(res, { text })));
      })
        .on("error", reject)
        .end();
    });
  }

  it("sends the handler's own answers whole, with Content-Length (no chunked transfer)", async () => {
    const ching = createMockChing({ apiKey: TEST_KEY });
    const customer = ching.seed({ name: "Tal Levi", email: "tal@example.com" });
    const handler = createBillingPortalHandler({
      apiKey: TEST_KEY,
      fetch: ching.fetch,
      identify: () => ({ userId: "tal", customerId: customer.id }),
      onCustomerCreated: () => undefined,
    });
    const origin = await serve((req, res, next) => void toNodeHandler(handler)(req, res, next));
    const res = await head(`${origin}${MOUNT}/customers/me`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["transfer-encoding"]).toBeUndefined();
    expect(Number(res.headers["content-length"])).toBe(Buffer.byteLength(res.text));
    expect(JSON.parse(res.text)).toMatchObject({ success: true, data: { id: customer.id, name: "Tal Levi" } });
  });

  it("still streams any other Response", async () => {
    const origin = await serve((req, res, next) => void toNodeHandler(() => new Response("שלום, streamed"))(req, res, next));
    const res = await head(`${origin}/anything`);
    expect(res.headers["transfer-encoding"]).toBe("chunked");
    expect(res.text).toBe("שלום, streamed");
  });
});
