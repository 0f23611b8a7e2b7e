/** The create-once logic on its own, without HTTP: Ching and the merchant's store are fakes. */
import { describe, expect, it, vi } from "vitest";
import type { CreateCustomerInput, Customer } from "../../src/core/customer";
import { BillingPortalError } from "../../src/core/error";
import { createOnce, RECENT_MS, type CreateOnceDependencies } from "../../src/server/createOnce";

function customer(id: string, name = "Tal Levi"): Customer {
  return {
    id, object: "customer", name, email: null, phone: null, locale: "he", taxId: null,
    metadata: {}, default_payment_method: null, livemode: false, created: "2026-04-19T09:12:43.000Z",
  };
}

function setup(overrides: Partial<CreateOnceDependencies> = {}) {
  let next = 0;
  const existing = new Map<string, Customer>();
  const deps = {
    retrieve: vi.fn(async (id: string) => existing.get(id) ?? null),
    input: vi.fn((_identity, body) => body as CreateCustomerInput),
    create: vi.fn(async (input: CreateCustomerInput) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return customer(`cus_Created00000${next++}`, input.name);
    }),
    store: vi.fn(async () => {}),
    redact: (text: string) => text,
    warn: vi.fn(),
    ...overrides,
  } satisfies CreateOnceDependencies;
  return { deps, existing, create: createOnce(deps) };
}

const request = () => new Request("https://shop.example/api/billing/customers", { method: "POST" });

describe("createOnce", () => {
  it("answers the stored customer unchanged and creates nothing", async () => {
    const { deps, existing, create } = setup();
    existing.set("cus_Stored000001", customer("cus_Stored000001"));
    const answer = await create({ userId: "u1", customerId: "cus_Stored000001" }, { name: "Someone else" }, request());
    expect(answer.id).toBe("cus_Stored000001");
    expect(deps.create).not.toHaveBeenCalled();
    expect(deps.input).not.toHaveBeenCalled();
  });

  it("creates again when the stored customer was deleted at Ching", async () => {
    const { deps, create } = setup();
    const answer = await create({ userId: "u1", customerId: "cus_Deleted00001" }, { name: "Tal" }, request());
    expect(answer.id).toMatch(/^cus_Created/);
    expect(deps.create).toHaveBeenCalledTimes(1);
  });

  it("makes one create for concurrent requests of one user, and one per user", async () => {
    const { deps, create } = setup();
    const same = await Promise.all(Array.from({ length: 10 }, () => create({ userId: "u1", customerId: null }, { name: "Tal" }, request())));
    expect(new Set(same.map((c) => c.id)).size).toBe(1);
    const other = await create({ userId: "u2", customerId: null }, { name: "Dana" }, request());
    expect(other.id).not.toBe(same[0]!.id);
    expect(deps.create).toHaveBeenCalledTimes(2);
    expect(deps.store).toHaveBeenCalledTimes(2);
  });

  it("refuses bad input before anything is created", async () => {
    const invalid = new BillingPortalError({ status: 400, code: "INVALID_FIELD", message: "Some fields are invalid" });
    const { deps, create } = setup({ input: () => { throw invalid; } });
    await expect(create({ userId: "u1", customerId: null }, {}, request())).rejects.toBe(invalid);
    expect(deps.create).not.toHaveBeenCalled();
  });

  it("keeps a customer whose storing failed, and stores it on the next try instead of creating another", async () => {
    let fail = true;
    const { deps, create } = setup({
      store: vi.fn(async () => {
        if (fail) throw new Error("database down");
      }),
    });
    const failed = create({ userId: "u1", customerId: null }, { name: "Tal" }, request());
    await expect(failed).rejects.toMatchObject({ status: 500, code: "INTERNAL_ERROR" });
    await expect(failed).rejects.toThrow(/database down/);
    fail = false;
    const retried = await create({ userId: "u1", customerId: null }, { name: "Tal" }, request());
    expect(deps.create).toHaveBeenCalledTimes(1);
    expect(deps.store).toHaveBeenCalledTimes(2);
    expect(retried.id).toMatch(/^cus_Created/);
  });

  it("forgets a stored customer after a while: identify knows it by then", async () => {
    let now = 0;
    const { deps, create } = setup({ now: () => now });
    await create({ userId: "u1", customerId: null }, { name: "Tal" }, request());
    await create({ userId: "u1", customerId: null }, { name: "Tal" }, request());
    expect(deps.create).toHaveBeenCalledTimes(1);
    now = RECENT_MS + 1;
    await create({ userId: "u1", customerId: null }, { name: "Tal" }, request());
    expect(deps.create).toHaveBeenCalledTimes(2);
  });
});
