import type { CreateCustomerInput, Customer, UpdateCustomerInput } from "../core/customer";
import type { ErrorDetail } from "../core/envelope";

/** Ching's answer to an email another customer has; the mock endpoint passes it on as the handler does. */
export const EMAIL_EXISTS = {
  status: 409,
  code: "EMAIL_EXISTS",
  message: "A customer with this email already exists",
  issues: [{ path: ["email"], message: "A customer with this email already exists" }],
} as const satisfies ErrorDetail;

/** Whether a customer of `store` other than `exceptId` already has this email (both mocks refuse it). */
export function emailTaken(store: CustomerStore, email: string | undefined, exceptId?: string): boolean {
  return email !== undefined && store.findByEmail(email, exceptId) !== undefined;
}

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/** A Ching-shaped id: the prefix plus 12 URL-safe characters. */
export function generateId(prefix: string): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let id = prefix;
  for (const byte of bytes) id += ID_ALPHABET[byte & 63];
  return id;
}

/** Seed data: a whole customer, or what a create takes (with an optional fixed id). */
export type CustomerSeed = Customer | (CreateCustomerInput & { id?: string; created?: string });

/**
 * The in-memory customers behind both test doubles: the mock Ching and the
 * mock merchant endpoint. It stores what it is given; callers validate first.
 */
export class CustomerStore {
  #customers = new Map<string, Customer>();
  #deleted = new Set<string>();
  #livemode: boolean;
  #now: () => Date;

  /** `now` stamps `created`, so a mock with a fake clock makes customers of that time. */
  constructor(options: { livemode?: boolean; seed?: CustomerSeed[]; now?: () => Date } = {}) {
    this.#livemode = options.livemode ?? false;
    this.#now = options.now ?? (() => new Date());
    for (const seed of options.seed ?? []) this.seed(seed);
  }

  seed(seed: CustomerSeed): Customer {
    const customer: Customer =
      "object" in seed
        ? { ...seed }
        : this.#build(seed, seed.id ?? generateId("cus_"), seed.created ?? this.#now().toISOString());
    this.#customers.set(customer.id, customer);
    return customer;
  }

  #build(input: CreateCustomerInput, id: string, created: string): Customer {
    return {
      id,
      object: "customer",
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      locale: input.locale ?? "he",
      taxId: input.taxId ?? null,
      metadata: { ...(input.metadata ?? {}) },
      default_payment_method: null,
      livemode: this.#livemode,
      created,
    };
  }

  create(input: CreateCustomerInput): Customer {
    const customer = this.#build(input, generateId("cus_"), this.#now().toISOString());
    this.#customers.set(customer.id, customer);
    return customer;
  }

  get(id: string): Customer | undefined {
    return this.#customers.get(id);
  }

  isDeleted(id: string): boolean {
    return this.#deleted.has(id);
  }

  /** Newest first; at most `limit` (Ching answers at most 100). */
  list(limit = 100): Customer[] {
    return [...this.#customers.values()].reverse().sort((a, b) => b.created.localeCompare(a.created)).slice(0, limit);
  }

  /** Patch semantics: what is left out stays. */
  update(id: string, patch: UpdateCustomerInput): Customer | undefined {
    const current = this.#customers.get(id);
    if (!current) return undefined;
    const next: Customer = { ...current };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.email !== undefined) next.email = patch.email;
    if (patch.phone !== undefined) next.phone = patch.phone;
    if (patch.locale !== undefined) next.locale = patch.locale;
    if (patch.taxId !== undefined) next.taxId = patch.taxId;
    if (patch.metadata !== undefined) next.metadata = { ...current.metadata, ...patch.metadata };
    this.#customers.set(id, next);
    return next;
  }

  /** Ching sets it itself (the first card saved, none after a detach of the default): no request can. */
  setDefaultPaymentMethod(id: string, paymentMethodId: string | null): void {
    const current = this.#customers.get(id);
    if (current) this.#customers.set(id, { ...current, default_payment_method: paymentMethodId });
  }

  delete(id: string): boolean {
    if (!this.#customers.delete(id)) return this.#deleted.has(id);
    this.#deleted.add(id);
    return true;
  }

  /** The customer (other than `exceptId`) that already has this email, compared case-insensitively. */
  findByEmail(email: string, exceptId?: string): Customer | undefined {
    const wanted = email.toLowerCase();
    return [...this.#customers.values()].find((c) => c.id !== exceptId && c.email?.toLowerCase() === wanted);
  }

  /** The newest customer whose `field` equals `value`. */
  findNewestBy(field: "email" | "taxId" | "phone", value: string): Customer | undefined {
    return this.list(Number.POSITIVE_INFINITY).find((c) =>
      field === "email" ? c.email?.toLowerCase() === value.toLowerCase() : c[field] === value,
    );
  }

  clear(): void {
    this.#customers.clear();
    this.#deleted.clear();
  }
}
