import { describe, expect, it } from "vitest";
import { portalSessionSchema, type PortalSession } from "../../src/core/billing";
import { createMockChing } from "../../src/testing";
import { TAL } from "../fixtures";
import { chingClient } from "./chingClient";

const NOW = new Date("2026-06-01T08:00:00.000Z");

describe("mock Ching: billing portal sessions", () => {
  it("answers { url, expires_at, return_url } and nothing else: a 30-minute link to the mock's portal page", async () => {
    const ching = createMockChing({ customers: [TAL], now: () => NOW });
    const { status, json } = await chingClient(ching)<PortalSession>("POST", "/billing_portal_sessions", { customer: TAL.id, return_url: "https://shop.example/billing" });
    expect(status).toBe(200);
    expect(Object.keys(json.data).sort()).toEqual(["expires_at", "return_url", "url"]);
    expect(json.data).toEqual({
      url: expect.stringMatching(/^https:\/\/hosted\.ching\.test\/hosted\/portal\/bps_[A-Za-z0-9_-]{12}$/) as unknown,
      expires_at: "2026-06-01T08:30:00.000Z",
      return_url: "https://shop.example/billing",
    });
    expect(portalSessionSchema.safeParse(json.data).success).toBe(true);
    expect(ching.portalSessions()).toEqual([{ ...json.data, id: expect.any(String) as unknown, customer: TAL.id, created: NOW.toISOString() }]);
  });

  it("makes a fresh session on every call, and takes no return_url as null", async () => {
    const ching = createMockChing({ customers: [TAL] });
    const call = chingClient(ching);
    const first = (await call<PortalSession>("POST", "/billing_portal_sessions", { customer: TAL.id })).json.data;
    const second = (await call<PortalSession>("POST", "/billing_portal_sessions", { customer: TAL.id })).json.data;
    expect(first.url).not.toBe(second.url);
    expect(first.return_url).toBeNull();
    expect(ching.portalSessions()).toHaveLength(2);
  });

  it("answers 400 without a customer or with a return_url that is not http(s), and 404 for an unknown customer", async () => {
    const ching = createMockChing({ customers: [TAL] });
    const call = chingClient(ching);
    const missing = await call("POST", "/billing_portal_sessions", { return_url: "https://shop.example" });
    expect(missing.status).toBe(400);
    expect(missing.json.error?.issues?.map((i) => i.path)).toEqual([["customer"]]);
    const bad = await call("POST", "/billing_portal_sessions", { customer: TAL.id, return_url: "javascript:alert(1)" });
    expect(bad.json.error?.issues?.map((i) => i.path)).toEqual([["return_url"]]);
    expect((await call("POST", "/billing_portal_sessions", { customer: "cus_AAAAAAAAAAAA" })).status).toBe(404);
    expect(ching.portalSessions()).toEqual([]);
  });
});
