import { describe, expect, it } from "vitest";
import { createBillingPortalHandler, type BillingPortalHandlerOptions } from "../../src/server";
import { createMockChing } from "../../src/testing";
import { TEST_KEY } from "./harness";

const valid: BillingPortalHandlerOptions = {
  apiKey: TEST_KEY,
  identify: () => null,
  onCustomerCreated: () => undefined,
};

function make(overrides: Record<string, unknown>) {
  return () => createBillingPortalHandler({ ...valid, ...overrides } as BillingPortalHandlerOptions);
}

describe("createBillingPortalHandler options", () => {
  it("loads without an apiKey (a build imports the route), then answers every request 500 MISCONFIGURED and says why once", async () => {
    const saved = process.env.CHING_API_KEY;
    delete process.env.CHING_API_KEY;
    try {
      const route = await import("./fixtures/routeModule");
      for (const request of [
        new Request("https://shop.example/api/billing/customers/me"),
        new Request("https://shop.example/api/billing/customers", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
      ]) {
        const answer = await route.GET(request);
        expect(answer.status).toBe(500);
        expect(await answer.json()).toEqual({
          success: false,
          error: { status: 500, code: "MISCONFIGURED", message: "The billing service is not configured correctly" },
        });
      }
      expect(route.reported).toHaveLength(1);
      expect(route.reported[0]).toMatchObject({ status: 500, code: "MISCONFIGURED" });
      expect(route.reported[0]!.message).toMatch(/`apiKey` is missing.*process\.env\.CHING_API_KEY/);
    } finally {
      if (saved !== undefined) process.env.CHING_API_KEY = saved;
    }
    expect(make({ apiKey: "" })).not.toThrow();
  });

  it("fails at once when the key is not shaped like a Ching secret key", () => {
    expect(make({ apiKey: "ck_test_123" })).toThrow(/not shaped like a Ching secret key \(`ck_test_` or `ck_live_` and 64 hex characters\)/);
    expect(make({ apiKey: `ck_test_${"g".repeat(64)}` })).toThrow(/not shaped like/);
    expect(make({ apiKey: `pk_test_${"0".repeat(64)}` })).toThrow(/publishable key/);
    expect(make({ apiKey: `${TEST_KEY}\n` })).toThrow(/spaces or a line break/);
  });

  it("accepts test and live keys, and the older sk_ keys", () => {
    for (const apiKey of [TEST_KEY, `ck_live_${"ab12".repeat(16)}`, `sk_test_${"0".repeat(24)}`, `sk_live_${"0".repeat(24)}`]) {
      expect(make({ apiKey }), apiKey).not.toThrow();
    }
  });

  it("requires identify and onCustomerCreated", () => {
    expect(make({ identify: undefined })).toThrow(/`identify` is required/);
    expect(make({ onCustomerCreated: undefined })).toThrow(/`onCustomerCreated` is required: store customer\.id/);
  });

  it("refuses to send the key over plain http to anything but loopback", () => {
    expect(make({ apiBase: "http://api.ching.co.il/ching/v1" })).toThrow(/must use https/);
    expect(make({ apiBase: "not a url" })).toThrow(/not an absolute URL/);
    expect(make({ apiBase: "http://127.0.0.1:4010/ching/v1" })).not.toThrow();
    expect(make({ apiBase: "http://localhost:4010/v1" })).not.toThrow();
  });

  it("refuses allowedOrigins that are not origins, and bad timeouts", () => {
    expect(make({ allowedOrigins: ["shop.example"] })).toThrow(/not an origin/);
    expect(make({ timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(make({ retries: -1 })).toThrow(/retries/);
  });

  it("calls Ching at https://api.ching.co.il/ching/v1 by default, and at apiBase when given (old /v1 paths too)", async () => {
    const ching = createMockChing();
    const tal = ching.seed({ name: "Tal Levi" });
    const urls: string[] = [];
    const fetch = (input: string, init: RequestInit) => {
      urls.push(input);
      return ching.fetch(input, init);
    };
    const identify = () => ({ userId: "u1", customerId: tal.id });
    for (const apiBase of [undefined, "https://api.ching.co.il/v1/"]) {
      const handler = createBillingPortalHandler({ ...valid, apiBase, fetch, identify });
      expect((await handler(new Request("https://shop.example/billing/customers/me"))).status).toBe(200);
    }
    expect(urls).toEqual([`https://api.ching.co.il/ching/v1/customers/${tal.id}`, `https://api.ching.co.il/v1/customers/${tal.id}`]);
  });

  it("routes by how the path ends without a basePath, and only under basePath with one", async () => {
    const ching = createMockChing();
    const tal = ching.seed({ name: "Tal Levi" });
    const options = { ...valid, fetch: ching.fetch, identify: () => ({ userId: "u1", customerId: tal.id }) };
    const loose = createBillingPortalHandler(options);
    expect((await loose(new Request("https://shop.example/anything/here/customers/me"))).status).toBe(200);
    const strict = createBillingPortalHandler({ ...options, basePath: "api/billing/" });
    expect((await strict(new Request("https://shop.example/api/billing/customers/me"))).status).toBe(200);
    expect((await strict(new Request("https://shop.example/other/customers/me"))).status).toBe(404);
  });
});
