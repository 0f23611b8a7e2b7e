import { describe, expect, it } from "vitest";
import {
  createCustomerSchema,
  customerSchema,
  isCustomerId,
  updateCustomerSchema,
} from "../../src/core/customer";
import { DOCS_CUSTOMER as docsCustomer } from "../fixtures";


describe("customerSchema", () => {
  it("accepts the customer exactly as Ching's docs show it", () => {
    expect(customerSchema.parse(docsCustomer)).toEqual(docsCustomer);
  });

  it.each(["email", "phone", "taxId", "default_payment_method"] as const)("accepts a null %s", (field) => {
    expect(customerSchema.safeParse({ ...docsCustomer, [field]: null }).success).toBe(true);
  });

  it.each([
    ["a missing name", { name: undefined }],
    ["another object type", { object: "payment_method" }],
    ["a string livemode", { livemode: "false" }],
    ["metadata that is not an object", { metadata: "x" }],
  ])("rejects %s", (_, patch) => {
    expect(customerSchema.safeParse({ ...docsCustomer, ...patch }).success).toBe(false);
  });
});

describe("createCustomerSchema", () => {
  it.each([
    ["a name alone", { name: "Tal Levi" }],
    ["every field", { name: "Tal Levi", email: "tal@example.com", phone: "+972501234567", locale: "en", taxId: "514999874", metadata: { plan: "pro", seats: 3, vip: true, note: null } }],
    ["a Hebrew name", { name: "טל לוי" }],
    ["a foreign E.164 number", { name: "Ann", phone: "+442079460958" }],
    ["a subdomain email", { name: "Ann", email: "ann@mail.example.co.il" }],
  ])("accepts %s", (_, input) => {
    expect(createCustomerSchema.safeParse(input).success).toBe(true);
  });

  it("trims the name, email and tax id", () => {
    expect(createCustomerSchema.parse({ name: "  Tal  ", email: " tal@example.com ", taxId: " 514999874 " })).toEqual({
      name: "Tal",
      email: "tal@example.com",
      taxId: "514999874",
    });
  });

  const rejections: Array<[string, Record<string, unknown>, string]> = [
    ["no name", {}, "name"],
    ["a blank name", { name: "   " }, "name"],
    ["a name over 200 characters", { name: "x".repeat(201) }, "name"],
    ["a name that is not a string", { name: 42 }, "name"],
    ["an email without @", { name: "Tal", email: "tal.example.com" }, "email"],
    ["an email without a domain", { name: "Tal", email: "tal@" }, "email"],
    ["an email with spaces inside", { name: "Tal", email: "tal levi@example.com" }, "email"],
    ["a national phone number", { name: "Tal", phone: "050-123-4567" }, "phone"],
    ["a phone with spaces", { name: "Tal", phone: "+972 50 123 4567" }, "phone"],
    ["a phone with a leading zero country code", { name: "Tal", phone: "+0501234567" }, "phone"],
    ["a phone over 15 digits", { name: "Tal", phone: "+9725012345678901" }, "phone"],
    ["a locale other than he or en", { name: "Tal", locale: "fr" }, "locale"],
    ["a blank tax id", { name: "Tal", taxId: "  " }, "taxId"],
    ["metadata with an object value", { name: "Tal", metadata: { nested: { a: 1 } } }, "metadata"],
    ["metadata with an empty key", { name: "Tal", metadata: { "": "x" } }, "metadata"],
    ["metadata with 51 keys", { name: "Tal", metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) }, "metadata"],
  ];

  it.each(rejections)("rejects %s, at that field", (_, input, field) => {
    const result = createCustomerSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });

  it("gives a message a person can act on", () => {
    const result = createCustomerSchema.safeParse({ name: "Tal", email: "nope" });
    expect(result.error?.issues[0]?.message).toBe("Enter a valid email address");
  });
});

describe("updateCustomerSchema", () => {
  it("accepts an empty patch and any single field", () => {
    expect(updateCustomerSchema.safeParse({}).success).toBe(true);
    expect(updateCustomerSchema.parse({ phone: "+972541234567" })).toEqual({ phone: "+972541234567" });
    expect(updateCustomerSchema.parse({ locale: "en" })).toEqual({ locale: "en" });
  });

  it("checks the fields it is given as create does", () => {
    expect(updateCustomerSchema.safeParse({ name: " " }).success).toBe(false);
    expect(updateCustomerSchema.safeParse({ email: "bad" }).success).toBe(false);
    expect(updateCustomerSchema.safeParse({ phone: "0501234567" }).success).toBe(false);
  });
});

describe("isCustomerId", () => {
  it.each(["cus_V8ltq1pK_MWH", "cus_------------", "cus_a-b_c-d_e-f_", "cus_V8ltq1pK_MWH1", `cus_${"a".repeat(64)}`, "cus_12345678"])(
    "accepts %s (Ching makes 12 characters; a longer id must not lock its customer out)",
    (id) => {
      expect(isCustomerId(id)).toBe(true);
    },
  );
  it.each(["cus_short", "cus_1234567", `cus_${"a".repeat(65)}`, "pm_WMc9X22NT1af", "cus_V8ltq1pK/MWH", "../admin", ""])("rejects %s", (id) => {
    expect(isCustomerId(id)).toBe(false);
  });
});

describe("names", () => {
  it.each([
    ["NUL", "Tal\u0000Levi"],
    ["CRLF", "Tal\r\nBcc: x"],
    ["a right-to-left override", "Tal\u202eiveL"],
    ["a left-to-right isolate", "\u2066Tal\u2069"],
  ])("refuses %s in a name, with a clear field error", (_, name) => {
    const result = createCustomerSchema.safeParse({ name });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["name"], message: "Name must not contain control or text-direction characters" });
    expect(updateCustomerSchema.safeParse({ name }).success).toBe(false);
  });

  it("keeps Hebrew, Arabic and names with marks", () => {
    for (const name of ["טל לוי", "سارة", "Zoë O'Brien-Núñez"]) expect(createCustomerSchema.safeParse({ name }).success).toBe(true);
  });
});
