import { delay, http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createEndpointClient } from "../../src/core/endpointClient";
import { BillingPortalError } from "../../src/core/error";
import { DOCS_CUSTOMER as customer } from "../fixtures";

const endpoint = "https://shop.example/api/billing";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function failure(promise: Promise<unknown>): Promise<BillingPortalError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BillingPortalError);
  return error as BillingPortalError;
}

describe("createEndpointClient", () => {
  it("refuses to be made without an endpoint", () => {
    expect(() => createEndpointClient({ endpoint: "" })).toThrow("`endpoint` is required");
  });

  it("gets the signed-in customer from the envelope's data", async () => {
    server.use(http.get(`${endpoint}/customers/me`, () => HttpResponse.json({ success: true, data: customer })));
    await expect(createEndpointClient({ endpoint }).getMe()).resolves.toEqual(customer);
  });

  it("answers null for a signed-in person without a customer (200, data null)", async () => {
    server.use(http.get(`${endpoint}/customers/me`, () => HttpResponse.json({ success: true, data: null })));
    await expect(createEndpointClient({ endpoint }).getMe()).resolves.toBeNull();
  });

  it("fails on a 404 for /customers/me: a missing route is not 'no customer'", async () => {
    server.use(
      http.get(`${endpoint}/customers/me`, () =>
        HttpResponse.json({ success: false, error: { status: 404, code: "NOT_FOUND", message: "No such route" } }, { status: 404 }),
      ),
    );
    await expect(createEndpointClient({ endpoint }).getMe()).rejects.toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("speaks each request of the protocol with JSON bodies", async () => {
    const seen: string[] = [];
    server.use(
      http.all(`${endpoint}/*`, async ({ request }) => {
        const url = new URL(request.url);
        const body = request.method === "POST" ? await request.json() : undefined;
        seen.push(`${request.method} ${url.pathname} ${request.headers.get("content-type") ?? "-"} ${JSON.stringify(body) ?? ""}`);
        return HttpResponse.json({ success: true, data: url.pathname === "/api/billing/customers" && request.method === "GET" ? [customer] : customer });
      }),
    );
    const client = createEndpointClient({ endpoint: `${endpoint}/` });
    await client.getCustomer("cus_V8ltq1pK_MWH");
    await expect(client.listCustomers()).resolves.toEqual([customer]);
    await client.createCustomer({ name: "Tal" });
    await client.updateMe({ phone: "+972501234567" });
    await client.updateCustomer("cus_V8ltq1pK_MWH", { locale: "en" });
    expect(seen).toEqual([
      "GET /api/billing/customers/cus_V8ltq1pK_MWH - ",
      "GET /api/billing/customers - ",
      'POST /api/billing/customers application/json {"name":"Tal"}',
      'POST /api/billing/customers/me application/json {"phone":"+972501234567"}',
      'POST /api/billing/customers/cus_V8ltq1pK_MWH application/json {"locale":"en"}',
    ]);
  });

  it("encodes ids into the path, so an id cannot walk to another route", async () => {
    let path = "";
    server.use(
      http.get(`${endpoint}/*`, ({ request }) => {
        path = new URL(request.url).pathname;
        return HttpResponse.json({ success: true, data: customer });
      }),
    );
    await createEndpointClient({ endpoint }).getCustomer("../../admin?x=1");
    expect(path).toBe("/api/billing/customers/..%2F..%2Fadmin%3Fx%3D1");
  });

  it("sends the headers it is given, from an object or an async function, with the credentials", async () => {
    const fetchSpy = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => HttpResponse.json({ success: true, data: customer }));
    const client = createEndpointClient({
      endpoint,
      fetch: fetchSpy,
      credentials: "include",
      headers: async () => ({ Authorization: "Bearer session-token" }),
    });
    await client.getMe();
    const init = fetchSpy.mock.calls[0]?.[1];
    expect(new Headers(init?.headers).get("authorization")).toBe("Bearer session-token");
    expect(new Headers(init?.headers).get("accept")).toBe("application/json");
    expect(init?.credentials).toBe("include");

    const plain = createEndpointClient({ endpoint, fetch: fetchSpy, headers: { "X-Tenant": "shop-1" } });
    await plain.getMe();
    expect(new Headers(fetchSpy.mock.calls[1]?.[1]?.headers).get("x-tenant")).toBe("shop-1");
    // Left unset, fetch sends cookies to the same origin only.
    expect(new Request(endpoint, fetchSpy.mock.calls[1]?.[1]).credentials).toBe("same-origin");
  });

  it("turns an error envelope into a BillingPortalError with its issues", async () => {
    server.use(
      http.post(`${endpoint}/customers`, () =>
        HttpResponse.json(
          { success: false, error: { status: 400, code: "INVALID_FIELD", message: "Invalid", issues: [{ path: "email", message: "bad" }] } },
          { status: 400 },
        ),
      ),
    );
    const error = await failure(createEndpointClient({ endpoint }).createCustomer({ name: "Tal", email: "x" }));
    expect(error).toMatchObject({ status: 400, code: "INVALID_FIELD", issues: [{ path: ["email"], message: "bad" }] });
  });

  it("reports an HTML error page as INVALID_RESPONSE", async () => {
    server.use(http.get(`${endpoint}/customers/me`, () => new HttpResponse("<h1>Bad gateway</h1>", { status: 502, headers: { "Content-Type": "text/html" } })));
    expect(await failure(createEndpointClient({ endpoint }).getMe())).toMatchObject({ status: 502, code: "INVALID_RESPONSE" });
  });

  it("reports a network failure as NETWORK_ERROR", async () => {
    server.use(http.get(`${endpoint}/customers/me`, () => HttpResponse.error()));
    expect(await failure(createEndpointClient({ endpoint }).getMe())).toMatchObject({ status: 0, code: "NETWORK_ERROR" });
  });

  it("gives up after its timeout with TIMEOUT", async () => {
    server.use(http.get(`${endpoint}/customers/me`, async () => {
      await delay("infinite");
      return HttpResponse.json({});
    }));
    expect(await failure(createEndpointClient({ endpoint, timeoutMs: 20 }).getMe())).toMatchObject({ status: 0, code: "TIMEOUT" });
  });

  it("lets a caller's abort stay an abort, not a network error", async () => {
    server.use(http.get(`${endpoint}/customers/me`, async () => {
      await delay("infinite");
      return HttpResponse.json({});
    }));
    const controller = new AbortController();
    const pending = createEndpointClient({ endpoint }).getMe({ signal: controller.signal });
    controller.abort();
    const reason = await pending.catch((error: unknown) => error);
    expect(reason).not.toBeInstanceOf(BillingPortalError);
    expect((reason as Error).name).toBe("AbortError");
  });
});
