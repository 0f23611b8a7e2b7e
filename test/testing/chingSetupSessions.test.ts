import { describe, expect, it } from "vitest";
import { setupSessionSchema, type SetupSession } from "../../src/core/billing";
import { createMockChing, type MockChingOptions } from "../../src/testing";
import { TAL } from "../fixtures";
import { chingClient, idOf } from "./chingClient";

const START = new Date("2026-06-01T08:00:00.000Z");
const HOUR = 60 * 60 * 1000;
const urls = { success_url: "https://shop.example/billing?ching_setup=success", cancel_url: "https://shop.example/billing?ching_setup=cancel" };

/** A mock on a clock the test moves. */
function clocked(options: MockChingOptions = {}) {
  let now = START.getTime();
  const ching = createMockChing({ customers: [TAL], now: () => new Date(now), ...options });
  return { ching, call: chingClient(ching), advance: (ms: number) => void (now += ms) };
}

describe("mock Ching: setup sessions", () => {
  it("creates a pending session for 24 hours whose url is the mock's hosted add-card page", async () => {
    const { call } = clocked();
    const { status, json } = await call<SetupSession>("POST", "/setup_sessions", { customer: TAL.id, ...urls, metadata: { plan: "pro" } });
    expect(status).toBe(200);
    expect(json.data).toEqual({
      id: expect.stringMatching(idOf("seti_")) as unknown,
      object: "setup_session",
      customer: TAL.id,
      status: "pending",
      url: `https://hosted.ching.test/hosted/setup/${json.data.id}`,
      ...urls,
      metadata: { plan: "pro" },
      livemode: false,
      expires_at: "2026-06-02T08:00:00.000Z",
      created: "2026-06-01T08:00:00.000Z",
      payment_method: null,
    });
    expect(setupSessionSchema.safeParse(json.data).success).toBe(true);
  });

  it("builds the url on the hostedBase option", async () => {
    const { call } = clocked({ hostedBase: "https://pages.example/ching/" });
    const { json } = await call<SetupSession>("POST", "/setup_sessions", { customer: TAL.id, ...urls });
    expect(json.data.url).toBe(`https://pages.example/ching/hosted/setup/${json.data.id}`);
    expect(json.data.metadata).toEqual({});
  });

  it("answers 400 INVALID_FIELD naming each missing field, and 404 for an unknown customer", async () => {
    const { call, ching } = clocked();
    const missing = await call("POST", "/setup_sessions", {});
    expect(missing.status).toBe(400);
    expect(missing.json.error?.code).toBe("INVALID_FIELD");
    expect(missing.json.error?.issues?.map((i) => i.path)).toEqual([["customer"], ["success_url"], ["cancel_url"]]);
    const notUrl = await call("POST", "/setup_sessions", { customer: TAL.id, success_url: "/billing", cancel_url: "javascript:alert(1)" });
    expect(notUrl.json.error?.issues?.map((i) => i.path)).toEqual([["success_url"], ["cancel_url"]]);
    expect((await call("POST", "/setup_sessions", { customer: "cus_AAAAAAAAAAAA", ...urls })).json.error?.code).toBe("NOT_FOUND");
    expect(ching.setupSessions()).toEqual([]);
  });

  it("retrieves a session, and answers 404 for an unknown one", async () => {
    const { call } = clocked();
    const created = (await call<SetupSession>("POST", "/setup_sessions", { customer: TAL.id, ...urls })).json.data;
    expect((await call("GET", `/setup_sessions/${created.id}`)).json.data).toEqual(created);
    expect((await call("GET", "/setup_sessions/seti_AAAAAAAAAAAA")).json.error?.code).toBe("NOT_FOUND");
  });

  it("answers expired for a pending session past expires_at, and then it can be neither completed nor canceled", async () => {
    const { call, ching, advance } = clocked();
    const { id } = (await call<SetupSession>("POST", "/setup_sessions", { customer: TAL.id, ...urls })).json.data;
    advance(24 * HOUR - 1);
    expect((await call<SetupSession>("GET", `/setup_sessions/${id}`)).json.data.status).toBe("pending");
    advance(1);
    expect((await call<SetupSession>("GET", `/setup_sessions/${id}`)).json.data.status).toBe("expired");
    expect(() => ching.completeSetupSession(id)).toThrow(/expired/);
    const cancel = await call("POST", `/setup_sessions/${id}/cancel`);
    expect(cancel.status).toBe(422);
    expect(ching.paymentMethods(TAL.id)).toEqual([]);
  });

  it("cancels a pending session; canceling again answers it as it is", async () => {
    const { call, ching } = clocked();
    const { id } = (await call<SetupSession>("POST", "/setup_sessions", { customer: TAL.id, ...urls })).json.data;
    const canceled = await call<SetupSession>("POST", `/setup_sessions/${id}/cancel`);
    expect(canceled.status).toBe(200);
    expect(canceled.json.data.status).toBe("canceled");
    expect((await call<SetupSession>("POST", `/setup_sessions/${id}/cancel`)).json.data.status).toBe("canceled");
    expect((await call("POST", "/setup_sessions/seti_AAAAAAAAAAAA/cancel")).status).toBe(404);
    expect(() => ching.completeSetupSession(id)).toThrow(/canceled/);
  });

  it("completes a session with a test card: the card is saved, named on the session, and is the first card's default", async () => {
    const { call, ching } = clocked();
    const { id } = (await call<SetupSession>("POST", "/setup_sessions", { customer: TAL.id, ...urls })).json.data;
    const done = ching.completeSetupSession(id, { cardIndex: 1 });
    expect(done.status).toBe("succeeded");
    const [card] = ching.paymentMethods(TAL.id);
    expect(card).toMatchObject({ id: done.payment_method, is_default: true, card: { brand: "mastercard", last4: "5555" } });
    expect((await call<SetupSession>("GET", `/setup_sessions/${id}`)).json.data).toMatchObject({ status: "succeeded", payment_method: card?.id });
    expect((await call("POST", `/setup_sessions/${id}/cancel`)).json.error?.code).toBe("SETUP_SESSION_NOT_CANCELABLE");
  });

  it("can fail a session (no card saved) or leave it waiting for an action, then complete it", async () => {
    const { call, ching } = clocked();
    const first = (await call<SetupSession>("POST", "/setup_sessions", { customer: TAL.id, ...urls })).json.data;
    expect(ching.completeSetupSession(first.id, { outcome: "failed" }).status).toBe("failed");
    expect(ching.paymentMethods(TAL.id)).toEqual([]);

    const second = (await call<SetupSession>("POST", "/setup_sessions", { customer: TAL.id, ...urls })).json.data;
    expect(ching.completeSetupSession(second.id, { outcome: "requires_action" }).status).toBe("requires_action");
    expect(ching.completeSetupSession(second.id).status).toBe("succeeded");
    expect(ching.paymentMethods(TAL.id)).toHaveLength(1);
    expect(ching.setupSessions().map((s) => s.status).sort()).toEqual(["failed", "succeeded"]);
    expect(() => ching.completeSetupSession("seti_AAAAAAAAAAAA")).toThrow(/no setup session/);
  });
});
