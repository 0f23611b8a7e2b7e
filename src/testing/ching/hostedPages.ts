import type { Customer } from "../../core/customer";
import type { ChingState, RouteDef } from "./context";
import { TEST_CARDS } from "./paymentMethods";
import { tinyPdf } from "./pdf";

/**
 * The mock's stand-ins for Ching's hosted pages: the add-card page of a setup session, the
 * Billing Portal, and a document's PDF. Plain HTML forms (no script), in the customer's
 * language and direction, so an end-to-end test can click through them.
 */

type Lang = "he" | "en";

const TEXT = {
  he: {
    addCardTitle: "הוספת כרטיס",
    forCustomer: "עבור",
    testCard: "כרטיס בדיקה",
    declined: "כרטיס שנדחה (בדיקה)",
    add: "הוספת כרטיס",
    cancel: "ביטול",
    testMode: "מצב בדיקה: שום כרטיס אמיתי אינו מחויב.",
    portalTitle: "פורטל החיובים",
    cards: "כרטיסים שמורים",
    noCards: "אין כרטיסים שמורים.",
    documents: "מסמכים",
    noDocuments: "אין מסמכים.",
    back: "חזרה לאתר",
    notFound: "הקישור אינו תקף.",
    expired: "תוקף הקישור פג. חזרו לאתר והתחילו שוב.",
    succeeded: "הכרטיס כבר נוסף.",
    canceled: "הוספת הכרטיס בוטלה.",
    failed: "הוספת הכרטיס נכשלה.",
    ending: "מסתיים ב",
    tax_invoice_receipt: "חשבונית מס קבלה",
    receipt: "קבלה",
  },
  en: {
    addCardTitle: "Add a card",
    forCustomer: "For",
    testCard: "Test card",
    declined: "A declined card (test)",
    add: "Add card",
    cancel: "Cancel",
    testMode: "Test mode: no real card is charged.",
    portalTitle: "Billing portal",
    cards: "Saved cards",
    noCards: "No saved cards.",
    documents: "Documents",
    noDocuments: "No documents.",
    back: "Back to site",
    notFound: "This link is not valid.",
    expired: "This link has expired. Go back to the site and start again.",
    succeeded: "This card was already added.",
    canceled: "Adding the card was canceled.",
    failed: "Adding the card failed.",
    ending: "ending",
    tax_invoice_receipt: "Tax invoice receipt",
    receipt: "Receipt",
  },
} as const;

const BRANDS: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", diners: "Diners", isracard: "Isracard" };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function langOf(customer: Customer | undefined): Lang {
  return customer?.locale === "en" ? "en" : "he";
}

const STYLE =
  "body{font-family:system-ui,sans-serif;max-inline-size:32rem;margin-block:2rem;margin-inline:auto;padding-inline:1rem;line-height:1.5}" +
  "fieldset{border:1px solid #ccc;border-radius:.5rem;margin-block:1rem}label{display:block;padding-block:.25rem}" +
  "button,a.button{font:inherit;padding:.5rem 1rem;margin-inline-end:.5rem;border-radius:.5rem;border:1px solid #555}" +
  "button[value=complete]{background:#1a56db;color:#fff;border-color:#1a56db}.note{color:#555;font-size:.875rem}";

function page(lang: Lang, title: string, body: string, status = 200): Response {
  const html =
    `<!doctype html><html lang="${lang}" dir="${lang === "he" ? "rtl" : "ltr"}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<style>${STYLE}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

const bdiLtr = (value: string) => `<bdi dir="ltr">${escapeHtml(value)}</bdi>`;

function cardLabel(lang: Lang, brand: string, last4: string): string {
  return `${escapeHtml(BRANDS[brand] ?? brand)} ${TEXT[lang].ending} ${bdiLtr(`•••• ${last4}`)}`;
}

function message(lang: Lang, title: string, text: string, status: number, back?: string | null): Response {
  const link = back ? `<p><a href="${escapeHtml(back)}">${TEXT[lang].back}</a></p>` : "";
  return page(lang, title, `<p role="status">${escapeHtml(text)}</p>${link}`, status);
}

function setupPage(state: ChingState, id: string): Response {
  const session = state.setupSessions.get(id);
  if (!session) return message("he", TEXT.he.addCardTitle, TEXT.he.notFound, 404);
  const customer = state.customers.get(session.customer);
  const lang = langOf(customer);
  const t = TEXT[lang];
  if (session.status !== "pending" && session.status !== "requires_action") {
    const back = session.status === "succeeded" ? session.success_url : session.cancel_url;
    return message(lang, t.addCardTitle, t[session.status], 410, back);
  }
  const who = customer ? `<p>${t.forCustomer}: <bdi>${escapeHtml(customer.name)}</bdi>${customer.email ? ` (${bdiLtr(customer.email)})` : ""}</p>` : "";
  const choices = TEST_CARDS.map(
    (card, index) =>
      `<label><input type="radio" name="card_index" value="${index}"${index === 0 ? " checked" : ""}> ${cardLabel(lang, card.brand, card.last4)}</label>`,
  ).join("");
  const declined = `<label><input type="radio" name="card_index" value="declined"> ${t.declined}</label>`;
  const form =
    `<form method="post" action="${escapeHtml(session.url)}"><fieldset><legend>${t.testCard}</legend>${choices}${declined}</fieldset>` +
    `<button type="submit" name="action" value="complete">${t.add}</button>` +
    `<button type="submit" name="action" value="cancel">${t.cancel}</button></form>`;
  return page(lang, t.addCardTitle, `${who}${form}<p class="note">${t.testMode}</p>`);
}

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });

function submitSetup(state: ChingState, id: string, body: unknown): Response {
  const form = (body ?? {}) as Record<string, string | undefined>;
  const session = state.setupSessions.get(id);
  if (!session || (session.status !== "pending" && session.status !== "requires_action")) return setupPage(state, id);
  if (form.action === "cancel") {
    state.setupSessions.cancel(id);
    return seeOther(session.cancel_url);
  }
  if (form.action !== "complete") return setupPage(state, id);
  // A customer deleted meanwhile has nowhere to keep a card: the session fails, as a decline would.
  const declined = form.card_index === "declined" || !state.customers.get(session.customer);
  const index = Number(form.card_index ?? 0);
  const cardIndex = Number.isInteger(index) && index >= 0 && index < TEST_CARDS.length ? index : 0;
  state.setupSessions.complete(id, state.cards, declined ? { outcome: "failed" } : { cardIndex });
  // Like Ching, a declined card still sends the customer back; the page learns the outcome by polling the session.
  return seeOther(session.success_url);
}

function portalPage(state: ChingState, id: string): Response {
  const session = state.portalSessions.get(id);
  if (!session) return message("he", TEXT.he.portalTitle, TEXT.he.notFound, 404);
  const customer = state.customers.get(session.customer);
  const lang = langOf(customer);
  const t = TEXT[lang];
  if (state.portalSessions.isExpired(session)) return message(lang, t.portalTitle, t.expired, 410, session.return_url);
  const cards = state.cards.list(session.customer);
  const cardList = cards.length
    ? `<ul>${cards.map((pm) => `<li>${cardLabel(lang, pm.card.brand, pm.card.last4)} ${pm.card.exp_month}/${pm.card.exp_year}</li>`).join("")}</ul>`
    : `<p>${t.noCards}</p>`;
  const documents = state.billing
    .list(session.customer)
    .flatMap((charge) => (charge.document ? [state.billing.peekDocument(charge.document)] : []))
    .filter((document) => document !== undefined);
  const documentList = documents.length
    ? `<ul>${documents.map((d) => `<li><a href="${escapeHtml(`${state.hostedBase()}/hosted/documents/${d.id}/pdf`)}">${t[d.type]} ${bdiLtr(d.number || d.id)}</a> ${bdiLtr(d.issued_at.slice(0, 10))}</li>`).join("")}</ul>`
    : `<p>${t.noDocuments}</p>`;
  const back = session.return_url ? `<p><a href="${escapeHtml(session.return_url)}">${t.back}</a></p>` : "";
  const who = customer ? `<p><bdi>${escapeHtml(customer.name)}</bdi></p>` : "";
  return page(lang, t.portalTitle, `${who}<h2>${t.cards}</h2>${cardList}<h2>${t.documents}</h2>${documentList}${back}`);
}

const shekels = (agorot: number) => `ILS ${(agorot / 100).toFixed(2)}`;

function documentPdf(state: ChingState, id: string): Response {
  const document = state.billing.readDocument(id);
  if (!document) return new Response("No such document", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const charge = state.billing.chargeOf(id);
  const title = document.type === "tax_invoice_receipt" ? "Tax invoice / receipt" : "Receipt";
  const lines = [
    `Number: ${document.number}`,
    `Issued: ${document.issued_at.slice(0, 10)}`,
    ...(charge?.description ? [`For: ${charge.description}`] : []),
    `Amount (VAT included): ${shekels(document.amount)}`,
    `VAT ${Math.round(document.vat_rate * 100)}%: ${shekels(document.vat_amount)}`,
    ...(document.allocation_number ? [`Allocation number: ${document.allocation_number}`] : []),
    `Document: ${document.id}`,
    ...(document.livemode ? [] : ["TEST MODE - not a real tax document"]),
  ];
  const bytes = tinyPdf(`${title} ${document.number}`, lines);
  return new Response(bytes, {
    status: 200,
    headers: {
      "content-type": "application/pdf",
      "content-length": String(bytes.byteLength),
      "content-disposition": `inline; filename="${document.type}-${document.number}.pdf"`,
    },
  });
}

/** Hosted pages, under `<hosted base>/hosted/…`: no API key, form bodies. */
export const hostedRoutes: RouteDef[] = [
  { route: "GET /hosted/setup/:id", hosted: true, handle: ({ state }, { params: [id = ""] }) => setupPage(state, id) },
  {
    route: "POST /hosted/setup/:id",
    hosted: true,
    handle: ({ state }, { params: [id = ""], body }) => submitSetup(state, id, body),
  },
  { route: "GET /hosted/portal/:id", hosted: true, handle: ({ state }, { params: [id = ""] }) => portalPage(state, id) },
  {
    route: "GET /hosted/documents/:id/pdf",
    hosted: true,
    handle: ({ state }, { params: [id = ""] }) => documentPdf(state, id),
  },
];
