import type { BillingDocument, BillingDocumentType, Charge, ChargeStatus } from "../../core/billing";
import { generateId } from "../customerStore";
import { newestFirst, type RouteDef } from "./context";
import type { CardStore } from "./paymentMethods";

/** Israel's VAT rate; amounts include it. */
export const VAT_RATE = 0.18;

/** A charge to start with. Omitted fields take what Ching would show for that status. */
export interface ChargeSeed {
  /** The `cus_` id of a customer the mock already holds. */
  customer: string;
  /** Agorot (1 ₪ = 100), VAT included. */
  amount: number;
  id?: string;
  /** Default `"succeeded"`. A refund keeps it `succeeded`: give `refunded_amount`. */
  status?: ChargeStatus;
  description?: string | null;
  /** Default: the customer's default card, if any. Its brand and last four are copied onto the charge. */
  payment_method?: string | null;
  /** For a card the mock does not hold. */
  card_brand?: string | null;
  card_last4?: string | null;
  /** The number of installments (תשלומים), 2 or more; a single payment otherwise. */
  installments?: number;
  /** Part of `amount` (a partial refund) or all of it. */
  refunded_amount?: number;
  /** Default `amount` when succeeded, else 0 (`requires_capture` is authorized, not captured). */
  amount_captured?: number;
  /** Default `card_declined` and its message for a failed charge. */
  failure_code?: string | null;
  failure_message?: string | null;
  /** The document a succeeded charge gets (a tax invoice receipt by default); `null` for none. */
  document?: null | { id?: string; type?: BillingDocumentType; number?: string };
  metadata?: Record<string, unknown>;
  created?: string;
}

type StoredDocument = Omit<BillingDocument, "pdf_url"> & { pdfReady: boolean };

/** Charges and the tax documents issued for them. */
export class ChargeStore {
  #charges = new Map<string, Charge>();
  #documents = new Map<string, StoredDocument>();
  /** Who each document was issued to, for the PDF and the hosted portal (the document does not say). */
  #documentCharge = new Map<string, Charge>();
  #nextNumber = 1001;
  #cards: CardStore;
  #livemode: boolean;
  #now: () => Date;
  #hostedBase: () => string;

  constructor(options: { cards: CardStore; livemode: boolean; now: () => Date; hostedBase: () => string }) {
    this.#cards = options.cards;
    this.#livemode = options.livemode;
    this.#now = options.now;
    this.#hostedBase = options.hostedBase;
  }

  #view(document: StoredDocument): BillingDocument {
    const { pdfReady, ...rest } = document;
    return { ...rest, metadata: { ...rest.metadata }, pdf_url: pdfReady ? `${this.#hostedBase()}/hosted/documents/${document.id}/pdf` : "" };
  }

  seed(seed: ChargeSeed, defaultPaymentMethod: string | null): Charge {
    const status = seed.status ?? "succeeded";
    if (!Number.isInteger(seed.amount) || seed.amount < 0) throw new Error(`createMockChing: a charge amount is integer agorot, not ${seed.amount}`);
    const refunded = seed.refunded_amount ?? 0;
    if (refunded < 0 || refunded > seed.amount) throw new Error("createMockChing: refunded_amount must be between 0 and amount");
    const paymentMethod = seed.payment_method === undefined ? defaultPaymentMethod : seed.payment_method;
    const card = paymentMethod ? this.#cards.get(paymentMethod)?.card : undefined;
    const created = seed.created ?? this.#now().toISOString();
    const failed = status === "failed";
    const charge: Charge = {
      id: seed.id ?? generateId("ch_"),
      object: "charge",
      customer: seed.customer,
      payment_method: paymentMethod,
      amount: seed.amount,
      amount_captured: seed.amount_captured ?? (status === "succeeded" ? seed.amount : 0),
      currency: "ils",
      status,
      description: seed.description ?? null,
      card_brand: seed.card_brand ?? card?.brand ?? null,
      card_last4: seed.card_last4 ?? card?.last4 ?? null,
      installments: seed.installments !== undefined && seed.installments > 1 ? { count: seed.installments } : null,
      refunded_amount: refunded,
      document: null,
      failure_code: seed.failure_code ?? (failed ? "card_declined" : null),
      failure_message: seed.failure_message ?? (failed ? "The card was declined" : null),
      metadata: { ...(seed.metadata ?? {}) },
      livemode: this.#livemode,
      created,
    };
    if (status === "succeeded" && seed.document !== null) {
      const type = seed.document?.type ?? "tax_invoice_receipt";
      const document: StoredDocument = {
        id: seed.document?.id ?? generateId("doc_"),
        object: "document",
        type,
        status: "issued",
        number: seed.document?.number ?? "",
        amount: charge.amount,
        currency: "ils",
        vat_rate: VAT_RATE,
        vat_amount: Math.round((charge.amount * VAT_RATE) / (1 + VAT_RATE)),
        allocation_number: type === "tax_invoice_receipt" ? String(200_000_000 + this.#documents.size * 7919) : null,
        sent_to_customer: true,
        metadata: {},
        livemode: this.#livemode,
        issued_at: created,
        created,
        pdfReady: false,
      };
      this.#documents.set(document.id, document);
      charge.document = document.id;
      this.#documentCharge.set(document.id, charge);
    }
    this.#charges.set(charge.id, charge);
    return { ...charge };
  }

  /** At most 100, newest first; only that customer's when `customer` is given (the one filter Ching honours). */
  list(customer?: string | null): Charge[] {
    const all = [...this.#charges.values()];
    return newestFirst(customer ? all.filter((c) => c.customer === customer) : all).map((c) => ({ ...c }));
  }

  get(id: string): Charge | undefined {
    const charge = this.#charges.get(id);
    return charge && { ...charge };
  }

  documents(): BillingDocument[] {
    return newestFirst([...this.#documents.values()]).map((d) => this.#view(d));
  }

  /** Looks a document up without filling it. */
  peekDocument(id: string): BillingDocument | undefined {
    const document = this.#documents.get(id);
    return document && this.#view(document);
  }

  /** Reads a document as Ching's retrieve does: the first read gives it its number and PDF. */
  readDocument(id: string): BillingDocument | undefined {
    const document = this.#documents.get(id);
    if (!document) return undefined;
    if (document.number === "") document.number = String(this.#nextNumber++);
    document.pdfReady = true;
    return this.#view(document);
  }

  /** The charge a document was issued for. */
  chargeOf(documentId: string): Charge | undefined {
    return this.#documentCharge.get(documentId);
  }
}

/** Charges (`?customer=` is the only filter) and documents (no customer filter: reach them through charges). */
export const chargeRoutes: RouteDef[] = [
  {
    route: "GET /charges",
    handle: ({ state, reply }, { query }) => reply.ok(state.billing.list(query.get("customer"))),
  },
  {
    route: "GET /charges/:id",
    handle({ state, reply }, { params: [id = ""] }) {
      const charge = state.billing.get(id);
      return charge ? reply.ok(charge) : reply.notFound("charge");
    },
  },
  {
    route: "GET /documents",
    handle: ({ state, reply }) => reply.ok(state.billing.documents()),
  },
  {
    route: "GET /documents/:id",
    handle({ state, reply }, { params: [id = ""] }) {
      const document = state.billing.readDocument(id);
      return document ? reply.ok(document) : reply.notFound("document");
    },
  },
];
