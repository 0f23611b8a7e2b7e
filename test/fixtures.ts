import type { Customer } from "../src/core/customer";
import type { ChargeSeed } from "../src/testing";

/** Ching's example customer, exactly as its docs show it. */
export const DOCS_CUSTOMER: Customer = {
  id: "cus_V8ltq1pK_MWH",
  object: "customer",
  name: "Tal Levi",
  email: "tal@example.com",
  phone: "+972501234567",
  locale: "he",
  taxId: null,
  metadata: {},
  default_payment_method: "pm_WMc9X22NT1af",
  livemode: false,
  created: "2026-04-19T09:12:43.000Z",
};

/** Tal as a seed of the mocks (what a create takes, with a fixed id and date). */
export const TAL = {
  id: "cus_V8ltq1pK_MWH",
  name: "Tal Levi",
  email: "tal@example.com",
  phone: "+972501234567",
  locale: "he",
  taxId: "514999874",
  created: "2026-04-19T09:12:43.000Z",
} as const;

export const DANA = { id: "cus_Dana0000000A", name: "Dana Cohen", email: "dana@example.com", created: "2026-05-01T10:00:00.000Z" } as const;

/** Tal as the API answers, with any fields overridden. */
export function customerObject(overrides: Partial<Customer> = {}): Customer {
  return { ...TAL, object: "customer", metadata: {}, default_payment_method: null, livemode: false, ...overrides };
}

/** `count` charges of a customer, one a day back from 1 January 2026, newest first: "Payment 1", "Payment 2", … */
export function dailyCharges(count: number, customer: string): ChargeSeed[] {
  return Array.from({ length: count }, (_, i) => ({
    customer,
    amount: 1_000 + i,
    description: `Payment ${i + 1}`,
    created: new Date(Date.UTC(2026, 0, 1) - i * 86_400_000).toISOString(),
  }));
}
