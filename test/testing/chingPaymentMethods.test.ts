import { describe, expect, it } from "vitest";
import { paymentMethodSchema, type PaymentMethod } from "../../src/core/billing";
import type { Customer } from "../../src/core/customer";
import { createMockChing, type PaymentMethodSeed } from "../../src/testing";
import { DANA, TAL } from "../fixtures";
import { chingClient, idOf, ISO_MS } from "./chingClient";

const visa: PaymentMethodSeed = { customer: TAL.id, id: "pm_Visa00000001", card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 }, created: "2026-05-01T10:00:00.000Z" };
const expiredAmex: PaymentMethodSeed = { customer: TAL.id, id: "pm_Amex00000002", card: { brand: "amex", last4: "0005", exp_month: 1, exp_year: 2021 }, created: "2026-06-01T10:00:00.000Z" };

describe("mock Ching: saved cards", () => {
  it("lists a customer's active cards newest first; the first card is the default", async () => {
    const ching = createMockChing({ customers: [TAL], paymentMethods: [visa, expiredAmex] });
    const call = chingClient(ching);
    const { status, json } = await call<PaymentMethod[]>("GET", `/customers/${TAL.id}/payment_methods`);
    expect(status).toBe(200);
    expect(json.data.map((pm) => [pm.id, pm.is_default, pm.card.exp_year])).toEqual([
      ["pm_Amex00000002", false, 2021],
      ["pm_Visa00000001", true, 2030],
    ]);
    for (const pm of json.data) expect(paymentMethodSchema.safeParse(pm).success).toBe(true);
    expect(json.data[0]).not.toHaveProperty("customer");
    expect((await call<Customer>("GET", `/customers/${TAL.id}`)).json.data.default_payment_method).toBe("pm_Visa00000001");
  });

  it("makes a seeded card the default when the seed says so", () => {
    const ching = createMockChing({ customers: [TAL], paymentMethods: [visa, { ...expiredAmex, is_default: true }] });
    expect(ching.paymentMethods(TAL.id).map((pm) => pm.is_default)).toEqual([true, false]);
    expect(ching.customers()[0]?.default_payment_method).toBe("pm_Amex00000002");
  });

  it("answers 404 for the cards of an unknown customer", async () => {
    const call = chingClient(createMockChing());
    expect((await call("GET", "/customers/cus_AAAAAAAAAAAA/payment_methods")).json.error?.code).toBe("NOT_FOUND");
    expect((await call("GET", "/customers/cus_AAAAAAAAAAAA/payment_methods/inactive")).status).toBe(404);
  });

  it("mints Ching's three test cards in test mode, shaped like Ching's", async () => {
    const ching = createMockChing({ customers: [TAL] });
    const call = chingClient(ching);
    const minted: PaymentMethod[] = [];
    for (const card_index of [0, 1, 2]) {
      const { status, json } = await call<PaymentMethod>("POST", "/payment_methods/test-card", { customer: TAL.id, card_index });
      expect(status).toBe(200);
      minted.push(json.data);
    }
    expect(minted.map((pm) => `${pm.card.brand} ${pm.card.last4}`)).toEqual(["visa 4242", "mastercard 5555", "amex 0005"]);
    expect(minted[0]).toMatchObject({ id: expect.stringMatching(idOf("pm_")) as unknown, object: "payment_method", type: "card", status: "active", is_default: true, livemode: false });
    expect(minted[0]?.created).toMatch(ISO_MS);
    expect(minted[0]!.card.exp_year).toBeGreaterThan(new Date().getUTCFullYear());
    expect(minted.slice(1).map((pm) => pm.is_default)).toEqual([false, false]);
    expect(ching.paymentMethods(TAL.id).map((pm) => pm.card.last4)).toEqual(["0005", "5555", "4242"]);
  });

  it("refuses a test card without a customer or with an index out of range, for an unknown customer, and in live mode", async () => {
    const call = chingClient(createMockChing({ customers: [TAL] }));
    const bad = await call("POST", "/payment_methods/test-card", { card_index: 3 });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.code).toBe("INVALID_FIELD");
    expect(bad.json.error?.issues?.map((i) => i.path)).toEqual([["customer"], ["card_index"]]);
    expect((await call("POST", "/payment_methods/test-card", { customer: "cus_AAAAAAAAAAAA", card_index: 0 })).status).toBe(404);

    const live = createMockChing({ apiKey: `ck_live_${"0".repeat(64)}`, customers: [TAL] });
    const refused = await chingClient(live)("POST", "/payment_methods/test-card", { customer: TAL.id, card_index: 0 });
    expect(refused.status).toBe(403);
    expect(live.paymentMethods(TAL.id)).toEqual([]);
  });

  it("detaches a card: it turns inactive, leaves the active list and stops being the default", async () => {
    const ching = createMockChing({ customers: [TAL], paymentMethods: [visa, expiredAmex] });
    const call = chingClient(ching);
    const detached = await call<PaymentMethod>("POST", "/payment_methods/pm_Visa00000001/detach");
    expect(detached.status).toBe(200);
    expect(detached.json.data).toMatchObject({ id: "pm_Visa00000001", status: "inactive", is_default: false });
    expect((await call<PaymentMethod[]>("GET", `/customers/${TAL.id}/payment_methods`)).json.data.map((pm) => pm.id)).toEqual(["pm_Amex00000002"]);
    const inactive = await call<PaymentMethod[]>("GET", `/customers/${TAL.id}/payment_methods/inactive`);
    expect(inactive.json.data.map((pm) => [pm.id, pm.status])).toEqual([["pm_Visa00000001", "inactive"]]);
    expect((await call<Customer>("GET", `/customers/${TAL.id}`)).json.data.default_payment_method).toBeNull();
    expect(ching.paymentMethods(TAL.id, { inactive: true }).map((pm) => pm.id)).toEqual(["pm_Visa00000001"]);
    expect(ching.calls.at(-4)).toMatchObject({ method: "POST", path: "/payment_methods/pm_Visa00000001/detach", route: "POST /payment_methods/:id/detach" });
  });

  it("answers 404 to detaching an inactive or unknown card", async () => {
    const ching = createMockChing({ customers: [TAL], paymentMethods: [{ ...visa, status: "inactive" }] });
    const call = chingClient(ching);
    expect((await call("POST", "/payment_methods/pm_Visa00000001/detach")).json.error?.code).toBe("NOT_FOUND");
    expect((await call("POST", "/payment_methods/pm_Nope00000000/detach")).status).toBe(404);
    expect(ching.customers()[0]?.default_payment_method).toBeNull();
  });

  it("detaches another customer's card too: Ching checks no ownership, the merchant's server must", async () => {
    const ching = createMockChing({ customers: [TAL, DANA], paymentMethods: [{ ...visa, customer: DANA.id }] });
    const { status } = await chingClient(ching)("POST", "/payment_methods/pm_Visa00000001/detach");
    expect(status).toBe(200);
    expect(ching.paymentMethods(DANA.id)).toEqual([]);
  });

  it("gives the next card added after the default was detached the default", async () => {
    const ching = createMockChing({ customers: [TAL], paymentMethods: [visa] });
    const call = chingClient(ching);
    await call("POST", "/payment_methods/pm_Visa00000001/detach");
    const next = await call<PaymentMethod>("POST", "/payment_methods/test-card", { customer: TAL.id, card_index: 1 });
    expect(next.json.data.is_default).toBe(true);
  });

  it("seeds cards by method too, refuses one of an unknown customer, and reset() brings back the options' cards", () => {
    const ching = createMockChing({ customers: [TAL], paymentMethods: [visa] });
    const seeded = ching.seedPaymentMethod(expiredAmex);
    expect(seeded).toMatchObject({ id: "pm_Amex00000002", is_default: false, card: { issuer_country: "IL", exp_year: 2021 } });
    expect(() => ching.seedPaymentMethod({ ...visa, customer: "cus_AAAAAAAAAAAA" })).toThrow(/no customer/);
    ching.reset();
    expect(ching.paymentMethods(TAL.id).map((pm) => pm.id)).toEqual(["pm_Visa00000001"]);
  });
});
