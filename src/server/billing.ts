import {
  billingDocumentSchema,
  chargeSchema,
  paymentMethodSchema,
  portalSessionSchema,
  setupSessionSchema,
  type BillingDocument,
  type Charge,
  type PaymentMethod,
} from "../core/billing";
import { HANDLER_ERROR_CODES as CODES } from "../core/envelope";
import { SETUP_RETURN_PARAM } from "../core/protocol";
import type { ChingCall } from "./ching";
import type { Gone } from "./departure";
import { problem } from "./http";
import type { Operation, OperationContext } from "./operations";
import { returnUrlOf, withParams } from "./returnUrl";
import { expectList, expectShape } from "./trust";

/**
 * The second wave's routes: saved cards, the hosted add-card page, charges,
 * tax documents and the hosted portal. Each is about the signed-in person's
 * own customer, resolved from `identify`; the browser names a card, a session
 * or a document only to have it checked against what that customer owns.
 */

export interface BillingDependencies {
  ching: ChingCall;
  allowedOrigins: ReadonlySet<string> | undefined;
  /** The merchant's default return URL for the hosted pages. */
  returnUrl: string | undefined;
  /** Whether a person may remove a saved card. */
  allowRemovePaymentMethods: boolean;
}

export type BillingRouteName =
  | "listPaymentMethods"
  | "detachPaymentMethod"
  | "createSetupSession"
  | "getSetupSession"
  | "listCharges"
  | "getDocuments"
  | "getDocument"
  | "getDocumentPdf"
  | "createPortalSession";

const enc = encodeURIComponent;
const noCustomerYet = () => problem(404, CODES.notFound, "You have no customer yet");
/** One answer for "not yours" and "does not exist": nobody can probe which ids exist. */
const notFound = (what: string) => problem(404, CODES.notFound, `No such ${what}`);

function own(context: OperationContext): string {
  const id = context.identity.customerId;
  if (!id) throw noCustomerYet();
  return id;
}

/** Default first, then newest: the order a person reads their cards in. */
function byDefaultThenNewest(a: PaymentMethod, b: PaymentMethod): number {
  if (a.is_default !== b.is_default) return a.is_default ? -1 : 1;
  return a.created < b.created ? 1 : a.created > b.created ? -1 : 0;
}

/** How long a customer's charges vouch for the documents they name, and for how many customers at most. */
const OWNED_DOCUMENTS_MS = 60_000;
const OWNED_DOCUMENTS_CUSTOMERS = 1_000;
/** How many of a batch's documents are asked of Ching at once. */
const DOCUMENT_READS_AT_ONCE = 5;

/** `read` over `items`, at most `width` at a time, in order; the first failure rejects and starts no more. */
async function eachBounded<T, R>(items: readonly T[], width: number, read: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  async function worker(): Promise<void> {
    while (!failed && next < items.length) {
      const at = next++;
      try {
        results[at] = await read(items[at]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

export function createBillingOperations(deps: BillingDependencies): Record<BillingRouteName, Operation> {
  const { ching } = deps;

  /*
   * The documents each customer's charges named when last listed, for a minute: the history
   * asks for a page of receipts right after the charges, and each is then checked against that
   * list instead of listing the 100 charges from Ching again (a second round trip to Ching per
   * receipt). It only ever says yes: a document not in it is checked against a fresh list, so a
   * new charge's receipt is never refused, and "not yours" and "missing" still take the same
   * path. A document a customer's charge names stays theirs (a charge keeps its customer).
   */
  const ownedDocuments = new Map<string, { ids: ReadonlySet<string>; until: number }>();
  function rememberDocuments(customerId: string, charges: readonly Charge[]): void {
    ownedDocuments.delete(customerId);
    ownedDocuments.set(customerId, { ids: new Set(charges.flatMap((charge) => (charge.document ? [charge.document] : []))), until: Date.now() + OWNED_DOCUMENTS_MS });
    // The oldest entry goes first: a Map keeps insertion order.
    if (ownedDocuments.size > OWNED_DOCUMENTS_CUSTOMERS) ownedDocuments.delete(ownedDocuments.keys().next().value!);
  }
  function knownToOwn(customerId: string, documentId: string): boolean {
    const entry = ownedDocuments.get(customerId);
    return entry !== undefined && entry.until > Date.now() && entry.ids.has(documentId);
  }

  async function cardsOf(customerId: string, gone?: Gone): Promise<PaymentMethod[]> {
    const cards = expectList(paymentMethodSchema, await ching("GET", `/customers/${enc(customerId)}/payment_methods`, undefined, gone), "the cards");
    return cards.filter((card) => card.status === "active").sort(byDefaultThenNewest);
  }

  async function chargesOf(customerId: string, gone?: Gone): Promise<Charge[]> {
    const charges = expectList(chargeSchema, await ching("GET", `/charges?customer=${enc(customerId)}`, undefined, gone), "the charges");
    // Ching honours this filter; should it ever not, nobody sees another's charges.
    const theirs = charges.filter((charge) => charge.customer === customerId);
    rememberDocuments(customerId, theirs);
    return theirs;
  }

  /**
   * Of `documentIds`, those one of the customer's own charges names, in the order given: the
   * minute's memory first, and one fresh list of the charges when it does not know them all.
   */
  async function ownedAmong(customerId: string, documentIds: readonly string[], gone?: Gone): Promise<readonly string[]> {
    if (documentIds.every((documentId) => knownToOwn(customerId, documentId))) return documentIds;
    const named = new Set((await chargesOf(customerId, gone)).map((charge) => charge.document));
    return documentIds.filter((documentId) => named.has(documentId));
  }

  /** A document, only when one of the person's own charges names it. */
  async function documentOf(context: OperationContext): Promise<BillingDocument> {
    const documentId = context.params.documentId!;
    if ((await ownedAmong(own(context), [documentId], context.gone)).length === 0) throw notFound("document");
    return readDocument(documentId, context.gone);
  }

  const readDocument = async (documentId: string, gone?: Gone): Promise<BillingDocument> =>
    expectShape(billingDocumentSchema, await ching("GET", `/documents/${enc(documentId)}`, undefined, gone), "a document");

  /**
   * The documents named that one of the person's own charges names, in the order named: one
   * charges list for the whole batch (none when the minute's memory knows every one), then
   * the documents from Ching a few at a time. Ids not theirs and missing ones are left out
   * alike (a document Ching no longer has is missing too); any other failure of Ching's fails
   * the request, as it would the single document's.
   */
  async function documentsOf(context: OperationContext): Promise<BillingDocument[]> {
    const customerId = context.identity.customerId;
    // No customer yet: no charges, so no document is theirs (and Ching is not called).
    if (!customerId) return [];
    const theirs = await ownedAmong(customerId, context.documentIds, context.gone);
    const documents = await eachBounded(theirs, DOCUMENT_READS_AT_ONCE, (documentId) =>
      readDocument(documentId, context.gone).catch((error: unknown) => {
        if ((error as { status?: number }).status === 404) return undefined;
        throw error;
      }),
    );
    return documents.filter((document) => document !== undefined);
  }

  const returnUrl = (context: OperationContext) =>
    returnUrlOf(context.body, context.request, context.origin, deps.allowedOrigins, deps.returnUrl);

  return {
    // No customer yet: no cards and no charges, a state answered 200 `[]` (a 404 would be red in every console).
    listPaymentMethods: async (context) => (context.identity.customerId ? cardsOf(context.identity.customerId, context.gone) : []),

    async detachPaymentMethod(context) {
      if (!deps.allowRemovePaymentMethods) throw problem(403, CODES.forbidden, "Removing cards is turned off");
      const paymentMethodId = context.params.paymentMethodId!;
      // The card names no customer: it is theirs only if it is in their list.
      const cards = await cardsOf(own(context), context.gone);
      if (!cards.some((card) => card.id === paymentMethodId)) throw notFound("card");
      // A POST: never retried (Ching honours no idempotency key).
      return expectShape(paymentMethodSchema, await ching("POST", `/payment_methods/${enc(paymentMethodId)}/detach`), "a detached card");
    },

    async createSetupSession(context) {
      const customer = own(context);
      const back = returnUrl(context);
      const session = expectShape(
        setupSessionSchema,
        await ching("POST", "/setup_sessions", {
          customer,
          success_url: withParams(back, { [SETUP_RETURN_PARAM]: "success" }),
          cancel_url: withParams(back, { [SETUP_RETURN_PARAM]: "cancel" }),
        }),
        "a setup session",
      );
      return { id: session.id, url: session.url, expires_at: session.expires_at };
    },

    async getSetupSession(context) {
      const customer = own(context);
      const session = expectShape(
        setupSessionSchema,
        await ching("GET", `/setup_sessions/${enc(context.params.setupSessionId!)}`, undefined, context.gone).catch(
          (error: unknown) => {
            if ((error as { status?: number }).status === 404) throw notFound("setup session");
            throw error;
          },
        ),
        "a setup session",
      );
      if (session.customer !== customer) throw notFound("setup session");
      return { id: session.id, status: session.status, payment_method: session.payment_method ?? null };
    },

    listCharges: async (context) =>
      context.identity.customerId ? (await chargesOf(context.identity.customerId, context.gone)).slice(0, 100) : [],

    getDocuments: documentsOf,

    getDocument: documentOf,

    async getDocumentPdf(context) {
      const document = await documentOf(context);
      if (!document.pdf_url) {
        throw problem(409, CODES.documentNotReady, "The receipt is not ready yet. Try again in a minute.");
      }
      return new Response(null, {
        status: 302,
        headers: { location: document.pdf_url, "cache-control": "no-store", "referrer-policy": "no-referrer" },
      });
    },

    async createPortalSession(context) {
      const customer = own(context);
      const back = returnUrl(context);
      // A fresh session for every visit: its link is short-lived and personal.
      const session = expectShape(
        portalSessionSchema,
        await ching("POST", "/billing_portal_sessions", { customer, return_url: back.toString() }),
        "a portal session",
      );
      return { url: session.url, expires_at: session.expires_at };
    },
  };
}
