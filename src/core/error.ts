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
  code: string;
  message: string;
  issues?: BillingPortalIssue[];
  cause?: unknown;
}

/** Codes this library itself produces (Ching's own codes pass through as they are). */
export const ERROR_CODES = {
  network: "NETWORK_ERROR",
  timeout: "TIMEOUT",
  invalidResponse: "INVALID_RESPONSE",
} as const;

export class BillingPortalError extends Error {
  override readonly name = "BillingPortalError";
  /** The HTTP status; `0` when no answer came (network failure or timeout). */
  readonly status: number;
  /** A code to branch on, such as `EMAIL_EXISTS`, `NOT_FOUND` or `NETWORK_ERROR`. Treat it as opaque. */
  readonly code: string;
  /** Field problems of a validation error; empty otherwise. */
  readonly issues: BillingPortalIssue[];

  constructor(init: BillingPortalErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
  }

  /** A plain object for logs and JSON answers. */
  toJSON(): { status: number; code: string; message: string; issues: BillingPortalIssue[] } {
    return { status: this.status, code: this.code, message: this.message, issues: this.issues };
  }
}

export function isBillingPortalError(value: unknown): value is BillingPortalError {
  return value instanceof BillingPortalError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Ching documents `path` as an array of keys; other material shows a plain (dotted) string. */
export function normalizeIssuePath(path: unknown): string[] {
  if (Array.isArray(path)) return path.map((part) => String(part));
  if (typeof path === "number") return [String(path)];
  if (typeof path === "string") return path === "" ? [] : path.split(".");
  return [];
}

export function normalizeIssues(issues: unknown): BillingPortalIssue[] {
  if (!Array.isArray(issues)) return [];
  return issues.filter(isRecord).map((issue) => ({
    path: normalizeIssuePath(issue.path),
    message: typeof issue.message === "string" ? issue.message : "",
  }));
}

/**
 * Builds the error for an answer whose body did not say `success: true`.
 * `body` is the parsed JSON, or `undefined` when the answer was not JSON.
 */
export function errorFromResponse(status: number, body: unknown): BillingPortalError {
  if (isRecord(body)) {
    const error = body.error;
    if (isRecord(error)) {
      return new BillingPortalError({
        status: status || (typeof error.status === "number" ? error.status : 0),
        code: typeof error.code === "string" && error.code ? error.code : `HTTP_${status}`,
        message:
          typeof error.message === "string" && error.message
            ? error.message
            : `The request failed with HTTP ${status}`,
        issues: normalizeIssues(error.issues),
      });
    }
    if (typeof error === "string" && error) {
      return new BillingPortalError({ status, code: `HTTP_${status}`, message: error });
    }
  }
  return new BillingPortalError({
    status,
    code: ERROR_CODES.invalidResponse,
    message:
      body === undefined
        ? `The billing endpoint answered HTTP ${status} with a body that is not JSON`
        : `The billing endpoint answered HTTP ${status} without the { success, data } envelope`,
  });
}

export function networkError(cause: unknown): BillingPortalError {
  return new BillingPortalError({
    status: 0,
    code: ERROR_CODES.network,
    message: "Could not reach the billing endpoint",
    cause,
  });
}

export function timeoutError(timeoutMs: number): BillingPortalError {
  return new BillingPortalError({
    status: 0,
    code: ERROR_CODES.timeout,
    message: `The billing endpoint did not answer within ${timeoutMs} ms`,
  });
}
