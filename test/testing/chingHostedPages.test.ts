import { afterEach, describe, expect, it } from "vitest";
import type { BillingDocument, PortalSession, SetupSession } from "../../src/core/billing";
import { createMockChing, type MockChing, type MockChingServer } from "../../src/testing";
import { DANA, TAL } from "../fixtures";
import { chingClient } from "./chingClient";

const urls = { success_url: "https://shop.example/billing?ching_setup=success", cancel_url: "https://shop.example/billing?ching_setup=cancel" };
const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
  redirect: "manual" as const,
});

async function newSession(ching: MockChing, customer: string = TAL.id): Promise<SetupSession> {
  return (await chingClient(ching)<SetupSession>("POST", "/setup_sessions", { customer, ...urls })).json.data;
}

/** Checks a PDF's structure as a reader does: startxref points at the xref table, and every entry at its object. */
function expectReadablePdf(bytes: Uint8Array): string {
  const text = new TextDecoder("latin1").decode(bytes);
  expect(text.startsWith("%PDF-")).toBe(true);
  expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 4)).toBe("xref");
  const table = /^xref\n0 (\d+)\n((?:\d{10} \d{5} [fn] \n)+)/.exec(text.slice(startxref));
  expect(table).not.toBeNull();
  const entries = table![2]!.match(/.{20}/gs)!;
  expect(entries).toHaveLength(Number(table![1]));
  entries.slice(1).forEach((entry, index) => {
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${index + 1} 0 obj`.length)).toBe(`${index + 1} 0 obj`);
  });
  const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)?.[1]);
  const streamAt = text.indexOf("stream\n") + "stream\n".length;
  expect(text.slice(streamAt + length, streamAt + length + "\nendstream".length)).toBe("\nendstream");
  return text;
}

describe("mock Ching: the hosted add-card page (through fetch)", () => {
  it("shows the customer, a labelled choice of test card and two buttons, in Hebrew right to left, with no script", async () => {
    const ching = createMockChing({ customers: [TAL] });
    const session = await newSession(ching);
    const response = await ching.fetch(session.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain('<html lang="he" dir="rtl">');
    expect(html).toContain("Tal Levi");
    expect(html).toContain('<legend>כרטיס בדיקה</legend>');
    expect(html.match(/<label><input type="radio" name="card_index"/g)).toHaveLength(4);
    expect(html).toMatch(/<button type="submit" name="action" value="complete">הוספת כרטיס<\/button>/);
    expect(html).toMatch(/<button type="submit" name="action" value="cancel">ביטול<\/button>/);
    expect(html).toContain(`<form method="post" action="${session.url}">`);
    expect(html).not.toContain("<script");
  });

  it("speaks English left to right to an English customer, and escapes what the customer wrote", async () => {
    const ching = createMockChing({ customers: [{ ...DANA, name: "Dana <b>Cohen</b>", locale: "en" }] });
    const html = await (await ching.fetch((await newSession(ching, DANA.id)).url)).text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain("Add card</button>");
    expect(html).toContain("Dana &#60;b&#62;Cohen&#60;/b&#62;");
  });

  it("Add card saves the chosen card and answers 303 to success_url", async () => {
    const ching = createMockChing({ customers: [TAL] });
    const session = await newSession(ching);
    const response = await ching.fetch(session.url, form({ card_index: "2", action: "complete" }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(urls.success_url);
    expect(ching.paymentMethods(TAL.id).map((pm) => pm.card.brand)).toEqual(["amex"]);
    expect(ching.setupSessions()[0]).toMatchObject({ status: "succeeded", payment_method: ching.paymentMethods(TAL.id)[0]?.id });
    expect(ching.calls.at(-1)).toMatchObject({ route: "POST /hosted/setup/:id", body: { card_index: "2", action: "complete" } });
  });

  it("Cancel cancels the session and answers 303 to cancel_url", async () => {
    const ching = createMockChing({ customers: [TAL] });
    const session = await newSession(ching);
    const response = await ching.fetch(session.url, form({ card_index: "0", action: "cancel" }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(urls.cancel_url);
    expect(ching.setupSessions()[0]?.status).toBe("canceled");
    expect(ching.paymentMethods(TAL.id)).toEqual([]);
  });

  it("a declined test card fails the session and still sends the customer back to success_url", async () => {
    const ching = createMockChing({ customers: [TAL] });
    const session = await newSession(ching);
    const response = await ching.fetch(session.url, form({ card_index: "declined", action: "complete" }));
    expect(response.headers.get("location")).toBe(urls.success_url);
    expect(ching.setupSessions()[0]?.status).toBe("failed");
    expect(ching.paymentMethods(TAL.id)).toEqual([]);
  });

  it("says clearly when the session is finished or expired, and changes nothing on a second submit", async () => {
    let now = Date.parse("2026-06-01T08:00:00.000Z");
    const ching = createMockChing({ customers: [{ ...TAL, locale: "en" }], now: () => new Date(now) });
    const done = await newSession(ching);
    await ching.fetch(done.url, form({ card_index: "0", action: "complete" }));
    const again = await ching.fetch(done.url, form({ card_index: "1", action: "complete" }));
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("This card was already added.");
    expect(ching.paymentMethods(TAL.id)).toHaveLength(1);

    const stale = await newSession(ching);
    now += 24 * 60 * 60 * 1000;
    const expired = await ching.fetch(stale.url);
    expect(expired.status).toBe(410);
    const html = await expired.text();
    expect(html).toContain("This link has expired.");
    expect(html).toContain(`<a href="${urls.cancel_url}">Back to site</a>`);
    expect(html).not.toContain("<form");
    expect((await ching.fetch("https://hosted.ching.test/hosted/setup/seti_AAAAAAAAAAAA")).status).toBe(404);
  });

  it("needs no API key, and the API's faults leave it alone unless a fault names its route", async () => {
    const ching = createMockChing({ customers: [TAL] });
    const session = await newSession(ching);
    ching.dropConnection();
    ching.setFailureRate(1);
    expect((await ching.fetch(session.url)).status).toBe(200);
    ching.clearFaults();
    ching.failWith({ status: 503, route: "GET /hosted/setup/:id", times: 1 });
    expect((await ching.fetch(session.url)).status).toBe(503);
    expect((await ching.fetch(session.url)).status).toBe(200);
  });
});

describe("mock Ching: the hosted portal page and document PDFs (through fetch)", () => {
  it("lists the customer's cards and documents, with a Back to site link to return_url", async () => {
    const ching = createMockChing({ customers: [TAL] });
    ching.seedDemoBilling(TAL.id);
    const portal = (await chingClient(ching)<PortalSession>("POST", "/billing_portal_sessions", { customer: TAL.id, return_url: "https://shop.example/billing" })).json.data;
    const response = await ching.fetch(portal.url);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="he" dir="rtl">');
    expect(html).toContain('<a href="https://shop.example/billing">חזרה לאתר</a>');
    expect(html.match(/<li>/g)?.length).toBeGreaterThan(3);
    expect(html).toMatch(/href="https:\/\/hosted\.ching\.test\/hosted\/documents\/doc_[A-Za-z0-9_-]{12}\/pdf">חשבונית מס קבלה /);
    expect(html).toContain(">קבלה <bdi");
  });

  it("fails the session instead of saving a card when its customer was deleted meanwhile", async () => {
    const ching = createMockChing({ customers: [TAL] });
    const session = await newSession(ching);
    await chingClient(ching)("DELETE", `/customers/${TAL.id}`);
    const response = await ching.fetch(session.url, form({ card_index: "0", action: "complete" }));
    expect(response.headers.get("location")).toBe(urls.success_url);
    expect(ching.setupSessions()[0]?.status).toBe("failed");
  });

  it("says the link has expired after 30 minutes", async () => {
    let now = Date.parse("2026-06-01T08:00:00.000Z");
    const ching = createMockChing({ customers: [TAL], now: () => new Date(now) });
    const portal = (await chingClient(ching)<PortalSession>("POST", "/billing_portal_sessions", { customer: TAL.id })).json.data;
    now += 30 * 60 * 1000;
    const response = await ching.fetch(portal.url);
    expect(response.status).toBe(410);
    expect(await response.text()).toContain("תוקף הקישור פג");
    expect((await ching.fetch("https://hosted.ching.test/hosted/portal/bps_AAAAAAAAAAAA")).status).toBe(404);
  });

  it("serves a document as a one-page PDF a reader can open, naming its number, amount and VAT", async () => {
    const ching = createMockChing({ customers: [TAL] });
    const charge = ching.seedCharge({ customer: TAL.id, amount: 11_800, description: "Pro plan (monthly)" });
    const document = (await chingClient(ching)<BillingDocument>("GET", `/documents/${charge.document}`)).json.data;
    const response = await ching.fetch(document.pdf_url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get("content-length")).toBe(String(bytes.byteLength));
    const text = expectReadablePdf(bytes);
    expect(text).toContain(`(Tax invoice / receipt ${document.number}) Tj`);
    expect(text).toContain("(Amount \\(VAT included\\): ILS 118.00) Tj");
    expect(text).toContain("(VAT 18%: ILS 18.00) Tj");
    expect(text).toContain("(For: Pro plan \\(monthly\\)) Tj");
    expect((await ching.fetch("https://hosted.ching.test/hosted/documents/doc_AAAAAAAAAAAA/pdf")).status).toBe(404);
  });
});

describe("mock Ching: hosted pages over listen()", () => {
  let server: MockChingServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("points urls at the listening server, completes and cancels with 303s over real HTTP, then falls back after close", async () => {
    const ching = createMockChing({ customers: [TAL] });
    server = await ching.listen(0);
    const headers = { authorization: `Bearer ${ching.apiKey}`, "content-type": "application/json" };
    const create = async () =>
      ((await (await fetch(`${server!.apiBase}/setup_sessions`, { method: "POST", headers, body: JSON.stringify({ customer: TAL.id, ...urls }) })).json()) as { data: SetupSession }).data;

    const session = await create();
    expect(session.url).toBe(`${server.url}/hosted/setup/${session.id}`);
    const page = await fetch(session.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Tal Levi");
    const added = await fetch(session.url, form({ card_index: "1", action: "complete" }));
    expect(added.status).toBe(303);
    expect(added.headers.get("location")).toBe(urls.success_url);
    expect(ching.paymentMethods(TAL.id).map((pm) => pm.card.last4)).toEqual(["5555"]);

    const other = await create();
    const canceled = await fetch(other.url, form({ action: "cancel" }));
    expect(canceled.status).toBe(303);
    expect(canceled.headers.get("location")).toBe(urls.cancel_url);
    const polled = (await (await fetch(`${server.apiBase}/setup_sessions/${other.id}`, { headers })).json()) as { data: SetupSession };
    expect(polled.data.status).toBe("canceled");

    await server.close();
    server = undefined;
    expect(ching.setupSessions()[0]?.url).toBe(`https://hosted.ching.test/hosted/setup/${other.id}`);
  });

  it("serves the PDF named by pdf_url over HTTP", async () => {
    const ching = createMockChing({ customers: [TAL] });
    const charge = ching.seedCharge({ customer: TAL.id, amount: 14_900 });
    server = await ching.listen(0);
    const headers = { authorization: `Bearer ${ching.apiKey}` };
    const document = ((await (await fetch(`${server.apiBase}/documents/${charge.document}`, { headers })).json()) as { data: BillingDocument }).data;
    expect(document.pdf_url).toBe(`${server.url}/hosted/documents/${charge.document}/pdf`);
    const pdf = await fetch(document.pdf_url);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expectReadablePdf(new Uint8Array(await pdf.arrayBuffer()));
  });
});
