/**
 * The merchant endpoint protocol (docs/protocol.md), written once: the route
 * table, the path builders the browser's client calls, and the pure
 * `matchRoute` the server handler routes with. The client, the hooks, the
 * handler and the mock endpoint (which is the handler) all use this module,
 * so a route cannot mean one thing in the browser and another on the server.
 */

export type ProtocolMethod = "GET" | "POST";

/** One request of the protocol: its name, method and path template (`:name` is a parameter). */
export interface RouteDefinition {
  readonly name: string;
  readonly method: ProtocolMethod;
  readonly path: string;
}

/** Every request of the protocol, relative to the endpoint. */
export const ROUTES = [
  { name: "listCustomers", method: "GET", path: "/customers" },
  { name: "createCustomer", method: "POST", path: "/customers" },
  { name: "getMe", method: "GET", path: "/customers/me" },
  { name: "updateMe", method: "POST", path: "/customers/me" },
  { name: "getCreateDefaults", method: "GET", path: "/customers/me/defaults" },
  { name: "getCustomer", method: "GET", path: "/customers/:customerId" },
  { name: "updateCustomer", method: "POST", path: "/customers/:customerId" },
  // The second wave: always the signed-in person's own customer, resolved on the server.
  { name: "listPaymentMethods", method: "GET", path: "/customers/me/payment_methods" },
  { name: "detachPaymentMethod", method: "POST", path: "/customers/me/payment_methods/:paymentMethodId/detach" },
  { name: "createSetupSession", method: "POST", path: "/customers/me/setup_sessions" },
  { name: "getSetupSession", method: "GET", path: "/customers/me/setup_sessions/:setupSessionId" },
  { name: "listCharges", method: "GET", path: "/customers/me/charges" },
  // `?ids=doc_a,doc_b,…` (at most MAX_DOCUMENT_IDS): a page of receipts in one request.
  { name: "getDocuments", method: "GET", path: "/customers/me/documents" },
  { name: "getDocument", method: "GET", path: "/customers/me/documents/:documentId" },
  { name: "getDocumentPdf", method: "GET", path: "/customers/me/documents/:documentId/pdf" },
  { name: "createPortalSession", method: "POST", path: "/customers/me/portal_sessions" },
] as const satisfies readonly RouteDefinition[];

export type RouteName = (typeof ROUTES)[number]["name"];

// The builders are separate constants and functions (not one object) so that a
// bundle keeps only the paths it calls: the hooks are in every first load.

/** `/customers`: the list (GET) and the create (POST). */
export const CUSTOMERS_PATH = "/customers";
/** `/customers/me`: the signed-in person's customer. */
export const ME_PATH = "/customers/me";
/** `/customers/:id`, the id encoded so that it cannot walk to another route. */
export const customerPath = (customerId: string): string => `${CUSTOMERS_PATH}/${encodeURIComponent(customerId)}`;

/** `/customers/me/defaults`: what a create would fill in from the person's account (`identify`). */
export const CREATE_DEFAULTS_PATH = "/customers/me/defaults";
// Plain literals, not templates over ME_PATH: bundlers keep a template they cannot prove pure.
const enc = encodeURIComponent;
/** `/customers/me/payment_methods`: the signed-in person's active saved cards. */
export const PAYMENT_METHODS_PATH = "/customers/me/payment_methods";
/** `/customers/me/payment_methods/:id/detach`. */
export const detachPaymentMethodPath = (paymentMethodId: string): string => `${PAYMENT_METHODS_PATH}/${enc(paymentMethodId)}/detach`;
/** `/customers/me/setup_sessions`: starts the hosted add-card page. */
export const SETUP_SESSIONS_PATH = "/customers/me/setup_sessions";
/** `/customers/me/setup_sessions/:id`. */
export const setupSessionPath = (setupSessionId: string): string => `${SETUP_SESSIONS_PATH}/${enc(setupSessionId)}`;
/** `/customers/me/charges`: the signed-in person's 100 newest charges. */
export const CHARGES_PATH = "/customers/me/charges";
/** `/customers/me/documents`: several of the person's documents at once (`?ids=`). */
export const DOCUMENTS_PATH = "/customers/me/documents";
/** The most documents one `GET /customers/me/documents?ids=…` may name. */
export const MAX_DOCUMENT_IDS = 25;
/** The query parameter naming them, comma-separated. */
export const DOCUMENT_IDS_PARAM = "ids";
/** `/customers/me/documents?ids=doc_a,doc_b`: the documents named, those of the person's charges. */
export const documentsPath = (documentIds: readonly string[]): string => `${DOCUMENTS_PATH}?${DOCUMENT_IDS_PARAM}=${documentIds.map(enc).join(",")}`;
/**
 * The ids a `GET /customers/me/documents` names, each once, in the order first named;
 * `undefined` when it names none (no `ids` parameter). Their shape and count are the
 * server's check 3 (an empty part, as in `ids=` or `ids=doc_a,`, is no document id).
 */
export function documentIdsOf(search: URLSearchParams): string[] | undefined {
  const named = search.getAll(DOCUMENT_IDS_PARAM);
  return named.length === 0 ? undefined : [...new Set(named.join(",").split(","))];
}
/** `/customers/me/documents/:id`: a tax document of one of the person's charges. */
export const documentPath = (documentId: string): string => `/customers/me/documents/${enc(documentId)}`;
/** `/customers/me/documents/:id/pdf`: redirects to the document's PDF. */
export const documentPdfPath = (documentId: string): string => `${documentPath(documentId)}/pdf`;
/** `/customers/me/portal_sessions`: a fresh link into Ching's hosted portal. */
export const PORTAL_SESSIONS_PATH = "/customers/me/portal_sessions";

/** The browser query parameters a return from the hosted add-card page carries. */
export const SETUP_RETURN_PARAM = "ching_setup";
export const SETUP_RETURN_ID_PARAM = "ching_setup_id";
/** Whether a query string may carry such a return (a cheap look before the URL is read in full). */
export const mayNameSetupReturn = (search: string): boolean => search.includes(SETUP_RETURN_PARAM);

/** What `matchRoute` found: a request of the protocol, a known path asked with another method, or nothing. */
export type RouteMatch =
  | { kind: "route"; name: RouteName; method: ProtocolMethod; params: Record<string, string>; allow: ProtocolMethod[] }
  | { kind: "method"; allow: ProtocolMethod[] };

type CompiledRoute = (typeof ROUTES)[number] & { segments: string[] };
let compiled: CompiledRoute[] | undefined;
/** The table split into segments, made on first use: a module-level `map()` would keep it in every browser bundle. */
const table = () => (compiled ??= ROUTES.map((route) => ({ ...route, segments: route.path.split("/").filter(Boolean) })));

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape is no id: the id check answers it.
    return "";
  }
}

/**
 * The route of `segments` (the path relative to the endpoint, split on `/`)
 * asked with `method`. A literal segment beats a parameter (`/customers/me`
 * is never the customer "me"); parameters come back decoded. `null` when the
 * path is none of the protocol's.
 *
 * @example
 * matchRoute("GET", ["customers", "me"]); // { kind: "route", name: "getMe", … }
 */
export function matchRoute(method: string, segments: readonly string[]): RouteMatch | null {
  let best: { literals: number; routes: CompiledRoute[] } | undefined;
  for (const route of table()) {
    if (route.segments.length !== segments.length) continue;
    let literals = 0;
    const fits = route.segments.every((part, at) => {
      if (part.startsWith(":")) return true;
      literals += 1;
      return part === segments[at];
    });
    if (!fits) continue;
    if (!best || literals > best.literals) best = { literals, routes: [route] };
    else if (literals === best.literals) best.routes.push(route);
  }
  if (!best) return null;
  const allow = best.routes.map((candidate) => candidate.method);
  const route = best.routes.find((candidate) => candidate.method === method);
  if (!route) return { kind: "method", allow };
  const params: Record<string, string> = {};
  route.segments.forEach((part, at) => {
    if (part.startsWith(":")) params[part.slice(1)] = decode(segments[at]!);
  });
  return { kind: "route", name: route.name, method: route.method, params, allow };
}
