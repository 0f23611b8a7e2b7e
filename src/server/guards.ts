import { HANDLER_ERROR_CODES as CODES, isJsonContentType, MAX_BODY_BYTES } from "../core/envelope";
import type { BillingPortalError } from "../core/error";
import { isDocumentId } from "../core/billing";
import { DOCUMENT_IDS_PARAM, MAX_DOCUMENT_IDS, type ProtocolMethod } from "../core/protocol";
import { problem, tooLarge } from "./http";

/**
 * The checks a request passes before anyone is identified, in the order
 * docs/protocol.md gives ("Checks, in order"), as pure functions: each answers
 * the error to send, or `undefined` when the request passes it.
 */

/** Check 2: a method of the route (`allow` lists them). */
export function methodError(method: string, allow: readonly ProtocolMethod[]): BillingPortalError | undefined {
  if ((allow as readonly string[]).includes(method)) return undefined;
  return problem(405, CODES.methodNotAllowed, `Use ${allow.join(" or ")}, not ${method}`);
}

/** Check 3: every path parameter shaped like its id. */
export function idError(invalid: string | undefined): BillingPortalError | undefined {
  if (invalid === undefined) return undefined;
  const what = { paymentMethodId: "card", setupSessionId: "setup session", documentId: "document" }[invalid] ?? "customer";
  return problem(400, CODES.invalidId, `That is not a ${what} id`);
}

/**
 * Check 3 of `GET /customers/me/documents?ids=…` (its ids are in the query, not the
 * path): at least one, at most `MAX_DOCUMENT_IDS` once duplicates are folded, each
 * shaped like a document id. The same `INVALID_ID` as the single document's route.
 */
export function documentIdsError(documentIds: readonly string[] | undefined): BillingPortalError | undefined {
  if (!documentIds) return problem(400, CODES.invalidId, `Name the documents: ?${DOCUMENT_IDS_PARAM}=doc_…,doc_…`);
  if (documentIds.length > MAX_DOCUMENT_IDS) {
    return problem(400, CODES.invalidId, `Ask for at most ${MAX_DOCUMENT_IDS} documents at once, not ${documentIds.length}`);
  }
  return documentIds.every(isDocumentId) ? undefined : idError("documentId");
}

/**
 * Check 4 (POST): the `Origin` is the request's own or an allowed one, when the
 * merchant restricts origins. Without `Origin`, a cross-site fetch is refused.
 */
export function originError(request: Request, ownOrigin: string, allowedOrigins: ReadonlySet<string> | undefined): BillingPortalError | undefined {
  if (!allowedOrigins) return undefined;
  const origin = request.headers.get("origin");
  const allowed =
    origin === null ? request.headers.get("sec-fetch-site") !== "cross-site" : origin === ownOrigin || allowedOrigins.has(origin);
  return allowed ? undefined : problem(403, CODES.forbiddenOrigin, "Requests from this origin are not allowed");
}

/** Check 5 (POST): the body is declared as JSON. Also the CSRF defence: a plain form cannot send it. */
export function contentTypeError(request: Request): BillingPortalError | undefined {
  if (isJsonContentType(request.headers.get("content-type"))) return undefined;
  return problem(415, CODES.unsupportedMediaType, "Send the body as JSON with Content-Type: application/json");
}

/** Check 6 (POST): a declared `Content-Length` within the limit, before a byte is read. */
export function declaredSizeError(request: Request, limit = MAX_BODY_BYTES): BillingPortalError | undefined {
  return Number(request.headers.get("content-length")) > limit ? tooLarge(limit) : undefined;
}

/** Checks 2 to 6 in order: the first error, if any. `documentIds` are the ids the batch of documents names in its query (check 3 too). */
export function firstGuardError(
  request: Request,
  method: string,
  context: {
    allow: readonly ProtocolMethod[];
    invalidParameter: string | undefined;
    /** Only for `GET /customers/me/documents`: the ids its query names (`undefined` for none). */
    documentIds?: { named: readonly string[] | undefined };
    ownOrigin: string;
    allowedOrigins: ReadonlySet<string> | undefined;
  },
): BillingPortalError | undefined {
  return (
    methodError(method, context.allow) ??
    idError(context.invalidParameter) ??
    (context.documentIds ? documentIdsError(context.documentIds.named) : undefined) ??
    (method === "POST"
      ? (originError(request, context.ownOrigin, context.allowedOrigins) ?? contentTypeError(request) ?? declaredSizeError(request))
      : undefined)
  );
}
