import { errorEnvelope, successEnvelope } from "../core/envelope";
import { BillingPortalError, type BillingPortalIssue } from "../core/error";

/** The largest request body the handler reads: 16 KiB. */
export const MAX_BODY_BYTES = 16 * 1024;

/** The codes the handler itself answers with (Ching's own codes pass through unchanged). */
export const HANDLER_ERROR_CODES = {
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
} as const;

export function problem(status: number, code: string, message: string, issues?: BillingPortalIssue[], cause?: unknown): BillingPortalError {
  return new BillingPortalError({ status, code, message, issues, cause });
}

const JSON_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};

export function json(status: number, body: unknown, extra?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...extra } });
}

export function ok(data: unknown, extra?: Record<string, string>): Response {
  return json(200, successEnvelope(data), extra);
}

export function failure(error: BillingPortalError, extra?: Record<string, string>): Response {
  const { status, code, message, issues } = error;
  return json(status, errorEnvelope({ status, code, message, issues }), extra);
}

/** `application/json`, or any `+json` type, with or without parameters. */
export function isJsonContentType(value: string | null): boolean {
  const type = (value ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type);
}

/**
 * Reads a JSON body of at most `limit` bytes. A declared `Content-Length` over the limit is
 * refused before a byte is read; otherwise the stream is read chunk by chunk and cancelled
 * as soon as it passes the limit, so an endless body is never read to its end.
 */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const tooLarge = () => problem(413, HANDLER_ERROR_CODES.payloadTooLarge, `The request body is over ${limit} bytes`);
  const declared = Number(request.headers.get("content-length"));
  if (declared > limit) throw tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        void reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw problem(400, HANDLER_ERROR_CODES.invalidJson, "The request body is not valid JSON");
  }
}
