import type { CardDetails, PaymentMethod } from "../../core/billing";
import { isRecord } from "../../core/envelope";
import { generateId, type CustomerStore } from "../customerStore";
import { newestFirst, type Issue, type RouteDef } from "./context";

/** A saved card to start with; expired cards are allowed (renewals still use them). */
export interface PaymentMethodSeed {
  /** The `cus_` id of a customer the mock already holds. */
  customer: string;
  id?: string;
  card: Pick<CardDetails, "brand" | "last4" | "exp_month" | "exp_year"> & Partial<CardDetails>;
  /** Makes it the customer's default; otherwise the first card a customer gets is. */
  is_default?: boolean;
  /** `"inactive"` for a card detached before the test starts. */
  status?: "active" | "inactive";
  metadata?: Record<string, unknown>;
  created?: string;
}

/** Ching's test cards, by `card_index`: 0 Visa 4242, 1 Mastercard 5555, 2 Amex 0005. */
export const TEST_CARDS = [
  { brand: "visa", last4: "4242", exp_month: 12 },
  { brand: "mastercard", last4: "5555", exp_month: 8 },
  { brand: "amex", last4: "0005", exp_month: 3 },
] as const;

/** A test card that stays valid: it expires four years after `now`. */
export function testCard(index: number, now: Date): CardDetails {
  const card = TEST_CARDS[index] ?? TEST_CARDS[0];
  return {
    ...card,
    exp_year: now.getUTCFullYear() + 4,
    issuer_country: "IL",
    supports_installments: card.brand !== "amex",
    supports_recurring: true,
  };
}

interface StoredCard {
  customer: string;
  method: Omit<PaymentMethod, "is_default">;
}

/** The saved cards of every customer. Whether one is the default is the customer's `default_payment_method`, read when answering. */
export class CardStore {
  #cards = new Map<string, StoredCard>();
  #customers: CustomerStore;
  #livemode: boolean;
  #now: () => Date;

  constructor(options: { customers: CustomerStore; livemode: boolean; now: () => Date }) {
    this.#customers = options.customers;
    this.#livemode = options.livemode;
    this.#now = options.now;
  }

  #view({ customer, method }: StoredCard): PaymentMethod {
    const isDefault = method.status === "active" && this.#customers.get(customer)?.default_payment_method === method.id;
    return { ...method, is_default: isDefault, card: { ...method.card }, metadata: { ...method.metadata } };
  }

  /** Saves a card; it becomes the default when the customer has none (or when `makeDefault`). */
  add(customerId: string, card: PaymentMethodSeed["card"], extra: Omit<PaymentMethodSeed, "customer" | "card"> = {}): PaymentMethod {
    const customer = this.#customers.get(customerId);
    if (!customer) throw new Error(`createMockChing: no customer ${customerId}; seed the customer before its cards`);
    const status = extra.status ?? "active";
    const stored: StoredCard = {
      customer: customerId,
      method: {
        id: extra.id ?? generateId("pm_"),
        object: "payment_method",
        type: "card",
        status,
        card: { ...card, issuer_country: card.issuer_country ?? "IL" },
        metadata: { ...(extra.metadata ?? {}) },
        livemode: this.#livemode,
        created: extra.created ?? this.#now().toISOString(),
      },
    };
    this.#cards.set(stored.method.id, stored);
    if (status === "active" && (extra.is_default === true || customer.default_payment_method === null)) {
      this.#customers.setDefaultPaymentMethod(customerId, stored.method.id);
    }
    return this.#view(stored);
  }

  seed(seed: PaymentMethodSeed): PaymentMethod {
    const { customer, card, ...extra } = seed;
    return this.add(customer, card, extra);
  }

  get(id: string): PaymentMethod | undefined {
    const stored = this.#cards.get(id);
    return stored && this.#view(stored);
  }

  /** The customer a card was saved for (the card object itself does not say). */
  ownerOf(id: string): string | undefined {
    return this.#cards.get(id)?.customer;
  }

  /** A customer's active (or inactive) cards, newest first, at most 100. */
  list(customerId: string, inactive = false): PaymentMethod[] {
    const wanted = inactive ? "inactive" : "active";
    const mine = [...this.#cards.values()].filter((c) => c.customer === customerId && c.method.status === wanted);
    return newestFirst(mine.map((c) => this.#view(c)));
  }

  /** Detaches an active card: it turns inactive and stops being the default. Undefined for an unknown or inactive one. */
  detach(id: string): PaymentMethod | undefined {
    const stored = this.#cards.get(id);
    if (!stored || stored.method.status !== "active") return undefined;
    const next: StoredCard = { ...stored, method: { ...stored.method, status: "inactive" } };
    this.#cards.set(id, next);
    if (this.#customers.get(stored.customer)?.default_payment_method === id) {
      this.#customers.setDefaultPaymentMethod(stored.customer, null);
    }
    return this.#view(next);
  }
}

function testCardIssues(body: unknown): Issue[] {
  const record = isRecord(body) ? body : {};
  const issues: Issue[] = [];
  if (typeof record.customer !== "string" || record.customer === "") issues.push({ path: ["customer"], message: "customer is required" });
  const index = record.card_index;
  if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= TEST_CARDS.length) {
    issues.push({ path: ["card_index"], message: `card_index must be an integer from 0 to ${TEST_CARDS.length - 1}` });
  }
  return issues;
}

/**
 * Saved cards: the active and inactive lists, detach and the test-mode card minter. Like
 * Ching, detach checks no ownership (the card names no customer): the merchant's server must.
 */
export const paymentMethodRoutes: RouteDef[] = [
  {
    route: "GET /customers/:id/payment_methods",
    handle: ({ state, reply }, { params: [id = ""] }) =>
      state.customers.get(id) ? reply.ok(state.cards.list(id)) : reply.notFound("customer"),
  },
  {
    route: "GET /customers/:id/payment_methods/inactive",
    handle: ({ state, reply }, { params: [id = ""] }) =>
      state.customers.get(id) ? reply.ok(state.cards.list(id, true)) : reply.notFound("customer"),
  },
  {
    route: "POST /payment_methods/:id/detach",
    handle({ state, reply }, { params: [id = ""] }) {
      const detached = state.cards.detach(id);
      return detached ? reply.ok(detached) : reply.notFound("payment method");
    },
  },
  {
    route: "POST /payment_methods/test-card",
    handle({ state, reply }, { body }) {
      if (state.livemode) return reply.fail(403, "TEST_MODE_ONLY", "Test cards can only be created with a test key");
      const issues = testCardIssues(body);
      if (issues.length > 0) return reply.invalid(issues);
      const { customer, card_index } = body as { customer: string; card_index: number };
      if (!state.customers.get(customer)) return reply.notFound("customer");
      return reply.ok(state.cards.add(customer, testCard(card_index, state.now())));
    },
  },
];
