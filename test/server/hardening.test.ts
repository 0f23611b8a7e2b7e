/**
 * Regression tests for what a security review and a load test found in the
 * handler (issue 11, point 4), each as a person or a merchant would notice it.
 */
import { createServer, request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createBillingPortalHandler, toNodeHandler, type BillingPortalError } from "../../src/server";
import { createMockChing } from "../../src/testing";
import { closeServer, createHarness, keyEchoingHandler, listenOn, MOUNT, TEST_KEY, type Harness } from "./harness";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("the origin check", () => {
  it("takes the origin from the Host the server was reached on, not from a //host or absolute request target", async () => {
    const ching = createMockChing();
    const handler = createBillingPortalHandler({
      apiKey: TEST_KEY,
      fetch: ching.fetch,
      basePath: MOUNT,
      allowedOrigins: ["https://admin.shop.example"],
      identify: () => ({ userId: "u1", customerId: null }),
      onCustomerCreated: () => undefined,
    });
    const server = createServer(toNodeHandler(handler));
    const url = new URL(await listenOn(server));
    const send = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          { host: url.hostname, port: url.port, method: "POST", path, headers: { host: url.host, origin: "https://evil.example", "content-type": "application/json" } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on("error", reject);
        req.end(JSON.stringify({ name: "x" }));
      });
    try {
      expect(await send(`${MOUNT}/customers`)).toBe(403);
      // Before: the target made url.origin https://evil.example, which then matched the Origin.
      expect(await send(`https://evil.example${MOUNT}/customers`)).toBe(403);
      expect(await send(`//evil.example${MOUNT}/customers`)).toBe(404);
      expect(ching.callCount("POST /customers")).toBe(0);
    } finally {
      await closeServer(server);
    }
  });
});

describe("the key", () => {
  it("is removed from a Ching code, issue paths and data, and from onError's cause", async () => {
    harness = await createHarness();
    harness.users.set("alice", harness.ching.seed({ name: "Alice" }).id);
    harness.ching.failWith({ status: 409, code: `CONFLICT_${TEST_KEY}`, message: "x", issues: [{ path: [TEST_KEY], message: TEST_KEY }], times: 1 });
    const conflict = await harness.call("/customers/me", { body: { name: "A" } });
    expect(conflict.status).toBe(409);
    expect(conflict.text).not.toContain(TEST_KEY.slice(8));
    harness.ching.failWith({ status: 200, body: JSON.stringify({ success: true, data: { ...harness.ching.customers()[0], name: `leak ${TEST_KEY}` } }), times: 1 });
    const echoed = await harness.call("/customers/me");
    expect(echoed.status).toBe(200);
    expect(echoed.text).not.toContain(TEST_KEY.slice(8));
  });

  it("is not in the cause onError is given", async () => {
    const reported: BillingPortalError[] = [];
    const handler = keyEchoingHandler((error) => reported.push(error));
    await handler(new Request("https://shop.example/customers/me"));
    expect(reported).toHaveLength(1);
    expect(String((reported[0]!.cause as Error).message)).not.toContain(TEST_KEY.slice(8));
    expect(reported[0]!.message).not.toContain(TEST_KEY.slice(8));
  });
});

describe("callbacks and browsers", () => {
  it("cuts off a hung identify, authorize or onCustomerCreated, and a hung store does not block the user for good", async () => {
    const never = () => new Promise<never>(() => undefined);
    harness = await createHarness({ handler: { callbackTimeoutMs: 50, identify: never } });
    expect((await harness.call("/customers/me")).json.error).toMatchObject({ status: 500, code: "INTERNAL_ERROR" });
    expect(harness.reported[0]?.message).toMatch(/identify\(\) did not answer within 50 ms/);
    await harness.close();

    let hang = true;
    harness = await createHarness({
      handler: {
        callbackTimeoutMs: 50,
        authorize: never,
        onCustomerCreated: (customer, request) => {
          if (hang) return never();
          harness!.users.set(request.headers.get("x-user")!, customer.id);
        },
      },
    });
    expect((await harness.call("/customers/cus_V8ltq1pK_MWH")).status).toBe(500);
    expect((await harness.call("/customers", { body: { name: "Alice" } })).status).toBe(500);
    hang = false;
    const retried = await harness.call("/customers", { body: { name: "Alice" } });
    expect(retried.status).toBe(200);
    expect(harness.ching.callCount("POST /customers")).toBe(1);
  });

  it("does not report a browser that left mid-request as a failure", async () => {
    harness = await createHarness({ transport: "http" });
    harness.users.set("alice", harness.ching.seed({ name: "Alice" }).id);
    harness.ching.setLatency(200);
    const controller = new AbortController();
    const leaving = fetch(harness.url("/customers/me"), { headers: { "x-user": "alice" }, signal: controller.signal }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await leaving;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(harness.reported).toEqual([]);
  });

  it("counts an identify answering a string or true as a bug, not as someone signed in", async () => {
    for (const identity of ["alice", true]) {
      harness = await createHarness({ handler: { identify: () => identity as never } });
      const answer = await harness.call("/customers/me");
      expect(answer.json.error, String(identity)).toMatchObject({ status: 500, code: "MISCONFIGURED" });
      expect(harness.ching.callCount()).toBe(0);
      await harness.close();
      harness = undefined;
    }
  });
});

describe("sizes", () => {
  it("refuses a Ching answer over 1 MiB without reading it all", async () => {
    harness = await createHarness();
    harness.users.set("alice", harness.ching.seed({ name: "Alice" }).id);
    const customer = harness.ching.customers()[0]!;
    harness.ching.failWith({ status: 200, body: JSON.stringify({ success: true, data: { ...customer, metadata: { pad: "x".repeat(2 * 1024 * 1024) } } }), times: 1 });
    const answer = await harness.call("/customers/me");
    expect(answer.json.error).toMatchObject({ status: 502, code: "UPSTREAM_INVALID_RESPONSE" });
  });

  it("stops reading a refused endless body after 64 KiB instead of for 5 s", async () => {
    harness = await createHarness({ transport: "http" });
    const url = new URL(harness.url("/customers"));
    const sent = await new Promise<number>((resolve) => {
      let bytes = 0;
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(`POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nx-user: alice\r\n\r\n`);
        const chunk = Buffer.alloc(16 * 1024, "a");
        const pump = () => {
          while (socket.writable && bytes < 64 * 1024 * 1024) {
            bytes += chunk.length;
            if (!socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`)) {
              socket.once("drain", pump);
              return;
            }
          }
        };
        pump();
      });
      socket.on("error", () => resolve(bytes));
      socket.on("close", () => resolve(bytes));
      setTimeout(() => {
        socket.destroy();
        resolve(bytes);
      }, 3000).unref();
    });
    // The server cut the connection long before 64 MiB (the kernel's socket buffers take a few MiB first).
    expect(sent).toBeLessThan(16 * 1024 * 1024);
  });
});
