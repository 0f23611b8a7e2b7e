/**
 * What the BillingPage benches (jsdom and Chromium) show: one signed-in
 * customer with two saved cards and `count` charges of every kind (refunds,
 * installments, failures), each succeeded one with a receipt. Both benches
 * seed the in-memory Ching with exactly this.
 */
import type { Customer } from "../../src/core/customer";
import type { ChargeSeed } from "../../src/testing/ching/charges";
import type { PaymentMethodSeed } from "../../src/testing/ching/paymentMethods";
import { customerObject } from "../../test/fixtures";

/*
 * The names and types below are plain data, so bench.ts can import them without
 * loading React: react-dom must first load inside the jsdom page that
 * bench/dom.ts installs, with its DevTools hook in place.
 */
/** BillingPage's sections, as its wrappers name them (`data-ching-section`). */
export const SECTIONS = ["profile", "cards", "history", "manage"] as const;
export type Section = (typeof SECTIONS)[number];
export type PerSection = Record<Section, number>;

/** Which section's data each change touches: every other section must not render. */
export const CHANGES = { charges: "history", customer: "profile", cards: "cards" } as const satisfies Record<string, Section>;
export type Change = keyof typeof CHANGES;

export const BENCH_CUSTOMER: Customer = customerObject();

const DAY = 86_400_000;

export function benchCharges(count: number): ChargeSeed[] {
  const start = Date.UTC(2026, 10, 1);
  return Array.from({ length: count }, (_, i) => ({
    customer: BENCH_CUSTOMER.id,
    amount: 1_000 + i * 37,
    description: `Order ${i + 1}`,
    card_brand: "visa",
    card_last4: "4242",
    installments: i % 9 === 0 ? 3 : undefined,
    refunded_amount: i % 11 === 0 ? 500 : undefined,
    status: i % 13 === 0 ? "failed" : undefined,
    created: new Date(start - i * DAY).toISOString(),
  }));
}

export const BENCH_CARDS: PaymentMethodSeed[] = [
  { customer: BENCH_CUSTOMER.id, card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 }, is_default: true },
  { customer: BENCH_CUSTOMER.id, card: { brand: "mastercard", last4: "5555", exp_month: 8, exp_year: 2029 } },
];

/** Requests the endpoint answered while the page loaded, by path. */
export interface PageRequests {
  charges: number;
  me: number;
  paymentMethods: number;
  documents: number;
  all: number;
}

export function countRequests(paths: readonly string[]): PageRequests {
  return {
    charges: paths.filter((path) => path === "/customers/me/charges").length,
    me: paths.filter((path) => path === "/customers/me").length,
    paymentMethods: paths.filter((path) => path === "/customers/me/payment_methods").length,
    // Requests for receipts: a page's at once (`/customers/me/documents?ids=…`) or one alone.
    documents: paths.filter((path) => path === "/customers/me/documents" || path.startsWith("/customers/me/documents/")).length,
    all: paths.length,
  };
}
