import { afterEach, describe, expect, it, vi } from "vitest";
import { CUSTOMER_ID_PATTERN, type Customer } from "../../src/core/customer";
import { createMockChing, MOCK_CHING_API_KEY, type MockChing } from "../../src/testing";

const BASE = "https://api.ching.co.il/ching/v1";
const KEY = `ck_test_${"0".repeat(64)}`;

interface Envelope {
  success: boolean;
  data?: unknown;
  error?: { status: number; code: string; message: string; issues?: { path: unknown; message: string }[] };
}

function client(ching: MockChing, base = BASE, key: string | null = ching.apiKey) {
  return async (method: string, path: string, body?: unknown): Promise<{ status: number; json: Envelope }> => {
    const headers: Record<string, string> = {};
    if (key !== null) headers.authorization = `Bearer ${key}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await ching.fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, json: (await response.json()) as Envelope };
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("createMockChing: the Customers API", () => {
  it("accepts ck_test_ and 64 zeros by default", () => {
    expect(createMockChing().apiKey).toBe(KEY);
    expect(MOCK_CHING_API_KEY).toBe(KEY);
  });

  it("creates a customer shaped like Ching's, answering 200", async () => {
    const call = client(createMockChing());
    const { status, json } = await call("POST", "/customers", { name: "Tal Levi", email: "tal@example.com" });
    expect(status).toBe(200);
    const customer = json.data as Customer;
    expect(customer).toEqual({
      id: expect.stringMatching(CUSTOMER_ID_PATTERN) as unknown,
      object: "customer",
      name: "Tal Levi",
      email: "tal@example.com",
      phone: null,
      locale: "he",
      taxId: null,
      metadata: {},
      default_payment_method: null,
      livemode: false,
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as unknown,
    });
  });

  it("takes livemode from the key", async () => {
    const live = createMockChing({ apiKey: `ck_live_${"0".repeat(64)}` });
    const { json } = await client(live)("POST", "/customers", { name: "Live" });
    expect((json.data as Customer).livemode).toBe(true);
  });

  it("lists at most 100 customers, newest first", async () => {
    const ching = createMockChing();
    const call = client(ching);
    const names: string[] = [];
    for (let i = 0; i < 105; i++) {
      names.push(`Customer ${i}`);
      await call("POST", "/customers", { name: `Customer ${i}` });
    }
    const { json } = await call("GET", "/customers");
    const list = json.data as Customer[];
    expect(list).toHaveLength(100);
    expect(list.map((c) => c.name)).toEqual(names.reverse().slice(0, 100));
  });

  it("retrieves, patches and soft-deletes", async () => {
    const ching = createMockChing();
    const call = client(ching);
    const created = (await call("POST", "/customers", { name: "Tal", phone: "+972501234567" })).json.data as Customer;
    expect((await call("GET", `/customers/${created.id}`)).json.data).toEqual(created);

    const patched = await call("POST", `/customers/${created.id}`, { email: "tal@example.com", metadata: { plan: "pro" } });
    expect(patched.json.data).toEqual({ ...created, email: "tal@example.com", metadata: { plan: "pro" } });

    const deleted = await call("DELETE", `/customers/${created.id}`);
    expect(deleted.json).toEqual({ success: true, data: { id: created.id, object: "customer", deleted: true } });
    expect((await call("DELETE", `/customers/${created.id}`)).status).toBe(200); // idempotent
    expect((await call("GET", `/customers/${created.id}`)).json.data).toEqual({ id: created.id, object: "customer", deleted: true });
    expect((await call("GET", "/customers")).json.data).toEqual([]);
    expect((await call("POST", `/customers/${created.id}`, { name: "Back" })).status).toBe(404);
  });

  it("refuses to delete a customer with an active subscription with 409", async () => {
    const ching = createMockChing();
    const tal = ching.seed({ name: "Tal" });
    ching.setActiveSubscription(tal.id);
    const { status, json } = await client(ching)("DELETE", `/customers/${tal.id}`);
    expect(status).toBe(409);
    expect(json.error?.code).toBe("CUSTOMER_HAS_ACTIVE_SUBSCRIPTION");
  });

  it("upserts: creates when nothing matches, updates the newest match otherwise", async () => {
    const call = client(createMockChing());
    const created = await call("POST", "/customers/upsert", { identifyBy: "email", email: "tal@example.com", name: "Tal" });
    expect(created.json.data).toMatchObject({ name: "Tal", email: "tal@example.com", action: "created" });
    const updated = await call("POST", "/customers/upsert", { identifyBy: "email", email: "TAL@example.com", phone: "+972501234567" });
    expect(updated.json.data).toMatchObject({ id: (created.json.data as Customer).id, name: "Tal", phone: "+972501234567", action: "updated" });
    const missing = await call("POST", "/customers/upsert", { identifyBy: "taxId", name: "No Tax Id" });
    expect(missing.status).toBe(400);
    expect(missing.json.error?.issues).toEqual([{ path: ["taxId"], message: expect.any(String) as unknown }]);
    const nameless = await call("POST", "/customers/upsert", { identifyBy: "phone", phone: "+972549876543" });
    expect(nameless.status).toBe(400);
  });

  it("answers 400 INVALID_FIELD with issues whose path is an array", async () => {
    const { status, json } = await client(createMockChing())("POST", "/customers", { email: "nope" });
    expect(status).toBe(400);
    expect(json.error?.code).toBe("INVALID_FIELD");
    expect(json.error?.issues?.map((i) => i.path)).toEqual([["name"], ["email"]]);
  });

  it("can answer the variants other material shows: 422, and issue paths as strings", async () => {
    const ching = createMockChing({ invalidFieldStatus: 422, issuePathStyle: "string" });
    const { status, json } = await client(ching)("POST", "/customers", { name: "X", metadata: { "": 1 } });
    expect(status).toBe(422);
    expect(json.error?.issues?.[0]?.path).toEqual(expect.any(String));
  });

  it("answers 401 for a missing or wrong key", async () => {
    const ching = createMockChing();
    const missing = await client(ching, BASE, null)("GET", "/customers");
    expect(missing.status).toBe(401);
    expect(missing.json.error?.code).toBe("NO_ACCESS");
    const wrong = await client(ching, BASE, `ck_test_${"1".repeat(64)}`)("GET", "/customers");
    expect(wrong.status).toBe(401);
    expect(wrong.json.error?.code).toBe("WRONG_CREDENTIALS");
  });

  it("answers 404 NOT_FOUND for an unknown customer and an unknown route", async () => {
    const call = client(createMockChing());
    expect((await call("GET", "/customers/cus_AAAAAAAAAAAA")).json.error?.code).toBe("NOT_FOUND");
    expect((await call("GET", "/invoices")).status).toBe(404);
  });

  it("answers 409 EMAIL_EXISTS for an email another customer has, whatever its case", async () => {
    const ching = createMockChing({ customers: [{ name: "Tal", email: "tal@example.com" }] });
    const call = client(ching);
    const { status, json } = await call("POST", "/customers", { name: "Other", email: "Tal@Example.com" });
    expect(status).toBe(409);
    expect(json.error).toMatchObject({ code: "EMAIL_EXISTS", issues: [{ path: ["email"] }] });
    const other = (await call("POST", "/customers", { name: "Other" })).json.data as Customer;
    expect((await call("POST", `/customers/${other.id}`, { email: "tal@example.com" })).status).toBe(409);
  });

  it("answers on the older /v1 base and on any origin, and takes a Request too", async () => {
    const ching = createMockChing();
    ching.seed({ name: "Tal" });
    expect((await client(ching, "https://api.ching.co.il/v1")("GET", "/customers")).status).toBe(200);
    const response = await ching.fetch(new Request("http://localhost:4010/customers", { headers: { authorization: `Bearer ${ching.apiKey}` } }));
    expect(response.status).toBe(200);
  });

  it("counts calls per route", async () => {
    const ching = createMockChing();
    const call = client(ching);
    await call("POST", "/customers", { name: "A" });
    await call("GET", "/customers");
    await call("GET", "/customers");
    expect(ching.callCount()).toBe(3);
    expect(ching.callCount("POST /customers")).toBe(1);
    expect(ching.callCount("GET /customers")).toBe(2);
    expect(ching.calls[0]).toEqual({ method: "POST", path: "/customers", route: "POST /customers", body: { name: "A" } });
    ching.resetCalls();
    expect(ching.callCount()).toBe(0);
    expect(ching.customers()).toHaveLength(1);
    ching.reset();
    expect(ching.customers()).toHaveLength(0);
  });
});

describe("createMockChing: fault injection", () => {
  it("adds latency to every answer", async () => {
    vi.useFakeTimers();
    const ching = createMockChing({ latencyMs: 1000 });
    let settled = false;
    const pending = client(ching)("GET", "/customers").then((answer) => {
      settled = true;
      return answer;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).status).toBe(200);
  });

  it("fails the given share of requests", async () => {
    const draws = [0.1, 0.9, 0.2, 0.8];
    const ching = createMockChing({ failureRate: 0.5, random: () => draws.shift() ?? 1 });
    const call = client(ching);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call("GET", "/customers")).status);
    expect(statuses).toEqual([500, 200, 500, 200]);
  });

  it("forces answers for a route, a number of times", async () => {
    const ching = createMockChing();
    const call = client(ching);
    ching.failWith({ status: 503, route: "GET /customers", times: 2 });
    expect((await call("POST", "/customers", { name: "A" })).status).toBe(200);
    expect((await call("GET", "/customers")).status).toBe(503);
    expect((await call("GET", "/customers")).json.error?.code).toBe("INTERNAL_ERROR");
    expect((await call("GET", "/customers")).status).toBe(200);
    ching.failWith({ status: 502, body: "<html>Bad gateway</html>" });
    const raw = await ching.fetch(`${BASE}/customers`, { headers: { authorization: `Bearer ${ching.apiKey}` } });
    expect(raw.status).toBe(502);
    expect(await raw.text()).toBe("<html>Bad gateway</html>");
    ching.clearFaults();
    expect((await call("GET", "/customers")).status).toBe(200);
  });

  it("hangs until the caller gives up", async () => {
    const ching = createMockChing();
    ching.hang();
    const controller = new AbortController();
    const pending = ching.fetch(`${BASE}/customers`, { headers: { authorization: `Bearer ${ching.apiKey}` }, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("drops the connection like a network failure", async () => {
    const ching = createMockChing();
    ching.dropConnection({ times: 1 });
    await expect(client(ching)("GET", "/customers")).rejects.toBeInstanceOf(TypeError);
    expect((await client(ching)("GET", "/customers")).status).toBe(200);
  });
});

describe("createMockChing().listen()", () => {
  it("serves the API over HTTP on 127.0.0.1", async () => {
    const ching = createMockChing();
    const server = await ching.listen(0);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.apiBase).toBe(`${server.url}/ching/v1`);
      const headers = { authorization: `Bearer ${ching.apiKey}`, "content-type": "application/json" };
      const created = await fetch(`${server.apiBase}/customers`, { method: "POST", headers, body: JSON.stringify({ name: "Over HTTP" }) });
      expect(created.status).toBe(200);
      const list = (await (await fetch(`${server.apiBase}/customers`, { headers })).json()) as Envelope;
      expect((list.data as Customer[]).map((c) => c.name)).toEqual(["Over HTTP"]);
      expect((await fetch(`${server.apiBase}/customers`)).status).toBe(401);
    } finally {
      await server.close();
    }
  });

  it("cuts the connection for a dropped request, and close() ends hung ones", async () => {
    const ching = createMockChing();
    const server = await ching.listen(0);
    const headers = { authorization: `Bearer ${ching.apiKey}` };
    ching.dropConnection({ times: 1 });
    await expect(fetch(`${server.apiBase}/customers`, { headers })).rejects.toBeInstanceOf(TypeError);
    ching.hang();
    const hung = fetch(`${server.apiBase}/customers`, { headers });
    await vi.waitFor(() => expect(ching.callCount()).toBe(2));
    await server.close();
    await expect(hung).rejects.toBeInstanceOf(TypeError);
  });
});
