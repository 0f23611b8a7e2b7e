import { BillingPortalError } from "../../core/error";
import { FIELD_CONFLICT_CODES } from "../../core/errorCodes";
import type { AreaKey } from "../../core/messages";
import type { formMessages } from "../../core/messages/form";
import { isFormField, type FormField } from "./formValues";

/** A string of the form's area: every message a field or the form shows. */
export type FormMessageKey = AreaKey<typeof formMessages>;

/**
 * Schema failures become catalog keys, per field and per zod issue code, so a
 * Hebrew form never shows the schemas' English text.
 */
export function schemaErrorKey(field: FormField, code: string | undefined): FormMessageKey {
  switch (field) {
    case "name":
      if (code === "too_big") return "form.error.name.tooLong";
      // The schema's refine: control or text-direction characters (core/customer.ts).
      return code === "custom" ? "form.error.name.characters" : "form.error.name.required";
    case "email":
      return "form.error.email.invalid";
    case "phone":
      return "form.error.phone.invalid";
    case "taxId":
      return "form.error.taxId.invalid";
    default:
      return "form.error.invalid";
  }
}

/** The key a server `issue` on `field` shows: the server's own text may be in another language. */
function serverIssueKey(field: FormField): FormMessageKey {
  return field === "name" ? "form.error.invalid" : schemaErrorKey(field, undefined);
}

export interface ServerErrorPlacement {
  /** Errors that belong to one field. */
  fields: Partial<Record<FormField, FormMessageKey>>;
  /** An error for the form-level alert, when some of it belongs to no field. */
  form?: FormMessageKey;
}

/**
 * Where a failed save shows: `EMAIL_EXISTS` on the email field, a duplicate
 * tax id on the tax id field, validation `issues` on their fields, and
 * everything else in the form-level alert.
 */
export function placeServerError(error: unknown): ServerErrorPlacement {
  const fields: Partial<Record<FormField, FormMessageKey>> = {};
  let unplaced = false;
  if (!(error instanceof BillingPortalError)) return { fields, form: "form.error.generic" };

  // Ching's conflicts that belong to one field, from the one table of codes (core/errorCodes.ts).
  const field = FIELD_CONFLICT_CODES[error.code.toUpperCase() as keyof typeof FIELD_CONFLICT_CODES];
  if (field === "email") fields.email = "form.error.email.exists";
  else if (field === "taxId") fields.taxId = "form.error.taxId.exists";

  for (const issue of error.issues) {
    const field = issue.path[0];
    if (isFormField(field)) fields[field] ??= serverIssueKey(field);
    else unplaced = true;
  }

  if (Object.keys(fields).length === 0 || unplaced) {
    return { fields, form: error.status === 0 ? "form.error.network" : "form.error.generic" };
  }
  return { fields };
}
