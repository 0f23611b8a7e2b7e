/**
 * Every error code this library itself emits: the handler's answers, the
 * browser client's failures and the Node adapter's refusals. Ching's own codes
 * (`EMAIL_EXISTS`, `charge_not_capturable`, …) pass through unchanged, so a
 * code is typed as one of these or any other string.
 */
export const ERROR_CODES = {
  // The handler (docs/protocol.md, "Checks, in order").
  unauthenticated: "UNAUTHENTICATED",
  forbidden: "FORBIDDEN",
  forbiddenOrigin: "FORBIDDEN_ORIGIN",
  notFound: "NOT_FOUND",
  methodNotAllowed: "METHOD_NOT_ALLOWED",
  invalidId: "INVALID_ID",
  invalidJson: "INVALID_JSON",
  invalidField: "INVALID_FIELD",
  payloadTooLarge: "PAYLOAD_TOO_LARGE",
  unsupportedMediaType: "UNSUPPORTED_MEDIA_TYPE",
  misconfigured: "MISCONFIGURED",
  internal: "INTERNAL_ERROR",
  upstreamUnavailable: "UPSTREAM_UNAVAILABLE",
  upstreamTimeout: "UPSTREAM_TIMEOUT",
  upstreamInvalidResponse: "UPSTREAM_INVALID_RESPONSE",
  /** A receipt Ching has not made a PDF of yet. */
  documentNotReady: "DOCUMENT_NOT_READY",
  // The Node adapter: a request Node could not turn into a `Request`.
  badRequest: "BAD_REQUEST",
  // The browser's client: no answer, no answer in time, an answer that is not the envelope.
  network: "NETWORK_ERROR",
  timeout: "TIMEOUT",
  invalidResponse: "INVALID_RESPONSE",
} as const;

/** The codes the handler answers with (Ching's own codes pass through unchanged). */
export const HANDLER_ERROR_CODES = {
  unauthenticated: ERROR_CODES.unauthenticated,
  forbidden: ERROR_CODES.forbidden,
  forbiddenOrigin: ERROR_CODES.forbiddenOrigin,
  notFound: ERROR_CODES.notFound,
  methodNotAllowed: ERROR_CODES.methodNotAllowed,
  invalidId: ERROR_CODES.invalidId,
  invalidJson: ERROR_CODES.invalidJson,
  invalidField: ERROR_CODES.invalidField,
  payloadTooLarge: ERROR_CODES.payloadTooLarge,
  unsupportedMediaType: ERROR_CODES.unsupportedMediaType,
  misconfigured: ERROR_CODES.misconfigured,
  internal: ERROR_CODES.internal,
  upstreamUnavailable: ERROR_CODES.upstreamUnavailable,
  upstreamTimeout: ERROR_CODES.upstreamTimeout,
  upstreamInvalidResponse: ERROR_CODES.upstreamInvalidResponse,
  documentNotReady: ERROR_CODES.documentNotReady,
} as const;

/** Codes of Ching's that a form shows at one field (the customer conflicts of ching-api.md). */
export const FIELD_CONFLICT_CODES = {
  EMAIL_EXISTS: "email",
  TAX_ID_EXISTS: "taxId",
  DUPLICATE_TAX_ID: "taxId",
  TAXID_EXISTS: "taxId",
} as const satisfies Record<string, string>;

/**
 * A code of `BillingPortalError`: one of `ERROR_CODES`, `HTTP_<status>` for an
 * error answer without a code, or any of Ching's own codes. Treat it as opaque.
 */
export type BillingPortalErrorCode =
  | (typeof ERROR_CODES)[keyof typeof ERROR_CODES]
  | "EMAIL_EXISTS"
  | `HTTP_${number}`
  | (string & {});
