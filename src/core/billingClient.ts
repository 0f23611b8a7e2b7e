import type { BillingDocument, Charge, PaymentMethod, SetupSessionStatus } from "./billing";
import { callEndpoint, type EndpointConfig, type RequestOptions } from "./client";
import {
  CHARGES_PATH,
  detachPaymentMethodPath,
  documentPath,
  documentPdfPath,
  documentsPath,
  MAX_DOCUMENT_IDS,
  PAYMENT_METHODS_PATH,
  PORTAL_SESSIONS_PATH,
  setupSessionPath,
  SETUP_SESSIONS_PATH,
} from "./protocol";

/**
 * The second wave's requests of the protocol (docs/protocol.md), one function
 * each, like ./client.ts: saved cards, the hosted add-card page, charges and
 * receipts, and the hosted portal. Each is about the signed-in person's own
 * customer; the browser never names a customer.
 */

/** Where a hosted page sends the person back: a path or URL of this site (the server refuses any other). */
export interface ReturnUrlInput {
  returnUrl?: string;
}

/** A started setup session: the hosted add-card page to go to. */
export interface StartedSetupSession {
  id: string;
  url: string;
  expires_at: string;
}

/** Where a setup session stands, and the card it saved once it succeeded. */
export interface SetupSessionState {
  id: string;
  status: SetupSessionStatus;
  payment_method: string | null;
}

/** A fresh link into Ching's hosted portal; short-lived, so make one per visit. */
export interface StartedPortalSession {
  url: string;
  expires_at: string;
}

/** `GET /customers/me/payment_methods`: the active saved cards, the default first. */
export const listPaymentMethods = (config: EndpointConfig, options?: RequestOptions): Promise<PaymentMethod[]> =>
  callEndpoint(config, "GET", PAYMENT_METHODS_PATH, undefined, options);

/** `POST /customers/me/payment_methods/:id/detach`: removes a saved card; never retried. */
export const detachPaymentMethod = (config: EndpointConfig, paymentMethodId: string, options?: RequestOptions): Promise<PaymentMethod> =>
  callEndpoint(config, "POST", detachPaymentMethodPath(paymentMethodId), {}, options);

/** `POST /customers/me/setup_sessions`: starts Ching's hosted add-card page. */
export const createSetupSession = (config: EndpointConfig, input: ReturnUrlInput = {}, options?: RequestOptions): Promise<StartedSetupSession> =>
  callEndpoint(config, "POST", SETUP_SESSIONS_PATH, input, options);

/** `GET /customers/me/setup_sessions/:id`: polls a setup session after the person came back. */
export const getSetupSession = (config: EndpointConfig, setupSessionId: string, options?: RequestOptions): Promise<SetupSessionState> =>
  callEndpoint(config, "GET", setupSessionPath(setupSessionId), undefined, options);

/** `GET /customers/me/charges`: the 100 newest charges. */
export const listCharges = (config: EndpointConfig, options?: RequestOptions): Promise<Charge[]> =>
  callEndpoint(config, "GET", CHARGES_PATH, undefined, options);

/** `GET /customers/me/documents/:id`: a tax document of one of the person's charges. */
export const getDocument = (config: EndpointConfig, documentId: string, options?: RequestOptions): Promise<BillingDocument> =>
  callEndpoint(config, "GET", documentPath(documentId), undefined, options);

/**
 * `GET /customers/me/documents?ids=…`: the named documents of the person's charges, in
 * one request per 25 ids (duplicates asked once; none for no ids). A document that is not
 * theirs, or missing, is simply not in the answer.
 */
export async function getDocuments(config: EndpointConfig, documentIds: readonly string[], options?: RequestOptions): Promise<BillingDocument[]> {
  const ids = [...new Set(documentIds)];
  const requests: Array<Promise<BillingDocument[]>> = [];
  for (let at = 0; at < ids.length; at += MAX_DOCUMENT_IDS) {
    requests.push(callEndpoint(config, "GET", documentsPath(ids.slice(at, at + MAX_DOCUMENT_IDS)), undefined, options));
  }
  return (await Promise.all(requests)).flat();
}

/**
 * The URL of a receipt's PDF on the endpoint (it redirects to Ching's), for a
 * real link: middle-click, "open in new tab" and popup blockers all work.
 */
export const documentPdfUrl = (config: EndpointConfig, documentId: string): string => config.base + documentPdfPath(documentId);

/** `POST /customers/me/portal_sessions`: a fresh link into Ching's hosted portal. */
export const createPortalSession = (config: EndpointConfig, input: ReturnUrlInput = {}, options?: RequestOptions): Promise<StartedPortalSession> =>
  callEndpoint(config, "POST", PORTAL_SESSIONS_PATH, input, options);
