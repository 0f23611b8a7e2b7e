import * as z from "zod/mini";

/**
 * Shapes of a Ching customer and of what a browser may send to create or
 * update one. Browser code imports `zod/mini` (about 5 kB gzipped, against
 * about 25 kB for the classic `zod` import); the server handler checks every
 * request again with these same schemas.
 */

import { E164_PATTERN } from "./e164";
import { locales, type Locale } from "./locales";

export { locales, type Locale };

/**
 * A Ching customer id: `cus_` plus characters from `A-Z a-z 0-9 _ -`. Ching
 * makes 12 today; 8 to 64 are accepted, so a longer id Ching may make one day
 * does not lock its customer out for good.
 */
export const CUSTOMER_ID_PATTERN = /^cus_[A-Za-z0-9_-]{8,64}$/;

/** True when `value` is shaped like a Ching customer id. */
export function isCustomerId(value: unknown): value is string {
  return typeof value === "string" && CUSTOMER_ID_PATTERN.test(value);
}

const NAME_MAX = 200;
const EMAIL_MAX = 254;
const TAX_ID_MAX = 64;
const METADATA_MAX_KEYS = 50;
const METADATA_KEY_MAX = 40;
const METADATA_VALUE_MAX = 500;

/** A customer exactly as Ching returns it. */
export const customerSchema = z.object({
  id: z.string(),
  object: z.literal("customer"),
  name: z.string(),
  email: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  locale: z.string(),
  taxId: z.nullable(z.string()),
  metadata: z.record(z.string(), z.unknown()),
  default_payment_method: z.nullable(z.string()),
  livemode: z.boolean(),
  created: z.string(),
});

/** A Ching customer. */
export type Customer = z.infer<typeof customerSchema>;

/**
 * Control characters (NUL, CR, LF, …) and bidi overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069): a name is printed on receipts and shown in right-to-left pages,
 * where an override turns "Tal" into text that reads as something else.
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE_NAME_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const name = z.string().check(
  z.trim(),
  z.minLength(1, "Name is required"),
  z.maxLength(NAME_MAX, `Name must be at most ${NAME_MAX} characters`),
  z.refine((value) => !UNSAFE_NAME_CHARACTERS.test(value), {
    message: "Name must not contain control or text-direction characters",
    params: { reason: "unsafe_characters" },
  }),
);

const email = z.string().check(
  z.trim(),
  z.maxLength(EMAIL_MAX, `Email must be at most ${EMAIL_MAX} characters`),
  z.email("Enter a valid email address"),
);

const phone = z.string().check(
  z.trim(),
  z.regex(E164_PATTERN, "Phone must be in international E.164 form, like +972501234567"),
);

const locale = z.enum(locales, "Locale must be he or en");

const taxId = z.string().check(
  z.trim(),
  z.minLength(1, "Tax id must not be blank"),
  z.maxLength(TAX_ID_MAX, `Tax id must be at most ${TAX_ID_MAX} characters`),
);

const metadataValue = z.union([
  z.string().check(z.maxLength(METADATA_VALUE_MAX, `Metadata values must be at most ${METADATA_VALUE_MAX} characters`)),
  z.number(),
  z.boolean(),
  z.null(),
]);

const metadata = z.record(
  z.string().check(
    z.minLength(1, "Metadata keys must not be empty"),
    z.maxLength(METADATA_KEY_MAX, `Metadata keys must be at most ${METADATA_KEY_MAX} characters`),
  ),
  metadataValue,
).check(
  z.refine((value) => Object.keys(value).length <= METADATA_MAX_KEYS, `Metadata holds at most ${METADATA_MAX_KEYS} keys`),
);

const inputShape = {
  name,
  email: z.optional(email),
  phone: z.optional(phone),
  locale: z.optional(locale),
  taxId: z.optional(taxId),
  metadata: z.optional(metadata),
};

/** What creates a customer: `name` is required, everything else optional. */
export const createCustomerSchema = z.object(inputShape);
export type CreateCustomerInput = z.input<typeof createCustomerSchema>;

/** What updates a customer (patch semantics): every field optional. */
export const updateCustomerSchema = z.partial(z.object(inputShape));
export type UpdateCustomerInput = z.input<typeof updateCustomerSchema>;

/** Metadata values a customer may carry. */
export type CustomerMetadata = NonNullable<CreateCustomerInput["metadata"]>;
