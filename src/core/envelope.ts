import type { BillingPortalIssue } from "./error";

/** The body of a successful answer, the same envelope as Ching's. */
export interface SuccessEnvelope<T> {
  success: true;
  data: T;
}

export interface ErrorDetail {
  status: number;
  code: string;
  message: string;
  issues?: BillingPortalIssue[];
}

/** The body of a failed answer: `error.status` repeats the HTTP status. */
export interface ErrorEnvelope {
  success: false;
  error: ErrorDetail;
}

export function successEnvelope<T>(data: T): SuccessEnvelope<T> {
  return { success: true, data };
}

export function errorEnvelope(detail: ErrorDetail): ErrorEnvelope {
  const { status, code, message, issues } = detail;
  return { success: false, error: issues && issues.length > 0 ? { status, code, message, issues } : { status, code, message } };
}

/** A JSON object: not `null`, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The largest request body the handler reads: 16 KiB. */
export const MAX_BODY_BYTES = 16 * 1024;

export { HANDLER_ERROR_CODES } from "./errorCodes";

/** `application/json`, or any `+json` type, with or without parameters. */
export function isJsonContentType(value: string | null): boolean {
  const type = (value ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type);
}
