import type { BillingPortalIssue } from "./error";

/** The least of a zod (mini or classic) schema that validation needs. */
interface SafeParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

export type Validation<T> = { ok: true; data: T } | { ok: false; issues: BillingPortalIssue[] };

/** Runs a schema and answers its problems in the envelope's `issues` shape. */
export function validate<T>(schema: SafeParser<T>, value: unknown): Validation<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map((part) => String(part)),
      message: issue.message,
    })),
  };
}
