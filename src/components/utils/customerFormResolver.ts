import type { FieldErrors, Resolver } from "react-hook-form";
import {
  createCustomerSchema,
  updateCustomerSchema,
  type CreateCustomerInput,
  type Customer,
  type UpdateCustomerInput,
} from "../../core/customer";
import { toE164 } from "../../core/phone";
import { check, type SafeParser } from "../../core/validate";
import { schemaErrorKey } from "./errorKeys";
import { createInputFrom, FORM_FIELDS, patchFrom, type CustomerFormValues } from "./formValues";

/** What a valid form hands its submit handler: a create input, or the patch of an edit (maybe empty). */
export type CustomerFormPayload =
  | { kind: "create"; input: CreateCustomerInput }
  | { kind: "update"; customerId: string; patch: UpdateCustomerInput };

/** The first schema problem of each field, by zod issue code. */
function firstCodes<T>(schema: SafeParser<T>, value: unknown): { data?: T; codes: Record<string, string> } {
  const checked = check(schema, value);
  if (checked.ok) return { data: checked.data, codes: {} };
  const codes: Record<string, string> = {};
  for (const issue of checked.issues) codes[issue.path[0] ?? ""] ??= issue.code;
  return { codes };
}

/**
 * The resolver of `CustomerForm`: it turns the typed values into what would be
 * sent (everything for a create, only the changed fields for an edit), checks
 * that with the shared schemas, and answers errors whose `message` is a
 * catalog key, rendered in whatever locale the UI has when it shows.
 *
 * @param customer the customer being edited; `undefined` for a create.
 */
export function customerFormResolver(
  customer: Customer | undefined,
): Resolver<CustomerFormValues, unknown, CustomerFormPayload> {
  return async (values) => {
    const errors: FieldErrors<CustomerFormValues> = {};
    let payload: CustomerFormPayload | undefined;
    let codes: Record<string, string>;
    let phone: string | undefined;

    if (customer) {
      const { patch, cleared } = patchFrom(customer, values);
      phone = patch.phone;
      const result = firstCodes<UpdateCustomerInput>(updateCustomerSchema, patch);
      codes = result.codes;
      if (result.data) payload = { kind: "update", customerId: customer.id, patch: result.data };
      for (const field of cleared) errors[field] = { type: "cleared", message: "form.error.cannotClear" };
    } else {
      const input = createInputFrom(values);
      phone = input.phone;
      const result = firstCodes<CreateCustomerInput>(createCustomerSchema, input);
      codes = result.codes;
      if (result.data) payload = { kind: "create", input: result.data };
    }

    for (const field of FORM_FIELDS) {
      const code = codes[field];
      if (code && !errors[field]) errors[field] = { type: code, message: schemaErrorKey(field, code) };
    }
    // The schema checks the E.164 shape; libphonenumber-js also checks the length for the country.
    if (!errors.phone && phone !== undefined && toE164(phone) === undefined) {
      errors.phone = { type: "phone", message: schemaErrorKey("phone", "phone") };
    }
    if (Object.keys(errors).length > 0 || !payload) return { values: {}, errors };
    return { values: payload, errors: {} };
  };
}
