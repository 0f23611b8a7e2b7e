/**
 * `createEndpointClient()` outside React: every request of the protocol as a
 * method, against the mock endpoint (the real handler in front of the
 * in-memory Ching, over MSW).
 */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEndpointClient } from "../../src/core/endpointClient";
import { createMockBillingPortal } from "../../src/testing";
import { TAL } from "../fixtures";

const endpoint = "https://shop.example/api/billing";
const VISA = { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 };

const portal = createMockBillingPortal({
  endpoint,
  customers: [TAL],
  signedIn: TAL.id,
  identity: { name: "Tal Levi", email: "tal@example.com" },
  returnUrl: "https://shop.example/account/billing",
  paymentMethods: [{ customer: TAL.id, id: "pm_Visa00000001", card: VISA, created: "2026-01-01T00:00:00.000Z" }],
  demoBilling: true,
});
const server = setupServer(...portal.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => portal.reset());
afterAll(() => server.close());

describe("createEndpointClient(): the second wave's requests", () => {
  const client = createEndpointClient({ endpoint });

  it("reads the create defaults, the cards and the charges of the signed-in person", async () => {
    await expect(client.getCreateDefaults()).resolves.toEqual({ name: "Tal Levi", email: "tal@example.com" });
    const cards = await client.listPaymentMethods();
    expect(cards.map((card) => card.id)).toContain("pm_Visa00000001");
    const charges = await client.listCharges();
    expect(charges.length).toBeGreaterThan(0);
    expect(charges.every((charge) => charge.customer === TAL.id)).toBe(true);
  });

  it("reads a page of receipts in one request, leaving out any that are not the person's", async () => {
    const own = (await client.listCharges()).flatMap((charge) => (charge.document ? [charge.document] : [])).slice(0, 3);
    expect(own).toHaveLength(3);
    const batches = () => portal.requests.filter((r) => r.path === "/customers/me/documents");
    const documents = await client.getDocuments([own[0]!, "doc_NotTheirs0001", own[1]!, own[0]!, own[2]!]);
    expect(documents.map((document) => document.id)).toEqual(own);
    expect(batches()).toHaveLength(1);
    // More than the endpoint takes at once: one request per 25 ids, answers put together.
    const missing = Array.from({ length: 27 }, (_, i) => `doc_Missing${String(i).padStart(5, "0")}`);
    const many = await client.getDocuments([...missing, ...own]);
    expect(many.map((document) => document.id)).toEqual(own);
    expect(batches()).toHaveLength(3);
    // None asked: no request.
    await expect(client.getDocuments([])).resolves.toEqual([]);
    expect(batches()).toHaveLength(3);
    await expect(client.getDocuments(["pm_NotADocument1"])).rejects.toMatchObject({ status: 400, code: "INVALID_ID" });
  });

  it("reads a receipt of the person's own charge and links its PDF on the endpoint", async () => {
    const withReceipt = (await client.listCharges()).find((charge) => charge.document);
    expect(withReceipt?.document).toBeTruthy();
    const documentId = withReceipt!.document!;
    await expect(client.getDocument(documentId)).resolves.toMatchObject({ id: documentId });
    expect(client.documentPdfUrl(documentId)).toBe(`${endpoint}/customers/me/documents/${documentId}/pdf`);
    await expect(client.getDocument("doc_NotTheirs0001")).rejects.toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("starts a setup session and a portal session, and removes a card", async () => {
    const session = await client.createSetupSession();
    expect(session.url).toMatch(/^https?:\/\//);
    await expect(client.getSetupSession(session.id)).resolves.toMatchObject({ id: session.id, status: "pending" });
    const portalSession = await client.createPortalSession();
    expect(portalSession.url).toMatch(/^https?:\/\//);
    await expect(client.detachPaymentMethod("pm_Visa00000001")).resolves.toMatchObject({ id: "pm_Visa00000001" });
    expect((await client.listPaymentMethods()).map((card) => card.id)).not.toContain("pm_Visa00000001");
  });

  it("refuses a return URL on a foreign origin with a clear error", async () => {
    await expect(client.createPortalSession({ returnUrl: "https://evil.example/" })).rejects.toMatchObject({ status: 400 });
  });
});
