import { describe, expect, it } from "vitest";
import { billingDocumentSchema, chargeSchema, type BillingDocument, type Charge } from "../../src/core/billing";
import { createMockChing, demoBilling, type PaymentMethodSeed } from "../../src/testing";
import { DANA, TAL } from "../fixtures";
import { chingClient, idOf } from "./chingClient";

const visa: PaymentMethodSeed = { customer: TAL.id, id: "pm_Visa00000001", card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 } };
const at = (day: number) => `2026-05-${String(day).padStart(2, "0")}T10:00:00.000Z`;

function withTal() {
  const ching = createMockChing({ customers: [TAL, DANA], paymentMethods: [visa] });
  return { ching, call: chingClient(ching) };
}

describe("mock Ching: charges", () => {
  it("seeds a succeeded charge on the customer's default card, with a tax invoice receipt", async () => {
    const { ching, call } = withTal();
    const seeded = ching.seedCharge({ customer: TAL.id, amount: 14_900, description: "Pro plan", created: at(1) });
    const { status, json } = await call<Charge>("GET", `/charges/${seeded.id}`);
    expect(status).toBe(200);
    expect(json.data).toEqual({
      id: expect.stringMatching(idOf("ch_")) as unknown,
      object: "charge",
      customer: TAL.id,
      payment_method: "pm_Visa00000001",
      amount: 14_900,
      amount_captured: 14_900,
      currency: "ils",
      status: "succeeded",
      description: "Pro plan",
      card_brand: "visa",
      card_last4: "4242",
      installments: null,
      refunded_amount: 0,
      document: expect.stringMatching(idOf("doc_")) as unknown,
      failure_code: null,
      failure_message: null,
      metadata: {},
      livemode: false,
      created: at(1),
    });
    expect(chargeSchema.safeParse(json.data).success).toBe(true);
    expect((await call("GET", "/charges/ch_AAAAAAAAAAAA")).json.error?.code).toBe("NOT_FOUND");
  });

  it("seeds every kind a billing page shows, each with what Ching would say about it", () => {
    const { ching } = withTal();
    const failed = ching.seedCharge({ customer: TAL.id, amount: 14_900, status: "failed" });
    expect(failed).toMatchObject({ failure_code: "card_declined", failure_message: expect.any(String) as unknown, document: null, amount_captured: 0 });
    const authorized = ching.seedCharge({ customer: TAL.id, amount: 25_000, status: "requires_capture" });
    expect(authorized).toMatchObject({ status: "requires_capture", amount_captured: 0, document: null });
    const full = ching.seedCharge({ customer: TAL.id, amount: 9_900, refunded_amount: 9_900 });
    expect(full).toMatchObject({ status: "succeeded", refunded_amount: 9_900, document: expect.any(String) as unknown });
    expect(ching.seedCharge({ customer: TAL.id, amount: 9_900, refunded_amount: 3_300 }).refunded_amount).toBe(3_300);
    expect(ching.seedCharge({ customer: TAL.id, amount: 120_000, installments: 3 }).installments).toEqual({ count: 3 });
    expect(ching.seedCharge({ customer: TAL.id, amount: 100, document: null }).document).toBeNull();
    expect(ching.seedCharge({ customer: TAL.id, amount: 100, payment_method: null }).card_last4).toBeNull();
    expect(ching.charges()).toHaveLength(7);
  });

  it("refuses seeds that could not be Ching's", () => {
    const { ching } = withTal();
    expect(() => ching.seedCharge({ customer: "cus_AAAAAAAAAAAA", amount: 100 })).toThrow(/no customer/);
    expect(() => ching.seedCharge({ customer: TAL.id, amount: 149.9 })).toThrow(/agorot/);
    expect(() => ching.seedCharge({ customer: TAL.id, amount: 100, refunded_amount: 101 })).toThrow(/refunded_amount/);
  });

  it("lists one customer's 100 newest with ?customer=, the project's without, ignoring other parameters", async () => {
    const { ching, call } = withTal();
    for (let i = 0; i < 103; i++) ching.seedCharge({ customer: TAL.id, amount: 100 + i, created: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() });
    ching.seedCharge({ customer: DANA.id, amount: 5_000, created: "2026-07-01T00:00:00.000Z" });

    const tal = (await call<Charge[]>("GET", `/charges?customer=${TAL.id}&limit=5`)).json.data;
    expect(tal).toHaveLength(100);
    expect(tal.every((c) => c.customer === TAL.id)).toBe(true);
    expect(tal[0]?.amount).toBe(202);
    expect(tal.at(-1)?.amount).toBe(103);

    const all = (await call<Charge[]>("GET", "/charges")).json.data;
    expect(all).toHaveLength(100);
    expect(all[0]?.customer).toBe(DANA.id);
    expect((await call<Charge[]>("GET", `/charges?customer=${DANA.id}`)).json.data.map((c) => c.amount)).toEqual([5_000]);
    expect(ching.calls.at(-3)?.route).toBe("GET /charges");
  });
});

describe("mock Ching: documents", () => {
  it("issues a document whose number and pdf_url are empty until the first retrieve, then stay", async () => {
    const { ching, call } = withTal();
    const charge = ching.seedCharge({ customer: TAL.id, amount: 11_800, created: at(2) });
    const listed = (await call<BillingDocument[]>("GET", "/documents")).json.data;
    expect(listed).toEqual([expect.objectContaining({ id: charge.document, number: "", pdf_url: "" })]);

    const first = await call<BillingDocument>("GET", `/documents/${charge.document}`);
    expect(first.json.data).toEqual({
      id: charge.document,
      object: "document",
      type: "tax_invoice_receipt",
      status: "issued",
      number: "1001",
      amount: 11_800,
      currency: "ils",
      vat_rate: 0.18,
      vat_amount: 1_800,
      allocation_number: expect.stringMatching(/^\d{9}$/) as unknown,
      pdf_url: `https://hosted.ching.test/hosted/documents/${charge.document}/pdf`,
      sent_to_customer: true,
      metadata: {},
      livemode: false,
      issued_at: at(2),
      created: at(2),
    });
    expect(billingDocumentSchema.safeParse(first.json.data).success).toBe(true);
    expect((await call("GET", `/documents/${charge.document}`)).json.data).toEqual(first.json.data);
  });

  it("numbers documents in the order they are first read, and keeps a seeded number and type", async () => {
    const { ching, call } = withTal();
    const a = ching.seedCharge({ customer: TAL.id, amount: 100 });
    const b = ching.seedCharge({ customer: TAL.id, amount: 100, document: { type: "receipt", number: "77" } });
    const c = ching.seedCharge({ customer: TAL.id, amount: 100 });
    expect((await call<BillingDocument>("GET", `/documents/${c.document}`)).json.data.number).toBe("1001");
    expect((await call<BillingDocument>("GET", `/documents/${a.document}`)).json.data.number).toBe("1002");
    const receipt = (await call<BillingDocument>("GET", `/documents/${b.document}`)).json.data;
    expect(receipt).toMatchObject({ type: "receipt", number: "77", allocation_number: null });
    expect((await call("GET", "/documents/doc_AAAAAAAAAAAA")).status).toBe(404);
  });
});

describe("demoBilling", () => {
  const now = new Date("2026-12-01T12:00:00.000Z");

  it("gives a customer three cards, one expired, and a year of charges of every kind", () => {
    const demo = demoBilling(TAL.id, now);
    expect(demo.paymentMethods).toHaveLength(3);
    expect(demo.paymentMethods.filter((pm) => pm.card.exp_year < now.getUTCFullYear())).toHaveLength(1);
    expect(demo.charges.length).toBeGreaterThanOrEqual(12);
    expect(demo.charges.every((c) => c.customer === TAL.id)).toBe(true);
    const kinds = new Set(demo.charges.map((c) => c.status ?? "succeeded"));
    expect([...kinds].sort()).toEqual(["failed", "requires_capture", "succeeded"]);
    expect(demo.charges.some((c) => c.refunded_amount === c.amount)).toBe(true);
    expect(demo.charges.some((c) => (c.refunded_amount ?? 0) > 0 && c.refunded_amount! < c.amount)).toBe(true);
    expect(demo.charges.some((c) => (c.installments ?? 1) > 1)).toBe(true);
    expect(demo.charges.some((c) => c.document?.type === "receipt")).toBe(true);
    expect(demo.charges.every((c) => Date.parse(c.created!) < now.getTime() && Date.parse(c.created!) > now.getTime() - 366 * 86_400_000)).toBe(true);
  });

  it("seeds through seedDemoBilling: the Visa is the default and Ching lists it all", async () => {
    const ching = createMockChing({ customers: [TAL], now: () => now });
    const seeded = ching.seedDemoBilling(TAL.id);
    const call = chingClient(ching);
    const cards = ching.paymentMethods(TAL.id);
    expect(cards.map((pm) => `${pm.card.brand}${pm.is_default ? " (default)" : ""}`)).toEqual(["mastercard", "visa (default)", "amex"]);
    const charges = (await call<Charge[]>("GET", `/charges?customer=${TAL.id}`)).json.data;
    expect(charges.map((c) => c.id)).toEqual([...seeded.charges].sort((a, b) => b.created.localeCompare(a.created)).map((c) => c.id));
    expect(charges[0]).toMatchObject({ status: "requires_capture", card_brand: "mastercard" });
    expect(charges.every((c) => chargeSchema.safeParse(c).success)).toBe(true);
    const withDocuments = charges.filter((c) => c.document !== null);
    expect(withDocuments.length).toBe(charges.filter((c) => c.status === "succeeded").length);
  });
});
