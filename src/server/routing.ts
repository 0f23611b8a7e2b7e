import { isDocumentId, isPaymentMethodId, isSetupSessionId } from "../core/billing";
import { isCustomerId } from "../core/customer";
import { matchRoute, type RouteMatch } from "../core/protocol";

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
