import { afterEach, describe, expect, it, vi } from "vitest";
import { customerOf, harnessPerTest, transports, type HarnessOptions } from "./harness";

describe.each(transports)("when Ching fails (%s)", (transport) => {
  const setup = harnessPerTest(transport);
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** alice with a customer already. */
  async function withCustomer(options: HarnessOptions = {}) {
    const h = await setup(options);
    const mine = h.ching.seed({ name: "Alice", email: "alice@example.com" });
    h.users.set("alice", mine.id);
    h.ching.resetCalls();
    return { ...h, mine };
  }

  describe("Ching's own errors pass through", () => {
    it("keeps status, code, message and issues (409 EMAIL_EXISTS)", async () => {
      const { call, ching } = await setup();
      ching.seed({ name: "Bob", email: "taken@example.com" });
      const answer = await call("/customers", { body: { name: "Alice", email: "taken@example.com" } });
      expect(answer.status).toBe(409);
      expect(answer.json.error).toEqual({
        status: 409,
        code: "EMAIL_EXISTS",
        message: "A customer with this email already exists",
        issues: [{ path: ["email"], message: "A customer with this email already exists" }],
      });
    });

    it("passes a 422 INVALID_FIELD with string issue paths on as arrays, Hebrew message and all", async () => {
      const { call, ching } = await withCustomer();
      ching.failWith({
        status: 422,
        code: "INVALID_FIELD",
        message: "שדה לא תקין",
        issues: [{ path: "metadata.plan", message: "ערך לא מוכר" }],
        times: 1,
      });
      const answer = await call("/customers/me", { body: { name: "Alice Cohen" } });
      expect(answer.status).toBe(422);
      expect(answer.json.error).toEqual({
        status: 422,
        code: "INVALID_FIELD",
        message: "שדה לא תקין",
        issues: [{ path: ["metadata", "plan"], message: "ערך לא מוכר" }],
      });
    });

    it("passes a Ching 404 on", async () => {
      const { call, users } = await setup();
      users.set("alice", "cus_AAAAAAAAAAAA");
      const answer = await call("/customers/cus_AAAAAAAAAAAA");
      expect(answer.status).toBe(404);
      expect(answer.json.error?.code).toBe("NOT_FOUND");
    });

    it("answers no customer (200 null) when Ching no longer knows the stored one", async () => {
      const { call, users } = await setup();
      users.set("alice", "cus_AAAAAAAAAAAA");
      const answer = await call("/customers/me");
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ success: true, data: null });
    });
  });

  describe("a key Ching refuses", () => {
    it("is a 500 MISCONFIGURED for the browser and a report for the merchant (401)", async () => {
      const { call, reported } = await withCustomer({ ching: { apiKey: `ck_test_${"f".repeat(64)}` } });
      const answer = await call("/customers/me");
      expect(answer.status).toBe(500);
      expect(answer.json.error).toEqual({ status: 500, code: "MISCONFIGURED", message: "The billing service is not configured correctly" });
      expect(reported).toHaveLength(1);
      expect(reported[0]?.code).toBe("MISCONFIGURED");
      expect(reported[0]?.message).toMatch(/Ching refused the API key \(HTTP 401 WRONG_CREDENTIALS/);
    });

    it("treats 403 LIVE_KEY_INACTIVE the same way, and does not retry it", async () => {
      const { call, ching, reported } = await withCustomer();
      ching.failWith({ status: 403, code: "LIVE_KEY_INACTIVE", message: "This live key is not active yet" });
      const answer = await call("/customers/me");
      expect(answer.status).toBe(500);
      expect(answer.json.error?.code).toBe("MISCONFIGURED");
      expect(reported[0]?.message).toContain("LIVE_KEY_INACTIVE");
      expect(ching.callCount()).toBe(1);
    });
  });

  describe("an unreachable, slow or garbled Ching", () => {
    it("answers 502 UPSTREAM_UNAVAILABLE on a network failure, after trying a GET three times", async () => {
      const { call, ching, reported } = await withCustomer();
      ching.dropConnection();
      const answer = await call("/customers/me");
      expect(answer.status).toBe(502);
      expect(answer.json.error).toEqual({ status: 502, code: "UPSTREAM_UNAVAILABLE", message: "The billing service could not be reached" });
      expect(ching.callCount("GET /customers/:id")).toBe(3);
      expect(reported.map((error) => error.code)).toEqual(["UPSTREAM_UNAVAILABLE"]);
    });

    it("answers 504 UPSTREAM_TIMEOUT when Ching does not answer within timeoutMs", async () => {
      const { call, ching, reported } = await withCustomer({ handler: { timeoutMs: 50 } });
      ching.hang();
      const answer = await call("/customers/me");
      expect(answer.status).toBe(504);
      expect(answer.json.error?.code).toBe("UPSTREAM_TIMEOUT");
      expect(reported[0]?.code).toBe("UPSTREAM_TIMEOUT");
    });

    it("answers 502 UPSTREAM_INVALID_RESPONSE when Ching's answer is not JSON", async () => {
      const { call, ching } = await withCustomer();
      ching.failWith({ status: 200, body: "<html>maintenance</html>" });
      const answer = await call("/customers/me");
      expect(answer.status).toBe(502);
      expect(answer.json.error?.code).toBe("UPSTREAM_INVALID_RESPONSE");
    });

    it("answers 502 when Ching answers JSON without its envelope", async () => {
      const { call, ching } = await withCustomer();
      ching.failWith({ status: 200, body: JSON.stringify({ id: "cus_V8ltq1pK_MWH" }) });
      const answer = await call("/customers/me");
      expect(answer.status).toBe(502);
      expect(answer.json.error?.code).toBe("UPSTREAM_INVALID_RESPONSE");
    });
  });

  describe("retries", () => {
    it("tries a GET again after a 5xx and answers once Ching recovers", async () => {
      const { call, ching, mine } = await withCustomer();
      ching.failWith({ status: 503, times: 2 });
      const answer = await call("/customers/me");
      expect(answer.status).toBe(200);
      expect(customerOf(answer)).toEqual(mine);
      expect(ching.callCount("GET /customers/:id")).toBe(3);
    });

    it("gives up after two retries and passes Ching's 5xx on", async () => {
      const { call, ching } = await withCustomer();
      ching.failWith({ status: 500, code: "INTERNAL_ERROR", message: "Unexpected error" });
      const answer = await call("/customers/me");
      expect(answer.status).toBe(500);
      expect(answer.json.error?.code).toBe("INTERNAL_ERROR");
      expect(ching.callCount()).toBe(3);
    });

    it("does not retry a 4xx", async () => {
      const { call, ching, mine } = await withCustomer();
      ching.failWith({ status: 404, code: "NOT_FOUND", message: "No such customer" });
      expect((await call(`/customers/${mine.id}`)).status).toBe(404);
      expect(ching.callCount()).toBe(1);
    });

    it("never retries a POST: not after a 5xx, not after a network failure", async () => {
      const { call, ching } = await setup();
      ching.failWith({ status: 503, route: "POST /customers", times: 1 });
      const first = await call("/customers", { body: { name: "Alice" } });
      expect(first.status).toBe(503);
      expect(ching.callCount("POST /customers")).toBe(1);

      ching.dropConnection({ route: "POST /customers", times: 1 });
      const second = await call("/customers", { body: { name: "Alice" } });
      expect(second.status).toBe(502);
      expect(ching.callCount("POST /customers")).toBe(2);

      ching.dropConnection({ route: "POST /customers/:id", times: 1 });
      const mine = customerOf(await call("/customers", { body: { name: "Alice" } }));
      ching.resetCalls();
      const update = await call("/customers/me", { body: { name: "Alice Cohen" } });
      expect(update.status).toBe(502);
      expect(ching.callCount("POST /customers/:id")).toBe(1);
      expect(ching.customers()).toEqual([mine]);
    });
  });

  describe("the merchant's own callbacks", () => {
    it("answers 500 INTERNAL_ERROR and reports when identify throws", async () => {
      const { call, ching, reported } = await setup({
        handler: {
          identify: () => {
            throw new Error("session store down");
          },
        },
      });
      const answer = await call("/customers/me");
      expect(answer.status).toBe(500);
      expect(answer.json.error).toEqual({ status: 500, code: "INTERNAL_ERROR", message: "Something went wrong on the server" });
      expect(reported[0]?.message).toContain("session store down");
      expect(ching.callCount()).toBe(0);
    });

    it("keeps the customer when onCustomerCreated fails, and stores it on the next try instead of creating another", async () => {
      const users = new Map<string, string | null>();
      let failing = true;
      const { call, ching, reported } = await setup({
        handler: {
          onCustomerCreated: (customer, request) => {
            if (failing) throw new Error("database is read-only");
            users.set(request.headers.get("x-user") ?? "", customer.id);
          },
        },
      });
      const first = await call("/customers", { body: { name: "Alice" } });
      expect(first.status).toBe(500);
      expect(reported[0]?.message).toContain("database is read-only");
      failing = false;
      const second = await call("/customers", { body: { name: "Alice" } });
      expect(second.status).toBe(200);
      expect(ching.callCount("POST /customers")).toBe(1);
      expect(users.get("alice")).toBe(customerOf(second).id);
    });

    it("prints a report on console.error when no onError is given", async () => {
      const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const { call, ching } = await withCustomer({ handler: { onError: undefined } });
      ching.failWith({ status: 401, code: "WRONG_CREDENTIALS", message: "Invalid API key" });
      await call("/customers/me");
      expect(printed).toHaveBeenCalledTimes(1);
      expect(String(printed.mock.calls[0]?.[0])).toContain("500 MISCONFIGURED");
    });
  });
});
