/**
 * The second wave's routes through the real handler in front of the in-memory
 * Ching, in-process and over HTTP: cards, setup sessions, charges, documents
 * and portal sessions, each only ever about the signed-in person's own customer.
 */
import { describe, expect, it } from "vitest";
import type { Charge, PaymentMethod } from "../../src/core/billing";
import { harnessPerTest, transports, type Harness } from "./harness";

const VISA = { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 };
const MASTERCARD = { brand: "mastercard", last4: "5555", exp_month: 8, exp_year: 2031 };

describe.each(transports)("billing routes (%s)", (transport) => {
  const setup = harnessPerTest(transport);

  /** alice with a customer and two cards (Mastercard the default, made first); bob with his own. */
  async function withCards(options: Parameters<typeof setup>[0] = {}) {
    const h = await setup(options);
    const alice = h.ching.seed({ name: "Alice", email: "alice@example.com" });
    const bob = h.ching.seed({ name: "Bob", email: "bob@example.com" });
    h.users.set("alice", alice.id);
    h.users.set("bob", bob.id);
    const master = h.ching.seedPaymentMethod({ customer: alice.id, card: MASTERCARD, created: "2026-01-01T00:00:00.000Z" });
    const visa = h.ching.seedPaymentMethod({ customer: alice.id, card: VISA, created: "2026-02-01T00:00:00.000Z" });
    const bobs = h.ching.seedPaymentMethod({ customer: bob.id, card: VISA });
    h.ching.resetCalls();
    return { ...h, alice, bob, master, visa, bobs };
  }

  const ids = (data: unknown) => (data as { id: string }[]).map((item) => item.id);

  describe("GET /customers/me/payment_methods", () => {
    it("answers 502 when Ching's list holds a card that is not one (a full card number), and passes nothing of it on", async () => {
      const { call, ching, master } = await withCards();
      const card = { ...master, card: { ...master.card, last4: "5555555555554444" } };
      ching.failWith({ status: 200, body: JSON.stringify({ success: true, data: [card] }), times: 1 });
      const answer = await call("/customers/me/payment_methods");
      expect(answer.json.error).toMatchObject({ status: 502, code: "UPSTREAM_INVALID_RESPONSE" });
      expect(JSON.stringify(answer.json)).not.toContain("5555555555554444");
    });

    it("answers the person's own active cards, the default first, then newest", async () => {
      const { call, master, visa } = await withCards();
      const answer = await call("/customers/me/payment_methods");
      expect(answer.status).toBe(200);
      expect(ids(answer.json.data)).toEqual([master.id, visa.id]);
      expect((answer.json.data as PaymentMethod[])[0]).toMatchObject({ is_default: true, card: { last4: "5555" } });
    });

    it("answers no cards and no charges (200, []) while the person has no customer yet, without asking Ching", async () => {
      const { call, ching } = await setup();
      for (const path of ["/customers/me/payment_methods", "/customers/me/charges"]) {
        const answer = await call(path);
        expect(answer.status, path).toBe(200);
        expect(answer.json, path).toEqual({ success: true, data: [] });
      }
      expect((await call("/customers/me/setup_sessions", { body: {} })).status).toBe(404);
      expect(ching.callCount()).toBe(0);
    });
  });

  describe("POST /customers/me/payment_methods/:id/detach", () => {
    it("detaches the person's own card once, and it leaves their list", async () => {
      const { call, ching, visa, alice } = await withCards();
      const answer = await call(`/customers/me/payment_methods/${visa.id}/detach`, { body: {} });
      expect(answer.status).toBe(200);
      expect(answer.json.data).toMatchObject({ id: visa.id });
      expect(ching.callCount("POST /payment_methods/:id/detach")).toBe(1);
      expect(ching.paymentMethods(alice.id).map((card) => card.id)).not.toContain(visa.id);
    });

    it("answers someone else's card exactly as a missing one, and never detaches it", async () => {
      const { call, ching, bobs } = await withCards();
      const theirs = await call(`/customers/me/payment_methods/${bobs.id}/detach`, { body: {} });
      const missing = await call("/customers/me/payment_methods/pm_Missing000001/detach", { body: {} });
      expect(theirs.status).toBe(404);
      expect(theirs.json).toEqual(missing.json);
      expect(ching.callCount("POST /payment_methods/:id/detach")).toBe(0);
    });

    it("refuses an id that is not a card's, and a method other than POST", async () => {
      const { call } = await withCards();
      expect((await call("/customers/me/payment_methods/cus_V8ltq1pK_MWH/detach", { body: {} })).json.error).toMatchObject({
        status: 400,
        code: "INVALID_ID",
      });
      const get = await call("/customers/me/payment_methods/pm_WMc9X22NT1af/detach");
      expect(get.status).toBe(405);
      expect(get.headers.get("allow")).toBe("POST");
    });

    it("never retries a detach, and passes Ching's refusal on", async () => {
      const { call, ching, visa } = await withCards();
      ching.failWith({ status: 503, route: "POST /payment_methods/:id/detach", times: 1 });
      expect((await call(`/customers/me/payment_methods/${visa.id}/detach`, { body: {} })).status).toBe(503);
      expect(ching.callCount("POST /payment_methods/:id/detach")).toBe(1);
      ching.failWith({ status: 409, code: "PAYMENT_METHOD_IN_USE", message: "The card pays an active subscription", times: 1 });
      const inUse = await call(`/customers/me/payment_methods/${visa.id}/detach`, { body: {} });
      expect(inUse.json.error).toMatchObject({ status: 409, code: "PAYMENT_METHOD_IN_USE" });
    });

    it("is refused when the merchant turned removal off", async () => {
      const { call, ching, visa } = await withCards({ handler: { allowRemovePaymentMethods: false } });
      expect((await call(`/customers/me/payment_methods/${visa.id}/detach`, { body: {} })).json.error).toMatchObject({ status: 403, code: "FORBIDDEN" });
      expect(ching.callCount()).toBe(0);
    });
  });

  describe("setup sessions: the hosted add-card page", () => {
    it("builds the success and cancel URLs on the site from returnUrl, and answers the page to go to", async () => {
      const { call, ching, alice, url } = await withCards();
      const origin = new URL(url("/")).origin;
      const answer = await call("/customers/me/setup_sessions", { body: { returnUrl: "/account/billing?tab=cards" } });
      expect(answer.status).toBe(200);
      const data = answer.json.data as { id: string; url: string; expires_at: string };
      expect(data.id).toMatch(/^seti_/);
      expect(Object.keys(data).sort()).toEqual(["expires_at", "id", "url"]);
      const session = ching.setupSessions()[0]!;
      expect(session.customer).toBe(alice.id);
      expect(session.success_url).toBe(`${origin}/account/billing?tab=cards&ching_setup=success`);
      expect(session.cancel_url).toBe(`${origin}/account/billing?tab=cards&ching_setup=cancel`);
    });

    it("never sends the person to another site", async () => {
      const { call, ching } = await withCards({ handler: { allowedOrigins: ["https://admin.shop.example"] } });
      for (const returnUrl of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", 42, ""]) {
        const answer = await call("/customers/me/setup_sessions", { body: { returnUrl }, headers: { origin: "https://admin.shop.example" } });
        expect(answer.json.error, String(returnUrl)).toMatchObject({ status: 400, code: "INVALID_FIELD", issues: [{ path: ["returnUrl"] }] });
      }
      expect(ching.callCount("POST /setup_sessions")).toBe(0);
      const allowed = await call("/customers/me/setup_sessions", { body: { returnUrl: "https://admin.shop.example/billing" } });
      expect(allowed.status).toBe(200);
    });

    it("answers a session's status only to the customer it belongs to", async () => {
      const { call, ching } = await withCards();
      const created = await call("/customers/me/setup_sessions", { body: {} });
      const { id } = created.json.data as { id: string };
      expect((await call(`/customers/me/setup_sessions/${id}`)).json.data).toEqual({ id, status: "pending", payment_method: null });
      ching.completeSetupSession(id, { cardIndex: 2 });
      const done = (await call(`/customers/me/setup_sessions/${id}`)).json.data as { status: string; payment_method: string };
      expect(done.status).toBe("succeeded");
      expect(done.payment_method).toMatch(/^pm_/);
      const asBob = await call(`/customers/me/setup_sessions/${id}`, { user: "bob" });
      const missing = await call("/customers/me/setup_sessions/seti_Missing000001");
      expect(asBob.status).toBe(404);
      expect(asBob.json).toEqual(missing.json);
    });
  });

  describe("charges and documents", () => {
    async function withCharges() {
      const h = await withCards();
      const paid = h.ching.seedCharge({ customer: h.alice.id, amount: 12_900, description: "Pro plan" });
      const failed = h.ching.seedCharge({ customer: h.alice.id, amount: 4_900, status: "failed" });
      const bobsCharge = h.ching.seedCharge({ customer: h.bob.id, amount: 100 });
      h.ching.resetCalls();
      return { ...h, paid, failed, bobsCharge };
    }

    it("answers only the person's own charges, newest first", async () => {
      const { call, paid, failed, bobsCharge } = await withCharges();
      const answer = await call("/customers/me/charges");
      expect(answer.status).toBe(200);
      expect(ids(answer.json.data)).toEqual([failed.id, paid.id]);
      expect(ids(answer.json.data)).not.toContain(bobsCharge.id);
      expect((answer.json.data as Charge[])[1]).toMatchObject({ amount: 12_900, currency: "ils", document: paid.document });
    });

    it("answers a document only when one of the person's charges names it", async () => {
      const { call, paid, bobsCharge } = await withCharges();
      const mine = await call(`/customers/me/documents/${paid.document}`);
      expect(mine.status).toBe(200);
      expect(mine.json.data).toMatchObject({ id: paid.document, object: "document" });
      const theirs = await call(`/customers/me/documents/${bobsCharge.document}`);
      const missing = await call("/customers/me/documents/doc_Missing000001");
      expect(theirs.status).toBe(404);
      expect(theirs.json).toEqual(missing.json);
    });

    it("checks a page of receipts against the charges just listed, and a newer receipt against a fresh list", async () => {
      const { call, ching, paid, alice, bobsCharge } = await withCharges();
      await call("/customers/me/charges");
      expect(ching.callCount("GET /charges")).toBe(1);
      expect((await call(`/customers/me/documents/${paid.document}`)).status).toBe(200);
      expect((await call(`/customers/me/documents/${paid.document}/pdf`)).status).toBe(302);
      // Ching was asked for the documents, not for the charges again.
      expect(ching.callCount("GET /charges")).toBe(1);
      // A charge made since the list: its receipt is found, not refused as unknown.
      const newer = ching.seedCharge({ customer: alice.id, amount: 2_000 });
      expect((await call(`/customers/me/documents/${newer.document}`)).status).toBe(200);
      expect(ching.callCount("GET /charges")).toBe(2);
      // Someone else's stays a 404, each time checked against the person's own charges.
      expect((await call(`/customers/me/documents/${bobsCharge.document}`)).status).toBe(404);
      expect(ching.callCount("GET /charges")).toBe(3);
    });

    describe("GET /customers/me/documents?ids=…", () => {
      /** alice with four charges of her own (three with a receipt). */
      async function withPage() {
        const h = await withCharges();
        const more = [2_000, 3_000].map((amount) => h.ching.seedCharge({ customer: h.alice.id, amount }));
        h.ching.resetCalls();
        return { ...h, more };
      }
      const documentCalls = (ching: Harness["ching"]) => ching.calls.filter((c) => c.route === "GET /documents/:id").map((c) => c.path);

      it("answers the person's own documents in one request, in the order asked, duplicates once, with one charges list", async () => {
        const { call, ching, paid, more } = await withPage();
        const asked = [more[1]!.document!, paid.document!, more[0]!.document!, paid.document!];
        const answer = await call(`/customers/me/documents?ids=${asked.join(",")}`);
        expect(answer.status).toBe(200);
        expect(ids(answer.json.data)).toEqual([more[1]!.document, paid.document, more[0]!.document]);
        expect((answer.json.data as { object: string }[]).every((document) => document.object === "document")).toBe(true);
        expect(ching.callCount("GET /charges")).toBe(1);
        expect(documentCalls(ching)).toHaveLength(3);
        // Right after the charges were listed, no list at all: the minute's memory vouches for them.
        await call("/customers/me/charges");
        ching.resetCalls();
        expect(ids((await call(`/customers/me/documents?ids=${asked.join(",")}`)).json.data)).toHaveLength(3);
        expect(ching.callCount("GET /charges")).toBe(0);
      });

      it("leaves out someone else's documents and missing ones alike, and never asks Ching for another's", async () => {
        const { call, ching, paid, bobsCharge } = await withPage();
        const answer = await call(`/customers/me/documents?ids=${bobsCharge.document},${paid.document},doc_Missing000001`);
        expect(answer.status).toBe(200);
        expect(ids(answer.json.data)).toEqual([paid.document]);
        expect(documentCalls(ching)).toEqual([`/documents/${paid.document}`]);
        // Only the foreign one, or only a missing one: the same empty answer, no document read.
        const theirs = await call(`/customers/me/documents?ids=${bobsCharge.document}`);
        const missing = await call("/customers/me/documents?ids=doc_Missing000001");
        expect(theirs.json).toEqual({ success: true, data: [] });
        expect(missing.json).toEqual(theirs.json);
        expect(documentCalls(ching)).toHaveLength(1);
        // Bob's own request answers it: it is his.
        expect(ids((await call(`/customers/me/documents?ids=${bobsCharge.document}`, { user: "bob" })).json.data)).toEqual([bobsCharge.document]);
      });

      it("refuses more than 25 ids, an id of another shape, and no ids, before anyone is identified or Ching asked", async () => {
        const { call, ching, paid } = await withPage();
        const many = Array.from({ length: 26 }, (_, i) => `doc_Many${String(i).padStart(8, "0")}`);
        const tooMany = await call(`/customers/me/documents?ids=${many.join(",")}`);
        expect(tooMany.status).toBe(400);
        expect(tooMany.json.error).toMatchObject({ code: "INVALID_ID", message: "Ask for at most 25 documents at once, not 26" });
        // 25, and 26 that fold to 25, are fine.
        expect((await call(`/customers/me/documents?ids=${many.slice(0, 25).join(",")}`)).status).toBe(200);
        expect((await call(`/customers/me/documents?ids=${[...many.slice(0, 25), many[0]].join(",")}`)).status).toBe(200);
        ching.resetCalls();
        for (const query of [`ids=${paid.document},pm_NotADocument1`, `ids=${paid.document},`, "ids=", "", "ids=doc_a%2Fb0000000"]) {
          const answer = await call(`/customers/me/documents?${query}`, { user: null });
          expect(answer.status, query).toBe(400);
          expect((answer.json.error as { code: string }).code, query).toBe("INVALID_ID");
        }
        expect(ching.callCount()).toBe(0);
        // The single route's answer for a bad id is the same code.
        expect((await call("/customers/me/documents/pm_NotADocument1")).json.error).toMatchObject({ status: 400, code: "INVALID_ID" });
      });

      it("answers no documents without a customer, and 401 to nobody signed in, without asking Ching", async () => {
        const { call, ching, paid, users } = await withPage();
        users.set("carol", null);
        expect((await call(`/customers/me/documents?ids=${paid.document}`, { user: "carol" })).json).toEqual({ success: true, data: [] });
        expect((await call(`/customers/me/documents?ids=${paid.document}`, { user: null })).status).toBe(401);
        expect(ching.callCount()).toBe(0);
      });

      it("fails as the single document would when Ching fails on one, and passes on nothing read", async () => {
        const { call, ching, paid, more } = await withPage();
        ching.failWith({ status: 502, body: "<html>bad gateway</html>", route: "GET /documents/:id" });
        const answer = await call(`/customers/me/documents?ids=${paid.document},${more[0]!.document}`);
        const single = await call(`/customers/me/documents/${paid.document}`);
        expect(answer.status).toBe(502);
        expect(answer.json.success).toBe(false);
        expect(answer.json.error).toEqual(single.json.error);
        expect(answer.text).not.toContain(paid.document);
        ching.clearFaults();
        // A document Ching no longer has is missing, like one never made: left out, the rest answered.
        ching.failWith({ status: 404, code: "NOT_FOUND", message: "No such document", route: "GET /documents/:id", times: 1 });
        expect(ids((await call(`/customers/me/documents?ids=${paid.document},${more[0]!.document}`)).json.data)).toHaveLength(1);
      });

      it("is a GET only", async () => {
        const { call } = await withPage();
        const answer = await call("/customers/me/documents?ids=doc_Missing000001", { body: {} });
        expect(answer.status).toBe(405);
        expect(answer.headers.get("allow")).toBe("GET");
      });
    });

    it("redirects to the receipt's PDF, and to nobody else's", async () => {
      const { call, paid, bobsCharge } = await withCharges();
      const pdf = await call(`/customers/me/documents/${paid.document}/pdf`);
      expect(pdf.status).toBe(302);
      expect(pdf.headers.get("location")).toMatch(/^https?:\/\/.+/);
      expect(pdf.headers.get("cache-control")).toBe("no-store");
      expect((await call(`/customers/me/documents/${bobsCharge.document}/pdf`)).status).toBe(404);
    });

    it("says plainly when Ching has no PDF of the receipt yet", async () => {
      const { call, ching, paid } = await withCharges();
      ching.failWith({ status: 200, route: "GET /documents/:id", body: JSON.stringify({ success: true, data: { ...(await documentOf(call, paid.document!)), pdf_url: "" } }), times: 1 });
      const answer = await call(`/customers/me/documents/${paid.document}/pdf`);
      expect(answer.json.error).toMatchObject({ status: 409, code: "DOCUMENT_NOT_READY" });
    });
  });

  describe("POST /customers/me/portal_sessions", () => {
    it("makes a fresh session for every call, returning to the site", async () => {
      const { call, ching, alice, url } = await withCards();
      const first = await call("/customers/me/portal_sessions", { body: { returnUrl: "/billing" } });
      const second = await call("/customers/me/portal_sessions", { body: {} });
      expect(first.status).toBe(200);
      expect(Object.keys(first.json.data as object).sort()).toEqual(["expires_at", "url"]);
      expect((first.json.data as { url: string }).url).not.toBe((second.json.data as { url: string }).url);
      expect(ching.callCount("POST /billing_portal_sessions")).toBe(2);
      const sessions = ching.portalSessions();
      expect(sessions.every((session) => session.customer === alice.id)).toBe(true);
      expect(sessions.map((session) => session.return_url)).toContain(`${new URL(url("/")).origin}/billing`);
    });

    it("refuses a foreign return URL", async () => {
      const { call, ching } = await withCards();
      expect((await call("/customers/me/portal_sessions", { body: { returnUrl: "https://evil.example" } })).status).toBe(400);
      expect(ching.callCount("POST /billing_portal_sessions")).toBe(0);
    });
  });
});

async function documentOf(call: Harness["call"], id: string): Promise<Record<string, unknown>> {
  return (await call(`/customers/me/documents/${id}`)).json.data as Record<string, unknown>;
}
