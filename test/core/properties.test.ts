import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCustomerSchema, updateCustomerSchema } from "../../src/core/customer";
import { toE164 } from "../../src/core/phone";

const E164 = /^\+[1-9]\d{6,14}$/;

// Strings shaped like what people type into a phone field, plus anything at all.
const phoneLike = fc.oneof(
  fc.string(),
  fc.stringMatching(/^(\+|00)?[0-9 ()\-.]{0,20}$/),
  fc.constantFrom("050-123-4567", "+972 50-123-4567", "(050) 123 4567").map((s) => ` ${s} `),
);
const countries = fc.constantFrom("IL", "US", "GB", "FR", "DE", "IN", "BR", "JP", "AU", "ZA" as const);

describe("toE164 properties", () => {
  it("never throws, and every answer is E.164", () => {
    fc.assert(
      fc.property(phoneLike, countries, (input, country) => {
        const out = toE164(input, country);
        return out === undefined || E164.test(out);
      }),
      { numRuns: 2000 },
    );
  });

  it("is idempotent on its own output, whatever the default country", () => {
    fc.assert(
      fc.property(phoneLike, countries, countries, (input, first, second) => {
        const out = toE164(input, first);
        return out === undefined || toE164(out, second) === out;
      }),
      { numRuns: 2000 },
    );
  });
});

const metadata = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)),
  { maxKeys: 5 },
);
const anyInput = fc.record(
  {
    // Mostly valid values, so that many inputs pass and the property is exercised.
    name: fc.oneof({ arbitrary: fc.string({ minLength: 1 }).map((s) => `n${s}`), weight: 4 }, fc.string(), fc.constantFrom("טל לוי", "  Dana  ")),
    email: fc.oneof({ arbitrary: fc.emailAddress(), weight: 4 }, fc.string()),
    phone: fc.oneof({ arbitrary: fc.stringMatching(/^\+[1-9]\d{6,14}$/), weight: 4 }, fc.string()),
    locale: fc.constantFrom("he", "en", "he", "en", "fr"),
    taxId: fc.oneof({ arbitrary: fc.stringMatching(/^\d{9}$/), weight: 4 }, fc.string({ maxLength: 70 })),
    metadata,
  },
  { requiredKeys: [] },
);

describe("schema properties", () => {
  for (const [name, schema] of [
    ["createCustomerSchema", createCustomerSchema],
    ["updateCustomerSchema", updateCustomerSchema],
  ] as const) {
    it(`${name}: whatever it accepts survives a JSON round trip and is accepted again, unchanged`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(anyInput, (input) => {
          const first = schema.safeParse(input);
          if (!first.success) return true;
          accepted += 1;
          const again = schema.safeParse(JSON.parse(JSON.stringify(first.data)));
          expect(again.success).toBe(true);
          // Compared as JSON: JSON itself has no -0, and that is not the schema's to keep.
          expect(JSON.stringify(again.data)).toBe(JSON.stringify(first.data));
          return true;
        }),
        { numRuns: 1000 },
      );
      // The property is only worth something if the generator reaches valid inputs.
      expect(accepted).toBeGreaterThan(50);
    });
  }
});
