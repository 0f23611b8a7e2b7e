/** The create-once logic on its own, without HTTP: Ching and the merchant's store are fakes. */
import { describe, expect, it, vi } from "vitest";
import type { CreateCustomerInput, Customer } from "../../src/core/customer";
import { BillingPortalError } from "../../src/core/error";
import { createOnce, USER_MARKER_KEY, type CreateOnceDependencies } from "../../src/server/createOnce";
import { createMemoryLock } from "../../src/server/lock";
import type { BillingPortalIdentity } from "../../src/server/options";

function customer(id: string, input: Partial<CreateCustomerInput> = {}): Customer {
  return {
    id, object: "customer", name: input.name ?? "Tal Levi", email: input.email ?? null, phone: null, locale: "he", taxId: null,
    metadata: { ...input.metadata }, default_payment_method: null, livemode: false, created: "2026-04-19T09:12:43.000Z",
  };
}

/** A fake Ching (newest first) and the create-once logic over it; `lock` may be shared, as Redis is between processes. */
function setup(overrides: Partial<CreateOnceDependencies> = {}, shared = { ching: [] as Customer[], lock: createMemoryLock() }) {
  let next = shared.ching.length;
  const ching = shared.ching;
  const make = async (input: CreateCustomerInput) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const made = customer(`cus_Created0000${String(next++).padStart(2, "0")}`, input);
    ching.unshift(made);
    return made;
  };
  const deps = {
    retrieve: vi.fn(async (id: string) => ching.find((c) => c.id === id) ?? null),
    findMarked: vi.fn(async (userId: string) => ching.find((c) => c.metadata[USER_MARKER_KEY] === userId) ?? null),
    input: vi.fn((identity: BillingPortalIdentity, body: unknown, userId: string) => ({
      ...(body as CreateCustomerInput),
      metadata: { [USER_MARKER_KEY]: userId },
    })),
    create: vi.fn(make),
    upsertByEmail: vi.fn(async (input: CreateCustomerInput) => {
      const found = ching.find((c) => c.email === input.email);
      if (!found) return make(input);
      found.metadata = { ...found.metadata, ...input.metadata };
      return found;
    }),
    store: vi.fn(async () => {}),
    lock: shared.lock,
    redact: (text: string) => text,
    ...overrides,
  } satisfies CreateOnceDependencies;
  return { deps, ching, create: createOnce(deps) };
}

const request = () => new Request("https://shop.example/api/billing/customers", { method: "POST" });
const alice: BillingPortalIdentity = { userId: "u1", customerId: null };

describe("createOnce", () => {
  it("answers the stored customer unchanged and creates nothing", async () => {
    const { deps, ching, create } = setup();
    ching.push(customer("cus_Stored000001"));
    const answer = await create({ userId: "u1", customerId: "cus_Stored000001" }, { name: "Someone else" }, request());
    expect(answer.id).toBe("cus_Stored000001");
    expect(deps.create).not.toHaveBeenCalled();
    expect(deps.input).not.toHaveBeenCalled();
  });

  it("creates again when the stored customer was deleted at Ching, marked with the user", async () => {
    const { deps, create } = setup();
    const answer = await create({ userId: "u1", customerId: "cus_Deleted00001" }, { name: "Tal" }, request());
    expect(answer.metadata).toEqual({ [USER_MARKER_KEY]: "u1" });
    expect(deps.create).toHaveBeenCalledTimes(1);
  });

  it("makes one create for concurrent requests of one user, and one per user", async () => {
    const { deps, create } = setup();
    const same = await Promise.all(Array.from({ length: 10 }, () => create(alice, { name: "Tal" }, request())));
    expect(new Set(same.map((c) => c.id)).size).toBe(1);
    const other = await create({ userId: "u2", customerId: null }, { name: "Dana" }, request());
    expect(other.id).not.toBe(same[0]!.id);
    expect(deps.create).toHaveBeenCalledTimes(2);
  });

  it("makes one create for one user across two processes sharing a lock", async () => {
    const shared = { ching: [] as Customer[], lock: createMemoryLock() };
    const one = setup({}, shared);
    const two = setup({}, shared);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).create(alice, { name: "Tal" }, request())));
    expect(new Set(answers.map((c) => c.id)).size).toBe(1);
    expect(vi.mocked(one.deps.create).mock.calls.length + vi.mocked(two.deps.create).mock.calls.length).toBe(1);
  });

  it("refuses bad input before anything is created", async () => {
    const invalid = new BillingPortalError({ status: 400, code: "INVALID_FIELD", message: "Some fields are invalid" });
    const { deps, create } = setup({ input: () => { throw invalid; } });
    await expect(create(alice, {}, request())).rejects.toBe(invalid);
    expect(deps.create).not.toHaveBeenCalled();
  });

  it("links the marked customer on the next try when storing it failed, instead of creating another", async () => {
    let fail = true;
    const { deps, create } = setup({
      store: vi.fn(async () => {
        if (fail) throw new Error("database down");
      }),
    });
    const failed = create(alice, { name: "Tal" }, request());
    await expect(failed).rejects.toMatchObject({ status: 500, code: "INTERNAL_ERROR" });
    await expect(failed).rejects.toThrow(/database down/);
    fail = false;
    const retried = await create(alice, { name: "Tal" }, request());
    expect(deps.create).toHaveBeenCalledTimes(1);
    expect(deps.store).toHaveBeenCalledTimes(2);
    expect(vi.mocked(deps.store).mock.calls[1]?.[0]).toMatchObject({ id: retried.id });
  });

  it("links the marked customer when Ching created it but its answer was lost", async () => {
    const { deps, ching, create } = setup();
    vi.mocked(deps.create).mockImplementationOnce(async (input: CreateCustomerInput) => {
      ching.unshift(customer("cus_Lost00000001", input));
      throw new BillingPortalError({ status: 504, code: "UPSTREAM_TIMEOUT", message: "The billing service did not answer in time" });
    });
    await expect(create(alice, { name: "Tal" }, request())).rejects.toMatchObject({ status: 504 });
    const retried = await create(alice, { name: "Tal" }, request());
    expect(retried.id).toBe("cus_Lost00000001");
    expect(deps.create).toHaveBeenCalledTimes(1);
  });

  it("never hands a customer to another account with the same email", async () => {
    const { deps, create } = setup();
    const victim = await create({ userId: "victim", customerId: null, email: "tal@example.com" }, { name: "Tal", phone: "+972501234567" }, request());
    const attacker = await create({ userId: "attacker", customerId: null, email: "TAL@example.com" }, { name: "x" }, request());
    expect(attacker.id).not.toBe(victim.id);
    expect(attacker.name).toBe("x");
    expect(deps.upsertByEmail).not.toHaveBeenCalled();
  });

  it("links an existing Ching customer by email only when identify says the email is verified", async () => {
    const { deps, ching, create } = setup();
    ching.push(customer("cus_Existing0001", { email: "tal@example.com" }));
    const linked = await create({ userId: "u1", customerId: null, email: "tal@example.com", emailVerified: true }, { name: "Tal", email: "tal@example.com" }, request());
    expect(linked.id).toBe("cus_Existing0001");
    expect(linked.metadata[USER_MARKER_KEY]).toBe("u1");
    expect(deps.upsertByEmail).toHaveBeenCalledTimes(1);
    expect(deps.create).not.toHaveBeenCalled();
  });

  it("merges on a numeric userId as on its string, and refuses an identity without one", async () => {
    const { deps, create } = setup();
    const a = await create({ userId: 42, customerId: null }, { name: "Tal" }, request());
    const b = await create({ userId: "42", customerId: null }, { name: "Tal" }, request());
    expect(b.id).toBe(a.id);
    expect(a.metadata[USER_MARKER_KEY]).toBe("42");
    await expect(create({ customerId: null } as never, { name: "Tal" }, request())).rejects.toMatchObject({ status: 500, code: "MISCONFIGURED" });
    expect(deps.create).toHaveBeenCalledTimes(1);
  });
});
