import { describe, expect, it, vi } from "vitest";
import { CUSTOMER_ID_PATTERN } from "../../src/core/customer";
import type { AuthorizeRequest } from "../../src/server";
import { createHarness, customerOf, harnessPerTest, transports } from "./harness";

describe.each(transports)("the merchant endpoint protocol (%s)", (transport) => {
  const setup = harnessPerTest(transport);

  describe("GET /customers/me", () => {
    it("answers 200 with null while the signed-in person has no customer, without asking Ching", async () => {
      const { call, ching } = await setup();
      const answer = await call("/customers/me");
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ success: true, data: null });
      expect(ching.callCount()).toBe(0);
    });

    it("answers the signed-in person's customer", async () => {
      const { call, ching, users } = await setup();
      const tal = ching.seed({ name: "Tal Levi", email: "tal@example.com" });
      users.set("alice", tal.id);
      const answer = await call("/customers/me");
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ success: true, data: tal });
      expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
      expect(answer.headers.get("cache-control")).toBe("no-store");
    });

    it("answers null when the stored customer was deleted at Ching", async () => {
      const { call, ching, users } = await setup();
      const tal = ching.seed({ name: "Tal Levi" });
      users.set("alice", tal.id);
      await ching.fetch(`https://api.ching.co.il/ching/v1/customers/${tal.id}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${ching.apiKey}` },
      });
      const answer = await call("/customers/me");
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ success: true, data: null });
    });

    it("answers 401 UNAUTHENTICATED when nobody is signed in, without asking Ching", async () => {
      const { call, ching } = await setup();
      const answer = await call("/customers/me", { user: null });
      expect(answer.status).toBe(401);
      expect(answer.json.error?.code).toBe("UNAUTHENTICATED");
      expect(ching.callCount()).toBe(0);
    });
  });

  describe("POST /customers: one person, one customer", () => {
    it("creates the customer, hands it to onCustomerCreated and answers it", async () => {
      const { call, ching, users, created } = await setup();
      const answer = await call("/customers", { body: { name: "Alice Cohen", phone: "+972501234567" } });
      expect(answer.status).toBe(200);
      const customer = customerOf(answer);
      expect(customer).toMatchObject({ object: "customer", name: "Alice Cohen", phone: "+972501234567", livemode: false });
      expect(customer.id).toMatch(CUSTOMER_ID_PATTERN);
      expect(created).toEqual([customer]);
      expect(users.get("alice")).toBe(customer.id);
      expect(ching.customers()).toEqual([customer]);
      // and from now on it is theirs
      expect(customerOf(await call("/customers/me"))).toEqual(customer);
    });

    it("fills name and email from identify when the browser leaves them out", async () => {
      const { call } = await setup({ handler: { identify: () => ({ userId: "u1", customerId: null, name: "From Server", email: "server@example.com" }) } });
      const customer = customerOf(await call("/customers", { body: {} }));
      expect(customer).toMatchObject({ name: "From Server", email: "server@example.com" });
    });

    it("creates nothing for a person who already has a customer, and answers 200 with that customer unchanged", async () => {
      const { call, ching, created } = await setup();
      const first = customerOf(await call("/customers", { body: { name: "Alice Cohen" } }));
      const again = await call("/customers", { body: { name: "Someone Else", email: "other@example.com" } });
      expect(again.status).toBe(200);
      expect(customerOf(again)).toEqual(first);
      expect(ching.callCount("POST /customers")).toBe(1);
      expect(ching.callCount("POST /customers/:id")).toBe(0);
      expect(ching.customers()).toHaveLength(1);
      expect(created).toHaveLength(1);
    });

    it("makes exactly one create at Ching when the same person creates twice at the same time", async () => {
      const { call, ching, created } = await setup();
      ching.setLatency(30); // both requests are surely in flight together
      const [a, b, c] = await Promise.all([
        call("/customers", { body: { name: "Alice Cohen" } }),
        call("/customers", { body: { name: "Alice Cohen" } }),
        call("/customers", { body: { name: "Alice C." } }),
      ]);
      expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
      expect(customerOf(b).id).toBe(customerOf(a).id);
      expect(customerOf(c).id).toBe(customerOf(a).id);
      expect(ching.callCount("POST /customers")).toBe(1);
      expect(ching.customers()).toHaveLength(1);
      expect(created).toHaveLength(1);
    });

    it("creates one customer each for two people creating at the same time", async () => {
      const { call, ching } = await setup();
      ching.setLatency(20);
      const [a, b] = await Promise.all([
        call("/customers", { body: { name: "Alice" }, user: "alice" }),
        call("/customers", { body: { name: "Bob" }, user: "bob" }),
      ]);
      expect(customerOf(a).id).not.toBe(customerOf(b).id);
      expect(ching.callCount("POST /customers")).toBe(2);
    });

    it("creates a fresh customer when the stored one was deleted at Ching", async () => {
      const { call, ching, users } = await setup();
      const old = ching.seed({ name: "Old" });
      users.set("alice", old.id);
      await ching.fetch(`https://api.ching.co.il/ching/v1/customers/${old.id}`, { method: "DELETE", headers: { authorization: `Bearer ${ching.apiKey}` } });
      const answer = await call("/customers", { body: { name: "Alice" } });
      expect(answer.status).toBe(200);
      expect(customerOf(answer).id).not.toBe(old.id);
      expect(users.get("alice")).toBe(customerOf(answer).id);
    });
  });

  describe("POST /customers/me", () => {
    it("patches the signed-in person's customer: what is left out stays", async () => {
      const { call } = await setup();
      const before = customerOf(await call("/customers", { body: { name: "Alice", phone: "+972501234567", locale: "en" } }));
      const answer = await call("/customers/me", { body: { name: "Alice Cohen" } });
      expect(answer.status).toBe(200);
      expect(customerOf(answer)).toEqual({ ...before, name: "Alice Cohen" });
    });

    it("answers 404 while the person has no customer yet", async () => {
      const { call, ching } = await setup();
      const answer = await call("/customers/me", { body: { name: "X" } });
      expect(answer.status).toBe(404);
      expect(ching.callCount()).toBe(0);
    });
  });

  describe("nobody reads or writes a customer that is not theirs", () => {
    it("answers 404 for someone else's customer, read or write, and never asks Ching", async () => {
      const { call, ching, users } = await setup();
      const bobs = ching.seed({ name: "Bob", email: "bob@example.com" });
      users.set("bob", bobs.id);
      ching.resetCalls();
      const read = await call(`/customers/${bobs.id}`);
      const write = await call(`/customers/${bobs.id}`, { body: { email: "alice@evil.example" } });
      expect(read.status).toBe(404);
      expect(write.status).toBe(404);
      expect(read.json.error?.code).toBe("NOT_FOUND");
      expect(read.text).not.toContain("bob@example.com");
      expect(ching.callCount()).toBe(0);
      expect(ching.customers()[0]?.email).toBe("bob@example.com");
    });

    it("lets a person reach their own customer by id", async () => {
      const { call } = await setup();
      const mine = customerOf(await call("/customers", { body: { name: "Alice" } }));
      expect(customerOf(await call(`/customers/${mine.id}`))).toEqual(mine);
      expect(customerOf(await call(`/customers/${mine.id}`, { body: { locale: "en" } })).locale).toBe("en");
    });

    it("answers 403 for the list unless authorize allows it", async () => {
      const { call, ching } = await setup();
      ching.seed({ name: "Someone" });
      ching.resetCalls();
      const answer = await call("/customers");
      expect(answer.status).toBe(403);
      expect(answer.json.error?.code).toBe("FORBIDDEN");
      expect(ching.callCount()).toBe(0);
    });

    it("lets authorize open other customers and the list to a back office", async () => {
      const authorize = vi.fn(({ identity }: AuthorizeRequest) => identity.userId === "admin");
      const { call, ching } = await setup({ users: { admin: null, alice: null }, handler: { authorize } });
      const someone = ching.seed({ name: "Someone" });
      const list = await call("/customers", { user: "admin" });
      expect(list.status).toBe(200);
      expect(list.json.data).toEqual([someone]);
      expect(customerOf(await call(`/customers/${someone.id}`, { user: "admin" }))).toEqual(someone);
      const updated = await call(`/customers/${someone.id}`, { user: "admin", body: { name: "Renamed" } });
      expect(customerOf(updated).name).toBe("Renamed");
      expect(authorize.mock.calls.map(([args]) => [args.action, args.customerId])).toEqual([
        ["list", null],
        ["read", someone.id],
        ["update", someone.id],
      ]);
      // alice is not an admin
      expect((await call(`/customers/${someone.id}`, { user: "alice" })).status).toBe(404);
    });
  });

  describe("metadata the browser sends", () => {
    it("keeps only metadataKeys and lays identify's metadata over it", async () => {
      const { call, ching } = await setup({ handler: { metadataKeys: ["nickname", "userId"] } });
      const customer = customerOf(
        await call("/customers", { body: { name: "Alice", metadata: { nickname: "Al", userId: "bob", plan: "free-forever" } } }),
      );
      // The user marker is the server's too: it finds this customer again when a create's outcome was unknown.
      expect(customer.metadata).toEqual({ nickname: "Al", userId: "alice", ching_portal_user: "alice" });
      const updated = customerOf(await call("/customers/me", { body: { metadata: { userId: "mallory", role: "admin", nickname: "Ali" } } }));
      expect(updated.metadata).toEqual({ nickname: "Ali", userId: "alice", ching_portal_user: "alice" });
      expect(ching.calls.at(-1)?.body).toEqual({ metadata: { nickname: "Ali", userId: "alice", ching_portal_user: "alice" } });
    });

    it("drops all browser metadata when no metadataKeys are set", async () => {
      const { call, ching } = await setup();
      const customer = customerOf(await call("/customers", { body: { name: "Alice", metadata: { userId: "bob", admin: true } } }));
      expect(customer.metadata).toEqual({ userId: "alice", ching_portal_user: "alice" });
      await call("/customers/me", { body: { name: "Alice B", metadata: { userId: "bob" } } });
      expect(ching.calls.at(-1)?.body).toEqual({ name: "Alice B" });
    });
  });

  describe("bad input is refused before Ching sees it", () => {
    it("answers 400 INVALID_JSON for a body that is not JSON", async () => {
      const { call, ching } = await setup();
      const answer = await call("/customers", { raw: "{name:", headers: { "content-type": "application/json" } });
      expect(answer.status).toBe(400);
      expect(answer.json.error?.code).toBe("INVALID_JSON");
      expect(ching.callCount()).toBe(0);
    });

    it("answers 415 for a POST that is not application/json", async () => {
      const { call, ching } = await setup();
      const answer = await call("/customers", { raw: "name=Alice", headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(answer.status).toBe(415);
      expect(answer.json.error?.code).toBe("UNSUPPORTED_MEDIA_TYPE");
      expect(ching.callCount()).toBe(0);
    });

    it("answers 413 for a body over 16 KiB", async () => {
      const { call, ching } = await setup();
      const answer = await call("/customers", { body: { name: "Alice", metadata: { pad: "x".repeat(17 * 1024) } } });
      expect(answer.status).toBe(413);
      expect(answer.json.error?.code).toBe("PAYLOAD_TOO_LARGE");
      expect(ching.callCount()).toBe(0);
    });

    it("answers 400 INVALID_FIELD with the issues when the schema refuses the body", async () => {
      const { call, ching } = await setup();
      const answer = await call("/customers", { body: { name: "", email: "not-an-email", phone: "0501234567" } });
      expect(answer.status).toBe(400);
      expect(answer.json.error?.code).toBe("INVALID_FIELD");
      expect(answer.json.error?.issues?.map((issue) => issue.path)).toEqual([["name"], ["email"], ["phone"]]);
      expect(ching.callCount()).toBe(0);
    });

    it("answers 404 for a path that is not in the protocol", async () => {
      const { call } = await setup();
      for (const path of ["/invoices", "/customers/me/cards", "/"]) {
        const answer = await call(path);
        expect(answer.status, path).toBe(404);
      }
    });

    it("answers 405 with an Allow header for a method the protocol does not use", async () => {
      const { call, ching } = await setup();
      for (const method of ["DELETE", "PUT", "PATCH"]) {
        const answer = await call("/customers/me", { method });
        expect(answer.status, method).toBe(405);
        expect(answer.headers.get("allow")).toBe("GET, POST");
        expect(answer.json.error?.code).toBe("METHOD_NOT_ALLOWED");
      }
      expect(ching.callCount()).toBe(0);
    });

    it("answers 400 INVALID_ID for an id not shaped like a Ching customer id", async () => {
      const { call, ching } = await setup({ handler: { authorize: () => true } });
      for (const id of ["cus_short", "pm_WMc9X22NT1af", "cus_V8ltq1pK_MWH.json", "%E0%A4%A"]) {
        const answer = await call(`/customers/${id}`);
        expect(answer.status, id).toBe(400);
        expect(answer.json.error?.code).toBe("INVALID_ID");
      }
      expect(ching.callCount()).toBe(0);
    });
  });

  describe("CSRF", () => {
    it("refuses a POST from an origin outside allowedOrigins with 403", async () => {
      const { call, ching } = await setup({ handler: { allowedOrigins: ["https://app.shop.example"] } });
      const answer = await call("/customers", { body: { name: "Alice" }, headers: { origin: "https://evil.example" } });
      expect(answer.status).toBe(403);
      expect(answer.json.error?.code).toBe("FORBIDDEN_ORIGIN");
      expect(ching.callCount()).toBe(0);
      const sneaky = await call("/customers", { body: { name: "Alice" }, headers: { "sec-fetch-site": "cross-site" } });
      expect(sneaky.status).toBe(403);
    });

    it("accepts a POST from an allowed origin and tells the browser so", async () => {
      const { call } = await setup({ handler: { allowedOrigins: ["https://app.shop.example"] } });
      const answer = await call("/customers", { body: { name: "Alice" }, headers: { origin: "https://app.shop.example" } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("access-control-allow-origin")).toBe("https://app.shop.example");
      expect(answer.headers.get("access-control-allow-credentials")).toBe("true");
    });
  });
});

describe("a body over 16 KiB, handed over as a web stream", () => {
  it("is refused with 413 after reading little more than 16 KiB of an endless stream, which is then cancelled", async () => {
    const harness = await createHarness();
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1024;
        controller.enqueue(new Uint8Array(1024).fill(0x61));
      },
      cancel() {
        cancelled = true;
      },
    });
    const answer = await harness.call("/customers", { raw: endless, headers: { "content-type": "application/json" } });
    expect(answer.status).toBe(413);
    expect(answer.json.error?.code).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBeLessThan(64 * 1024);
    expect(cancelled).toBe(true);
    expect(harness.ching.callCount()).toBe(0);
  });
});

describe("identify answers the handler cannot use as they are", () => {
  it("answers 500 and reports when identify returns a customerId that is not a Ching id", async () => {
    const harness = await createHarness({ handler: { identify: () => ({ userId: "u1", customerId: "42" }) } });
    const answer = await harness.call("/customers/me");
    expect(answer.status).toBe(500);
    expect(answer.json.error?.code).toBe("INTERNAL_ERROR");
    expect(harness.reported[0]?.message).toMatch(/identify\(\) returned a customerId that is not a Ching customer id/);
    expect(harness.ching.callCount()).toBe(0);
  });

  it("refuses to create for an identity without userId, with a clear 500 MISCONFIGURED for the merchant", async () => {
    const harness = await createHarness({ handler: { identify: () => ({ customerId: null, email: "a@example.com" }) as never } });
    const answer = await harness.call("/customers", { body: { name: "A" } });
    expect(answer.json.error).toMatchObject({ status: 500, code: "MISCONFIGURED" });
    expect(harness.reported[0]?.message).toMatch(/no userId/);
    expect(harness.ching.callCount("POST /customers")).toBe(0);
  });
});

describe("CORS for allowedOrigins", () => {
  it("answers a preflight from an allowed origin, and gives no CORS headers to others", async () => {
    const harness = await createHarness({ handler: { allowedOrigins: ["https://app.shop.example"] } });
    const allowed = await harness.handler(
      new Request(harness.url("/customers"), {
        method: "OPTIONS",
        headers: { origin: "https://app.shop.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      }),
    );
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.shop.example");
    expect(allowed.headers.get("access-control-allow-methods")).toBe("GET, POST");
    expect(allowed.headers.get("access-control-allow-headers")).toBe("content-type");
    const other = await harness.handler(new Request(harness.url("/customers"), { method: "OPTIONS", headers: { origin: "https://evil.example" } }));
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});
