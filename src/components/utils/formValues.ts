import type { CreateDefaults } from "../../core/client";
import type { CreateCustomerInput, Customer, Locale, UpdateCustomerInput } from "../../core/customer";
import { isLocale } from "../../core/locale";

/** What the inputs of `CustomerForm` hold: strings as typed (`phone` is E.164 once it is a valid number). */
export interface CustomerFormValues {
  name: string;
  email: string;
  phone: string;
  locale: Locale;
  taxId: string;
}

export const FORM_FIELDS = ["name", "email", "phone", "locale", "taxId"] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export function isFormField(value: unknown): value is FormField {
  return typeof value === "string" && (FORM_FIELDS as readonly string[]).includes(value);
}

/**
 * The form's starting values: the customer's, or for a create the name and
 * email the server would fill in (`defaults`, when known) and the UI's locale.
 */
export function valuesFromCustomer(customer: Customer | undefined, uiLocale: Locale, defaults?: CreateDefaults): CustomerFormValues {
  return {
    name: customer?.name ?? defaults?.name ?? "",
    email: customer?.email ?? defaults?.email ?? "",
    phone: customer?.phone ?? "",
    locale: customer && isLocale(customer.locale) ? customer.locale : uiLocale,
    taxId: customer?.taxId ?? "",
  };
}

/** What a create sends: empty optional fields are left out (the schema trims the rest). */
export function createInputFrom(values: CustomerFormValues): CreateCustomerInput {
  const input: CreateCustomerInput = { name: values.name, locale: values.locale };
  if (values.email.trim()) input.email = values.email;
  if (values.phone.trim()) input.phone = values.phone.trim();
  if (values.taxId.trim()) input.taxId = values.taxId;
  return input;
}

export interface Patch {
  /** Only the fields whose value differs from the customer's. */
  patch: UpdateCustomerInput;
  /** Fields the person emptied although the customer has a value: the protocol cannot clear them. */
  cleared: FormField[];
}

/** What an edit sends: only the fields that changed (Ching's update has patch semantics). */
export function patchFrom(customer: Customer, values: CustomerFormValues): Patch {
  const patch: UpdateCustomerInput = {};
  const cleared: FormField[] = [];
  if (values.name.trim() !== customer.name) patch.name = values.name;
  if (values.locale !== customer.locale) patch.locale = values.locale;
  for (const field of ["email", "phone", "taxId"] as const) {
    const next = values[field].trim();
    const current = customer[field] ?? "";
    if (next === current) continue;
    if (next === "") cleared.push(field);
    else patch[field] = next;
  }
  return { patch, cleared };
}
