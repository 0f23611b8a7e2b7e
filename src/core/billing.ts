import * as z from "zod/mini";

/**
 * Ching's billing objects as the second wave uses them: saved cards, setup sessions (the
 * hosted add-card page), charges, tax documents and hosted portal sessions. The schemas are
 * for a server's trust boundary: they check the fields this library reads and let through
 * any extra field Ching adds later (`looseObject`), so a new field never breaks a page.
 */

/** Id predicates accept the prefix plus 8 to 64 id characters: Ching documents 12, but a longer id must not lock a customer out of their own card. */
const idPattern = (prefix: string) => new RegExp(`^${prefix}[A-Za-z0-9_-]{8,64}$`);

export const PAYMENT_METHOD_ID_PATTERN = idPattern("pm_");
export const SETUP_SESSION_ID_PATTERN = idPattern("seti_");
export const CHARGE_ID_PATTERN = idPattern("ch_");
export const DOCUMENT_ID_PATTERN = idPattern("doc_");

/** True when `value` is shaped like a saved card's id (`pm_…`): check it before putting it in a Ching path. */
export function isPaymentMethodId(value: unknown): value is string {
  return typeof value === "string" && PAYMENT_METHOD_ID_PATTERN.test(value);
}

/** True when `value` is shaped like a setup session id (`seti_…`). */
export function isSetupSessionId(value: unknown): value is string {
  return typeof value === "string" && SETUP_SESSION_ID_PATTERN.test(value);
}

/** True when `value` is shaped like a charge id (`ch_…`). */
export function isChargeId(value: unknown): value is string {
  return typeof value === "string" && CHARGE_ID_PATTERN.test(value);
}

/** True when `value` is shaped like a tax document id (`doc_…`). */
export function isDocumentId(value: unknown): value is string {
  return typeof value === "string" && DOCUMENT_ID_PATTERN.test(value);
}

/** The card behind a saved payment method; never the full number. */
export interface CardDetails {
  /** Lowercase, e.g. `"visa"`, `"mastercard"`, `"amex"`, `"diners"`, `"isracard"`; others may come. */
  brand: string;
  last4: string;
  /** 1 to 12. */
  exp_month: number;
  /** Four digits. */
  exp_year: number;
  /** ISO 3166 alpha-2, e.g. `"IL"`. */
  issuer_country: string;
  /** Whether the card can pay in installments (תשלומים); older material leaves it out. */
  supports_installments?: boolean;
  /** Whether the card can be charged again without the customer (renewals); older material leaves it out. */
  supports_recurring?: boolean;
}

/**
 * A saved card. It names no customer: ownership is known only by finding its id in
 * `GET /customers/:id/payment_methods`, which is why a server must look it up there first.
 */
export interface PaymentMethod {
  id: string;
  object: "payment_method";
  type: string;
  /** `"active"` while it can be used; detached ones are listed apart. */
  status: string;
  /** Whether it is its customer's `default_payment_method`. */
  is_default: boolean;
  card: CardDetails;
  metadata: Record<string, unknown>;
  livemode: boolean;
  created: string;
}

export const setupSessionStatuses = ["pending", "requires_action", "succeeded", "canceled", "failed", "expired"] as const;
/** Where a hosted add-card session is: only `pending` and `requires_action` can still change. */
export type SetupSessionStatus = (typeof setupSessionStatuses)[number];

/** A hosted add-card page for one customer; lives 24 hours. */
export interface SetupSession {
  id: string;
  object: "setup_session";
  customer: string;
  status: SetupSessionStatus;
  /** Ching's hosted page: send the customer there. */
  url: string;
  success_url: string;
  cancel_url: string;
  metadata: Record<string, unknown>;
  livemode: boolean;
  expires_at: string;
  created: string;
  /** The card it saved, once `succeeded`; not every source shows the field. */
  payment_method?: string | null;
}

export const chargeStatuses = ["pending", "processing", "succeeded", "failed", "canceled", "requires_capture"] as const;
/** A charge's state. A refund does not change it: see `refunded_amount`. */
export type ChargeStatus = (typeof chargeStatuses)[number];

/** A payment. Amounts are integer agorot (1 ₪ = 100). */
export interface Charge {
  id: string;
  object: "charge";
  customer: string;
  payment_method: string | null;
  amount: number;
  /** 0 while authorized and not captured (`requires_capture`). */
  amount_captured: number;
  /** `"ils"`. */
  currency: string;
  status: ChargeStatus;
  description: string | null;
  card_brand: string | null;
  card_last4: string | null;
  /** `null` for a single payment. */
  installments: { count: number } | null;
  /** What was given back; equal to `amount` for a full refund. */
  refunded_amount: number;
  /** The tax document (`doc_…`) issued for it, if any. */
  document: string | null;
  failure_code: string | null;
  failure_message: string | null;
  metadata: Record<string, unknown>;
  livemode: boolean;
  created: string;
}

export const billingDocumentTypes = ["tax_invoice_receipt", "receipt"] as const;
/** חשבונית מס קבלה (a business customer's) or קבלה. */
export type BillingDocumentType = (typeof billingDocumentTypes)[number];

/** The Israeli tax document Ching issued for a charge. */
export interface BillingDocument {
  id: string;
  object: "document";
  type: BillingDocumentType;
  /** `"issued"`. */
  status: string;
  /** Empty (`""`) until the document is first read. */
  number: string;
  /** Agorot, VAT included. */
  amount: number;
  currency: string;
  /** `0.18`. */
  vat_rate: number;
  vat_amount: number;
  /** The Tax Authority's allocation number (מספר הקצאה) when one was needed. */
  allocation_number: string | null;
  /** Empty (`""`) until the document is first read. */
  pdf_url: string;
  sent_to_customer: boolean;
  metadata: Record<string, unknown>;
  livemode: boolean;
  issued_at: string;
  created: string;
}

/** A short-lived link to Ching's hosted Billing Portal; make a fresh one per visit. */
export interface PortalSession {
  url: string;
  expires_at: string;
  return_url: string | null;
}

const amount = z.int().check(z.nonnegative());
const metadata = z.record(z.string(), z.unknown());
const nullableString = z.nullable(z.string());
/** Only http(s): these URLs are sent to a browser to navigate to, so `javascript:` must never pass. */
const webUrl = z.url({ protocol: /^https?$/ });

const cardDetailsSchema = z.looseObject({
  brand: z.string(),
  last4: z.string().check(z.regex(/^\d{4}$/)),
  exp_month: z.int().check(z.gte(1), z.lte(12)),
  exp_year: z.int().check(z.gte(1000), z.lte(9999)),
  issuer_country: z.string(),
  supports_installments: z.optional(z.boolean()),
  supports_recurring: z.optional(z.boolean()),
});

/** A saved card as Ching answers it. */
export const paymentMethodSchema: z.ZodMiniType<PaymentMethod> = z.looseObject({
  id: z.string(),
  object: z.literal("payment_method"),
  type: z.string(),
  status: z.string(),
  is_default: z.boolean(),
  card: cardDetailsSchema,
  metadata,
  livemode: z.boolean(),
  created: z.string(),
});

/** A setup session as Ching answers it. */
export const setupSessionSchema: z.ZodMiniType<SetupSession> = z.looseObject({
  id: z.string(),
  object: z.literal("setup_session"),
  customer: z.string(),
  status: z.enum(setupSessionStatuses),
  url: webUrl,
  success_url: z.string(),
  cancel_url: z.string(),
  metadata,
  livemode: z.boolean(),
  expires_at: z.string(),
  created: z.string(),
  payment_method: z.optional(nullableString),
});

/** A charge as Ching answers it. */
export const chargeSchema: z.ZodMiniType<Charge> = z.looseObject({
  id: z.string(),
  object: z.literal("charge"),
  customer: z.string(),
  payment_method: nullableString,
  amount,
  amount_captured: amount,
  currency: z.string(),
  // A status Ching adds later must not make a whole history unreadable: shown as "other".
  status: z.string() as z.ZodMiniType<ChargeStatus>,
  description: nullableString,
  card_brand: nullableString,
  card_last4: nullableString,
  installments: z.nullable(z.looseObject({ count: z.int().check(z.gte(1)) })),
  refunded_amount: amount,
  document: nullableString,
  failure_code: nullableString,
  failure_message: nullableString,
  metadata,
  livemode: z.boolean(),
  created: z.string(),
});

/** A tax document as Ching answers it. */
export const billingDocumentSchema: z.ZodMiniType<BillingDocument> = z.looseObject({
  id: z.string(),
  object: z.literal("document"),
  type: z.string() as z.ZodMiniType<BillingDocumentType>,
  status: z.string(),
  number: z.string(),
  amount,
  currency: z.string(),
  vat_rate: z.number().check(z.gte(0), z.lte(1)),
  vat_amount: amount,
  allocation_number: nullableString,
  pdf_url: z.union([z.literal(""), webUrl]),
  sent_to_customer: z.boolean(),
  metadata,
  livemode: z.boolean(),
  issued_at: z.string(),
  created: z.string(),
});

/** A hosted portal session as Ching answers it; `return_url` may be left out. */
export const portalSessionSchema: z.ZodMiniType<PortalSession> = z.looseObject({
  url: webUrl,
  expires_at: z.string(),
  return_url: z.pipe(
    z.optional(nullableString),
    z.transform((value) => value ?? null),
  ),
});
