import { isDocumentId, isPaymentMethodId, isSetupSessionId } from "../core/billing";
import { isCustomerId } from "../core/customer";
import { HANDLER_ERROR_CODES as CODES } from "../core/envelope";
import type { BillingPortalError } from "../core/error";
import { DOCUMENT_IDS_PARAM, MAX_DOCUMENT_IDS, matchRoute, type RouteMatch } from "../core/protocol";
import { problem } from "./http";

/**
 * Routing, pure: from a request's path to a route of the protocol
 * (src/core/protocol.ts). No I/O, so it is tested without HTTP.
 */

/**
 * The path relative to the endpoint, as segments; `null` when the path is not
 * under `basePath`. Without a `basePath`, the protocol's paths are found by how
 * the path ends (from its last `customers` segment on).
 */
export function endpointSegments(pathname: string, basePath: string | undefined): string[] | null {
  if (basePath !== undefined) {
    if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return null;
    return pathname.slice(basePath.length).split("/").filter(Boolean);
  }
  const all = pathname.split("/").filter(Boolean);
  const at = all.lastIndexOf("customers");
  return at === -1 ? [] : all.slice(at);
}

/** The route a request asks for, or `null` when its path is none of the protocol's. */
export function routeOf(method: string, pathname: string, basePath: string | undefined): RouteMatch | null {
  const segments = endpointSegments(pathname, basePath);
  return segments ? matchRoute(method, segments) : null;
}

/** How each path parameter of the protocol must look (check 3 of docs/protocol.md). */
const PARAMETER_CHECKS: Record<string, (value: string) => boolean> = {
  customerId: isCustomerId,
  paymentMethodId: isPaymentMethodId,
  setupSessionId: isSetupSessionId,
  documentId: isDocumentId,
};

/** The first parameter that is not shaped like its id, if any. */
export function invalidParameter(params: Record<string, string>): string | undefined {
  return Object.keys(params).find((name) => !(PARAMETER_CHECKS[name] ?? (() => false))(params[name]!));
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
  return documentIds.every(isDocumentId) ? undefined : problem(400, CODES.invalidId, "That is not a document id");
}
