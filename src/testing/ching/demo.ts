import { generateId } from "../customerStore";
import type { ChargeSeed } from "./charges";
import type { PaymentMethodSeed } from "./paymentMethods";

/** What `demoBilling` makes: seeds for `createMockChing({ paymentMethods, charges })` or the `seed…` methods. */
export interface DemoBilling {
  paymentMethods: PaymentMethodSeed[];
  charges: ChargeSeed[];
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * A year of billing for one customer, so a billing page has something of every kind to show:
 * three cards (a default Visa, a Mastercard, an expired Amex), monthly plan payments with
 * tax invoice receipts, a declined one, a full and a partial refund, an authorization not yet
 * captured, an installments purchase and a plain receipt. Dates count back from `now`.
 *
 * @example
 * const ching = createMockChing({ customers: [{ id: "cus_V8ltq1pK_MWH", name: "Tal Levi" }] });
 * ching.seedDemoBilling("cus_V8ltq1pK_MWH");
 */
export function demoBilling(customerId: string, now: Date = new Date()): DemoBilling {
  const year = now.getUTCFullYear();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
  const visa = generateId("pm_");
  const mastercard = generateId("pm_");
  const amex = generateId("pm_");
  const paymentMethods: PaymentMethodSeed[] = [
    { customer: customerId, id: amex, card: { brand: "amex", last4: "0005", exp_month: 3, exp_year: year - 1, supports_installments: false }, created: at(700) },
    { customer: customerId, id: visa, is_default: true, card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: year + 4 }, created: at(400) },
    { customer: customerId, id: mastercard, card: { brand: "mastercard", last4: "5555", exp_month: 8, exp_year: year + 2 }, created: at(20) },
  ];
  const plan = (daysAgo: number, extra: Partial<ChargeSeed> = {}): ChargeSeed => ({
    customer: customerId,
    amount: 14_900,
    description: "Pro plan, monthly",
    payment_method: visa,
    created: at(daysAgo),
    ...extra,
  });
  const charges: ChargeSeed[] = [
    plan(330, { payment_method: amex }),
    plan(300, { payment_method: amex }),
    plan(270),
    plan(240, { refunded_amount: 14_900, description: "Pro plan, monthly (refunded)" }),
    plan(210),
    { customer: customerId, amount: 120_000, description: "Annual workshop", payment_method: visa, installments: 3, created: at(195) },
    plan(180),
    plan(150, { status: "failed", failure_code: "card_declined", failure_message: "The card was declined" }),
    plan(149),
    { customer: customerId, amount: 9_900, description: "Extra seats", payment_method: visa, refunded_amount: 3_300, created: at(100), document: { type: "receipt" } },
    plan(60),
    plan(30),
    { customer: customerId, amount: 25_000, description: "Hardware deposit", payment_method: mastercard, status: "requires_capture", created: at(2) },
  ];
  return { paymentMethods, charges };
}
