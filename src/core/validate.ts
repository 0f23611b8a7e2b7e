import type { BillingPortalIssue } from "./error";

/** The least of a zod (mini or classic) schema that validation needs. */
export interface SafeParser<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; code: string }> } };
}

/** One schema problem with zod's issue code (`too_big`, `invalid_format`, …), for callers that word it themselves. */
export interface SchemaIssue extends BillingPortalIssue {
  code: string;
}

export type Checked<T> = { ok: true; data: T } | { ok: false; issues: SchemaIssue[] };
export type Validation<T> = { ok: true; data: T } | { ok: false; issues: BillingPortalIssue[] };

/** Runs a schema; its problems keep their codes (the form turns them into catalog keys). */
export function check<T>(schema: SafeParser<T>, value: unknown): Checked<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    issues: result.error.issues.map(({ path, message, code }) => ({ path: path.map(String), message, code })),
  };
}

/** Runs a schema and answers its problems in the envelope's `issues` shape. */
export function validate<T>(schema: SafeParser<T>, value: unknown): Validation<T> {
  const checked = check(schema, value);
  return checked.ok ? checked : { ok: false, issues: checked.issues.map(({ path, message }) => ({ path, message })) };
}
