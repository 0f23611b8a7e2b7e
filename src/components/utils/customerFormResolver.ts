import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldError, FieldErrors, Resolver, ResolverOptions } from "react-hook-form";
import {
  createCustomerSchema,
  updateCustomerSchema,
  type CreateCustomerInput,
  type Customer,
  type UpdateCustomerInput,
} from "../../core/customer";
import { toE164 } from "../../core/phone";
import { schemaErrorKey } from "./errorKeys";
import { createInputFrom, FORM_FIELDS, patchFrom, type CustomerFormValues } from "./formValues";

/** What a valid form hands its submit handler: a create input, or the patch of an edit (maybe empty). */
export type CustomerFormPayload = CreateCustomerInput | UpdateCustomerInput;

// zodResolver accepts zod 4 and its `zod/mini` flavour alike (it calls the schema's own `parseAsync`).
const createResolver = zodResolver(createCustomerSchema);
const updateResolver = zodResolver(updateCustomerSchema);

/**
 * The resolver of `CustomerForm`: it turns the typed values into what would be
 * sent (everything for a create, only the changed fields for an edit), checks
 * that with the shared schemas, and answers errors whose `message` is a
 * catalog key, rendered in whatever locale the UI has when it shows.
 *
 * @param getCustomer the customer being edited at the time of the check; `undefined` for a create.
 */
export function customerFormResolver(
  getCustomer: () => Customer | undefined,
): Resolver<CustomerFormValues, unknown, CustomerFormPayload> {
  return async (values, context, options) => {
    const customer = getCustomer();
    const errors: FieldErrors<CustomerFormValues> = {};
    let payload: CustomerFormPayload;
    let phone: string | undefined;
    let schemaErrors: Record<string, FieldError | undefined>;

    if (customer) {
      const { patch, cleared } = patchFrom(customer, values);
      phone = patch.phone;
      const result = await updateResolver(patch, context, options as unknown as ResolverOptions<UpdateCustomerInput>);
      schemaErrors = result.errors as Record<string, FieldError | undefined>;
      payload = result.values as UpdateCustomerInput;
      for (const field of cleared) errors[field] = { type: "cleared", message: "form.error.cannotClear" };
    } else {
      const input = createInputFrom(values);
      phone = input.phone;
      const result = await createResolver(input, context, options as unknown as ResolverOptions<CreateCustomerInput>);
      schemaErrors = result.errors as Record<string, FieldError | undefined>;
      payload = result.values as CreateCustomerInput;
    }

    for (const field of FORM_FIELDS) {
      const error = schemaErrors[field];
      if (error && !errors[field]) {
        errors[field] = { type: error.type, message: schemaErrorKey(field, error.type), ref: error.ref };
      }
    }
    // The schema checks the E.164 shape; libphonenumber-js also checks the length for the country.
    if (!errors.phone && phone !== undefined && toE164(phone) === undefined) {
      errors.phone = { type: "phone", message: schemaErrorKey("phone", "phone") };
    }
    if (Object.keys(errors).length > 0) return { values: {}, errors };
    return { values: payload, errors: {} };
  };
}
