import { isRecord } from "./envelope";
import type { BillingPortalErrorCode } from "./errorCodes";

/**
 * The one error class every hook, client call and handler answer turns into.
 * It is built from every variant of Ching's error envelope (issue paths as
 * arrays or dotted strings, no issues at all, a Hebrew message), from answers
 * that are not JSON, from network failures and from timeouts.
 */

/** One problem with one field of a request. `path` is always an array. */
export interface BillingPortalIssue {
  path: string[];
  message: string;
}

export interface BillingPortalErrorInit {
  status: number;
  code: BillingPortalErrorCode;
  message: string;
  issues?: BillingPortalIssue[];
  cause?: unknown;
}

// The codes this library itself produces are listed in ./errorCodes; Ching's own codes
// pass through as they are.

export class BillingPortalError extends Error {
  override readonly name = "BillingPortalError";
  // `declare`: assigned in the constructor, so no field initialisers are emitted.
  /** The HTTP status; `0` when no answer came (network failure or timeout). */
  declare readonly status: number;
  /** A code to branch on, such as `EMAIL_EXISTS`, `NOT_FOUND` or `NETWORK_ERROR`. Treat it as opaque. */
  declare readonly code: BillingPortalErrorCode;
  /** Field problems of a validation error; empty otherwise. */
  declare readonly issues: BillingPortalIssue[];

  constructor(init: BillingPortalErrorInit) {
    super(init.message, { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
  }
}

export function isBillingPortalError(value: unknown): value is BillingPortalError {
  return value instanceof BillingPortalError;
}


/** A non-empty string, else `undefined`. */
export const text = (value: unknown): string | undefined => (typeof value === "string" && value ? value : undefined);

/**
 * Issues as the envelope gave them, with `path` always an array: Ching
 * documents an array of keys; other material shows a plain (dotted) string.
 */
export function normalizeIssues(issues: unknown): BillingPortalIssue[] {
  if (!Array.isArray(issues)) return [];
  return issues.filter(isRecord).map(({ path, message }) => ({
    path: Array.isArray(path) ? path.map(String) : (text(path)?.split(".") ?? []),
    message: text(message) ?? "",
  }));
}

/**
 * Builds the error for an answer whose body did not say `success: true`.
 * `body` is the parsed JSON, or `undefined` when the answer was not JSON.
 * (Kept small: it is in every merchant's hooks bundle.)
 */
export function errorFromResponse(status: number, body: unknown): BillingPortalError {
  // Parsed JSON: reading a property of a string, a number or a boolean is harmless.
  const error = (body as { error?: unknown } | null | undefined)?.error;
  const detail: Record<string, unknown> | undefined = isRecord(error) ? error : text(error) ? { message: error } : undefined;
  return new BillingPortalError({
    status,
    code: text(detail?.code) ?? (detail ? `HTTP_${status}` : "INVALID_RESPONSE"),
    message:
      text(detail?.message) ??
      `Unexpected answer (HTTP ${status}${body === undefined ? ", not JSON" : ""})`,
    issues: normalizeIssues(detail?.issues),
  });
}

export function networkError(cause: unknown): BillingPortalError {
  return new BillingPortalError({
    status: 0,
    code: "NETWORK_ERROR",
    message: "Network error",
    cause,
  });
}

export function timeoutError(timeoutMs: number): BillingPortalError {
  return new BillingPortalError({
    status: 0,
    code: "TIMEOUT",
    message: `No answer within ${timeoutMs} ms`,
  });
}
