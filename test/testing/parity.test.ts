/**
 * The mock merchant endpoint (`createMockBillingPortal`, MSW) against the real
 * one (`createBillingPortalHandler` in front of `createMockChing`): the same
 * requests must get the same answers, or a merchant's tests pass on the mock
 * and fail in production. The mock is that handler behind one MSW route, so
 * this is the guard that the mock adds nothing of its own. Each scenario runs
 * on both and compares the whole answer a browser sees: the status, the headers
 * that matter and the body (ids and dates numbered, as both make their own).
 */
import { getResponse } from "msw";
import { describe, expect, it } from "vitest";
import { createBillingPortalHandler } from "../../src/server";
import { createMockBillingPortal, createMockChing, MOCK_CHING_API_KEY, type CustomerSeed } from "../../src/testing";

const ENDPOINT = "https://shop.example/api/billing";
const OTHER = { id: "cus_Other0000001", name: "Dana Mizrahi", email: "dana@example.com" } satisfies CustomerSeed;

interface Seen {
  status: number;
  /** The headers a browser acts on. */
  headers: Record<string, string | null>;
  /** The whole body, ids and dates numbered by first appearance. */
  body: unknown;
  code?: string;
  /** The fields the issues name, sorted. */
  fields?: string[];
  /** What the browser would show of the customer(s). */
  data?: unknown;
}

interface SendInit {
  contentType?: string;
  /** A body that is not `JSON.stringify(body)`. */
  raw?: string;
  /** Declare the body's length, as a browser does (a Request made in Node does not). */
  contentLength?: boolean;
}

interface Endpoint {
  send(method: "GET" | "POST" | "DELETE" | "PUT" | "OPTIONS", path: string, body?: unknown, init?: SendInit): Promise<Seen>;
  signOut(): void;
}

interface Setup {
  /** Customers stored from the start (the signed-in person has none yet). */
  customers?: CustomerSeed[];
  /** Other customers and the list are allowed, as a back office's `authorize` would. */
  allowOthers?: boolean;
  /** The metadata keys a browser may set. */
  metadataKeys?: string[];
}

function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === "object") {
    const { id: _id, created: _created, ...rest } = value as Record<string, unknown>;
    return rest;
  }
  return value;
}

const HEADERS = ["content-type", "cache-control", "x-content-type-options", "allow", "access-control-allow-origin"];

/** The body with every id and timestamp replaced by its order of appearance, so two runs compare. */
function numbered(body: unknown): unknown {
  const seenValues = new Map<string, string>();
  return JSON.parse(JSON.stringify(body), (_key, value: unknown) => {
    if (typeof value !== "string" || !/^(cus_|\d{4}-\d\d-\d\dT)/.test(value)) return value;
    if (!seenValues.has(value)) seenValues.set(value, `<${value.startsWith("cus_") ? "id" : "date"} ${seenValues.size}>`);
    return seenValues.get(value);
  }) as unknown;
}

async function seen(response: Response | undefined): Promise<Seen> {
  if (!response) throw new Error("no handler answered");
  const headers = Object.fromEntries(HEADERS.map((name) => [name, response.headers.get(name)]));
  const text = await response.text();
  const body = (text ? JSON.parse(text) : undefined) as {
    success: boolean;
    data?: unknown;
    error?: { code: string; issues?: { path: string[] }[] };
  };
  const whole = { status: response.status, headers, body: body === undefined ? undefined : numbered(body) };
  if (!body) return whole;
  if (body.success) return { ...whole, data: withoutIds(body.data) };
  return {
    ...whole,
    code: body.error?.code,
    fields: (body.error?.issues ?? []).map((issue) => issue.path.join(".")).sort(),
  };
}

function request(method: string, path: string, body?: unknown, init: SendInit = {}): Request {
  if (method !== "POST" && method !== "PUT") return new Request(`${ENDPOINT}${path}`, { method });
  const text = init.raw ?? JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": init.contentType ?? "application/json", origin: "https://shop.example" };
  if (init.contentLength) headers["content-length"] = String(new TextEncoder().encode(text).byteLength);
  return new Request(`${ENDPOINT}${path}`, { method, headers, body: text });
}

function mockEndpoint(setup: Setup): Endpoint {
  const portal = createMockBillingPortal({ endpoint: ENDPOINT, customers: setup.customers, allowOthers: setup.allowOthers, metadataKeys: setup.metadataKeys });
  return {
    send: async (method, path, body, init) => seen(await getResponse(portal.handlers, request(method, path, body, init))),
    signOut: () => portal.signOut(),
  };
}

function realEndpoint(setup: Setup): Endpoint {
  const ching = createMockChing({ customers: setup.customers });
  let customerId: string | null | false = null;
  const handler = createBillingPortalHandler({
    apiKey: MOCK_CHING_API_KEY,
    fetch: (input, init) => ching.fetch(input, init),
    basePath: "/api/billing",
    identify: () => (customerId === false ? null : { userId: "user_1", customerId }),
    onCustomerCreated: (customer) => {
      customerId = customer.id;
    },
    authorize: () => setup.allowOthers ?? false,
    metadataKeys: setup.metadataKeys,
    onError: () => {},
  });
  return {
    send: async (method, path, body, init) => seen(await handler(request(method, path, body, init))),
    signOut: () => {
      customerId = false;
    },
  };
}

/** Runs the same steps on both endpoints and compares every answer. */
async function bothSee(setup: Setup, steps: (endpoint: Endpoint) => Promise<Seen[]>): Promise<Seen[]> {
  const mocked = await steps(mockEndpoint(setup));
  const real = await steps(realEndpoint(setup));
  expect(mocked).toEqual(real);
  return real;
}

const TAL = { name: "Tal Levi", email: "tal@example.com", phone: "+972501234567", locale: "he" };

describe("createMockBillingPortal answers as createBillingPortalHandler does", () => {
  it("for a person with no customer, who creates one, creates again, reads and updates it", async () => {
    const answers = await bothSee({}, async (endpoint) => [
      await endpoint.send("GET", "/customers/me"),
      await endpoint.send("POST", "/customers/me", { name: "Tal" }),
      await endpoint.send("POST", "/customers", TAL),
      await endpoint.send("POST", "/customers", { name: "Someone else" }),
      await endpoint.send("GET", "/customers/me"),
      await endpoint.send("POST", "/customers/me", { taxId: "515151515" }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 404, 200, 200, 200, 200]);
    expect(answers[0]?.body).toEqual({ success: true, data: null });
    expect(answers[5]?.data).toMatchObject({ ...TAL, taxId: "515151515" });
  });

  it("for bad input: the same fields are refused with the same code", async () => {
    const answers = await bothSee({}, async (endpoint) => [
      await endpoint.send("POST", "/customers", { name: " ", email: "not-an-email", phone: "0501234567" }),
      await endpoint.send("POST", "/customers", { email: "tal@example.com" }),
      await endpoint.send("POST", "/customers", { name: "Tal", locale: "fr", metadata: { "": "x" } }),
      await endpoint.send("POST", "/customers", undefined, { raw: "{not json" }),
      await endpoint.send("POST", "/customers", undefined, { raw: "name=Tal", contentType: "application/x-www-form-urlencoded" }),
      await endpoint.send("POST", "/customers", TAL),
      await endpoint.send("POST", "/customers/me", { email: "tal@", taxId: "" }),
    ]);
    expect(answers.map((answer) => answer.code)).toEqual([
      "INVALID_FIELD",
      "INVALID_FIELD",
      "INVALID_FIELD",
      "INVALID_JSON",
      "UNSUPPORTED_MEDIA_TYPE",
      undefined,
      "INVALID_FIELD",
    ]);
    expect(answers[0]?.fields).toEqual(["email", "name", "phone"]);
  });

  it("for metadata: only the keys the merchant allows are kept", async () => {
    const metadata = { plan: "pro", role: "admin" };
    const dropped = await bothSee({}, async (endpoint) => [await endpoint.send("POST", "/customers", { name: "Tal", metadata })]);
    expect(dropped[0]?.data).toMatchObject({ metadata: {} });
    const kept = await bothSee({ metadataKeys: ["plan"] }, async (endpoint) => [
      await endpoint.send("POST", "/customers", { name: "Tal", metadata }),
      await endpoint.send("POST", "/customers/me", { metadata: { plan: "x".repeat(501), role: "owner" } }),
    ]);
    expect(kept[0]?.data).toMatchObject({ metadata: { plan: "pro" } });
    expect(kept[1]).toMatchObject({ code: "INVALID_FIELD", fields: ["metadata.plan"] });
  });

  it("for an email another customer has", async () => {
    const answers = await bothSee({ customers: [OTHER] }, async (endpoint) => [
      await endpoint.send("POST", "/customers", { name: "Tal", email: OTHER.email }),
      await endpoint.send("POST", "/customers", { name: "Tal", email: "tal@example.com" }),
      await endpoint.send("POST", "/customers/me", { email: OTHER.email }),
    ]);
    expect(answers.map((answer) => answer.code)).toEqual(["EMAIL_EXISTS", undefined, "EMAIL_EXISTS"]);
  });

  it("for other customers and the list, denied and allowed", async () => {
    const steps = async (endpoint: Endpoint) => [
      await endpoint.send("GET", `/customers/${OTHER.id}`),
      await endpoint.send("POST", `/customers/${OTHER.id}`, { name: "Dana M." }),
      await endpoint.send("GET", "/customers"),
      await endpoint.send("GET", "/customers/not-an-id"),
      await endpoint.send("GET", "/customers/cus_Missing00001"),
    ];
    const denied = await bothSee({ customers: [OTHER] }, steps);
    expect(denied.map((answer) => answer.status)).toEqual([404, 404, 403, 400, 404]);
    const allowed = await bothSee({ customers: [OTHER], allowOthers: true }, steps);
    expect(allowed.map((answer) => answer.status)).toEqual([200, 200, 200, 400, 404]);
  });

  it("for nobody signed in: the id, the content type and the size are checked first", async () => {
    const answers = await bothSee({}, async (endpoint) => {
      endpoint.signOut();
      return [
        await endpoint.send("GET", "/customers/me"),
        await endpoint.send("POST", "/customers", TAL),
        await endpoint.send("GET", "/customers/not-an-id"),
        await endpoint.send("POST", "/customers", undefined, { raw: "Tal", contentType: "text/plain" }),
        await endpoint.send("POST", "/customers", { name: "x".repeat(17 * 1024) }, { contentLength: true }),
      ];
    });
    expect(answers.map((answer) => answer.code)).toEqual([
      "UNAUTHENTICATED",
      "UNAUTHENTICATED",
      "INVALID_ID",
      "UNSUPPORTED_MEDIA_TYPE",
      "PAYLOAD_TOO_LARGE",
    ]);
  });

  it("for any JSON media type, and a body over 16 KiB", async () => {
    const answers = await bothSee({}, async (endpoint) => [
      await endpoint.send("POST", "/customers", { name: "x".repeat(17 * 1024) }),
      await endpoint.send("POST", "/customers", undefined, {
        raw: JSON.stringify(TAL),
        contentType: "application/vnd.api+json; charset=utf-8",
      }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([413, 200]);
  });

  it("for other methods, unknown paths and a malformed id escape", async () => {
    const answers = await bothSee({}, async (endpoint) => [
      await endpoint.send("DELETE", "/customers/me"),
      await endpoint.send("PUT", "/customers", TAL),
      await endpoint.send("OPTIONS", "/customers"),
      await endpoint.send("GET", "/customers/me/nothing-here"),
      await endpoint.send("GET", "/invoices"),
      await endpoint.send("GET", "/customers/%E0%A4%A"),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([405, 405, 204, 404, 404, 400]);
    expect(answers[0]?.headers.allow).toBe("GET, POST");
  });
});
