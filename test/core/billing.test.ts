import { describe, expect, it } from "vitest";
import {
  billingDocumentSchema,
  chargeSchema,
  isChargeId,
  isDocumentId,
  isPaymentMethodId,
  isSetupSessionId,
  paymentMethodSchema,
  portalSessionSchema,
  setupSessionSchema,
  type BillingDocument,
  type Charge,
  type PaymentMethod,
  type SetupSession,
} from "../../src/core/billing";

/** The payment method of Ching's second-wave docs. */
const DOCS_CARD: PaymentMethod = {
  id: "pm_WMc9X22NT1af",
  object: "payment_method",
  type: "card",
  status: "active",
  is_default: true,
  card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030, issuer_country: "IL", supports_installments: true, supports_recurring: true },
  metadata: {},
  livemode: false,
  created: "2026-04-19T09:12:43.000Z",
};

const SESSION: SetupSession = {
  id: "seti_Q2b-7xLm_0aZ",
  object: "setup_session",
  customer: "cus_V8ltq1pK_MWH",
  status: "pending",
  url: "https://pay.ching.co.il/setup/seti_Q2b-7xLm_0aZ",
  success_url: "https://shop.example/billing?ching_setup=success",
  cancel_url: "https://shop.example/billing?ching_setup=cancel",
  metadata: {},
  livemode: false,
  expires_at: "2026-04-20T09:12:43.000Z",
  created: "2026-04-19T09:12:43.000Z",
};

const CHARGE: Charge = {
  id: "ch_3kPq0a_Zz91x",
  object: "charge",
  customer: "cus_V8ltq1pK_MWH",
  payment_method: "pm_WMc9X22NT1af",
  amount: 14_900,
  amount_captured: 14_900,
  currency: "ils",
  status: "succeeded",
  description: "Pro plan, monthly",
  card_brand: "visa",
  card_last4: "4242",
  installments: null,
  refunded_amount: 0,
  document: "doc_Aa0-Bb1_Cc2d",
  failure_code: null,
  failure_message: null,
  metadata: {},
  livemode: false,
  created: "2026-04-19T09:12:43.000Z",
};

const DOCUMENT: BillingDocument = {
  id: "doc_Aa0-Bb1_Cc2d",
  object: "document",
  type: "tax_invoice_receipt",
  status: "issued",
  number: "1042",
  amount: 14_900,
  currency: "ils",
  vat_rate: 0.18,
  vat_amount: 2_273,
  allocation_number: "200000000",
  pdf_url: "https://files.ching.co.il/doc_Aa0-Bb1_Cc2d.pdf",
  sent_to_customer: true,
  metadata: {},
  livemode: false,
  issued_at: "2026-04-19T09:12:43.000Z",
  created: "2026-04-19T09:12:43.000Z",
};

describe("id predicates", () => {
  it.each([
    [isPaymentMethodId, "pm_"],
    [isSetupSessionId, "seti_"],
    [isChargeId, "ch_"],
    [isDocumentId, "doc_"],
  ] as const)("%o accepts its prefix and 8 to 64 id characters, - and _ anywhere", (is, prefix) => {
    expect(is(`${prefix}WMc9X22NT1af`)).toBe(true);
    expect(is(`${prefix}-_aZ09-_`)).toBe(true);
    expect(is(`${prefix}${"a".repeat(64)}`)).toBe(true);
    expect(is(`${prefix}${"a".repeat(7)}`)).toBe(false);
    expect(is(`${prefix}${"a".repeat(65)}`)).toBe(false);
    expect(is(`${prefix}WMc9X22N/../x`)).toBe(false);
    expect(is(`${prefix}WMc9X22NT1af\n`)).toBe(false);
    expect(is(`xx_WMc9X22NT1af`)).toBe(false);
    expect(is(undefined)).toBe(false);
  });

  it("does not take one kind of id for another", () => {
    expect(isPaymentMethodId("cus_V8ltq1pK_MWH")).toBe(false);
    expect(isDocumentId("ch_3kPq0a_Zz91x")).toBe(false);
    expect(isSetupSessionId("pm_WMc9X22NT1af")).toBe(false);
  });
});

describe("paymentMethodSchema", () => {
  it("accepts the card of Ching's docs, and older material without the supports_* flags", () => {
    expect(paymentMethodSchema.parse(DOCS_CARD)).toEqual(DOCS_CARD);
    const { supports_installments: _i, supports_recurring: _r, ...older } = DOCS_CARD.card;
    expect(paymentMethodSchema.safeParse({ ...DOCS_CARD, card: older }).success).toBe(true);
  });

  it("lets fields it does not know through, on the card too", () => {
    const parsed = paymentMethodSchema.parse({ ...DOCS_CARD, fingerprint: "abc", card: { ...DOCS_CARD.card, funding: "credit" } });
    expect(parsed).toMatchObject({ fingerprint: "abc", card: { funding: "credit" } });
  });

  it.each([
    ["another object type", { object: "customer" }],
    ["a missing is_default", { is_default: undefined }],
    ["a full card number", { card: { ...DOCS_CARD.card, last4: "4242424242424242" } }],
    ["month 13", { card: { ...DOCS_CARD.card, exp_month: 13 } }],
    ["a two-digit year", { card: { ...DOCS_CARD.card, exp_year: 30 } }],
    ["no card", { card: null }],
  ])("rejects %s", (_, patch) => {
    expect(paymentMethodSchema.safeParse({ ...DOCS_CARD, ...patch }).success).toBe(false);
  });
});

describe("setupSessionSchema", () => {
  it.each(["pending", "requires_action", "succeeded", "canceled", "failed", "expired"])("accepts status %s", (status) => {
    expect(setupSessionSchema.safeParse({ ...SESSION, status }).success).toBe(true);
  });

  it("rejects an unknown status, a missing customer and a url a browser must not follow", () => {
    expect(setupSessionSchema.safeParse({ ...SESSION, status: "done" }).success).toBe(false);
    expect(setupSessionSchema.safeParse({ ...SESSION, customer: undefined }).success).toBe(false);
    expect(setupSessionSchema.safeParse({ ...SESSION, url: "javascript:alert(1)" }).success).toBe(false);
  });
});

describe("chargeSchema", () => {
  it("accepts a succeeded charge and one in installments with a partial refund", () => {
    expect(chargeSchema.parse(CHARGE)).toEqual(CHARGE);
    expect(chargeSchema.safeParse({ ...CHARGE, installments: { count: 3 }, refunded_amount: 4_000 }).success).toBe(true);
  });

  it("accepts a failed charge with no card and no document", () => {
    const failed = { ...CHARGE, status: "failed", payment_method: null, card_brand: null, card_last4: null, document: null, failure_code: "card_declined", failure_message: "Declined" };
    expect(chargeSchema.safeParse(failed).success).toBe(true);
  });

  it.each([
    ["an amount in shekels with decimals", { amount: 149.9 }],
    ["a negative refund", { refunded_amount: -1 }],
    ["a status that is not a string", { status: 3 }],
    ["zero installments", { installments: { count: 0 } }],
  ])("rejects %s", (_, patch) => {
    expect(chargeSchema.safeParse({ ...CHARGE, ...patch }).success).toBe(false);
  });
});

it("lets a charge status Ching adds later through: one new status must not hide a whole history", () => {
  expect(chargeSchema.safeParse({ ...CHARGE, status: "disputed" }).success).toBe(true);
});

describe("billingDocumentSchema", () => {
  it("accepts a document, and one not read yet (empty number and pdf_url)", () => {
    expect(billingDocumentSchema.parse(DOCUMENT)).toEqual(DOCUMENT);
    expect(billingDocumentSchema.safeParse({ ...DOCUMENT, number: "", pdf_url: "" }).success).toBe(true);
    expect(billingDocumentSchema.safeParse({ ...DOCUMENT, type: "receipt", allocation_number: null }).success).toBe(true);
  });

  it("lets a document type Ching adds later through, and refuses a pdf_url that is not http(s)", () => {
    expect(billingDocumentSchema.safeParse({ ...DOCUMENT, type: "credit_note" }).success).toBe(true);
    expect(billingDocumentSchema.safeParse({ ...DOCUMENT, type: 7 }).success).toBe(false);
    expect(billingDocumentSchema.safeParse({ ...DOCUMENT, pdf_url: "javascript:alert(1)" }).success).toBe(false);
  });
});

describe("portalSessionSchema", () => {
  const portal = { url: "https://portal.ching.co.il/s/abc", expires_at: "2026-04-19T09:42:43.000Z", return_url: "https://shop.example/billing" };

  it("accepts Ching's answer and reads a missing return_url as null", () => {
    expect(portalSessionSchema.parse(portal)).toEqual(portal);
    expect(portalSessionSchema.parse({ url: portal.url, expires_at: portal.expires_at })).toEqual({ ...portal, return_url: null });
  });

  it("rejects a url that is missing or not http(s)", () => {
    expect(portalSessionSchema.safeParse({ ...portal, url: undefined }).success).toBe(false);
    expect(portalSessionSchema.safeParse({ ...portal, url: "data:text/html,hi" }).success).toBe(false);
  });
});
