import { describe, expect, it } from "vitest";
import { customerSchema } from "../../src/core/customer";
import { compiled as compiledOf } from "../../src/core/compiledSchema";

const customer = {
  id: "cus_abcdefgh1234",
  object: "customer",
  name: "Tal Cohen",
  email: "tal@example.com",
  phone: "+972501234567",
  locale: "he",
  taxId: null,
  metadata: { ching_portal_user: "u1" },
  default_payment_method: null,
  livemode: false,
  created: "2026-01-01T00:00:00.000Z",
};

const compiled = compiledOf(customerSchema);
const issuesOf = (result: { success: boolean; error?: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; code: string }> } }) =>
  result.success ? [] : result.error!.issues.map(({ path, code }) => ({ path, code }));

describe("compiled (the server's check of Ching's answers, here a customer)", () => {
  it("accepts a customer as Ching sends it, unknown fields included", () => {
    expect(compiled.safeParse(customer).success).toBe(true);
    expect(compiled.safeParse({ ...customer, addedByChingLater: 1 }).success).toBe(true);
  });

  it.each([
    ["a number for a name", { ...customer, name: 5 }],
    ["another object", { ...customer, object: "charge" }],
    ["no email field", (({ email: _, ...rest }) => rest)(customer)],
    ["metadata that is a list", { ...customer, metadata: [] }],
    ["livemode as text", { ...customer, livemode: "false" }],
    ["several wrong fields", { ...customer, id: 1, created: null, phone: 972 }],
    ["not an object", "cus_abcdefgh1234"],
    ["null", null],
  ])("refuses %s exactly as zod/mini's schema does", (_, value) => {
    const compiledResult = compiled.safeParse(value);
    expect(compiledResult.success).toBe(false);
    expect(issuesOf(compiledResult)).toEqual(issuesOf(customerSchema.safeParse(value)));
  });
});
