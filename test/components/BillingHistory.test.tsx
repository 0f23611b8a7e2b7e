import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { BillingHistory } from "../../src/components";
import { en, he } from "../../src/core/messages";
import type { ChargeStatus } from "../../src/core/billing";
import type { ChargeSeed } from "../../src/testing";
import { expectNoAxeViolations, mockEndpoint, renderInProvider, TAL } from "./helpers";
import { dailyCharges } from "../fixtures";

const { usePortal } = mockEndpoint();

const at = (day: number) => new Date(Date.UTC(2026, 5, day, 9)).toISOString();
const VISA = { card_brand: "visa", card_last4: "4242" };

/** Newest first: a partial refund, a full refund, installments, a failed and an authorized charge. */
const CHARGES: ChargeSeed[] = [
  { customer: TAL.id, amount: 14_900, description: "Pro plan", ...VISA, created: at(1), document: { id: "doc_TaxInvoice0001", type: "tax_invoice_receipt", number: "1042" } },
  { customer: TAL.id, amount: 120_000, description: "Workshop", ...VISA, installments: 3, created: at(2), document: { id: "doc_Receipt00002", type: "receipt", number: "1043" } },
  { customer: TAL.id, amount: 9_900, description: "Extra seats", ...VISA, refunded_amount: 3_300, created: at(3), document: null },
  { customer: TAL.id, amount: 14_900, description: "Refunded plan", ...VISA, refunded_amount: 14_900, created: at(4), document: null },
  { customer: TAL.id, amount: 14_900, description: "Declined", ...VISA, status: "failed", created: at(5) },
  { customer: TAL.id, amount: 25_000, description: "Deposit", card_brand: "mastercard", card_last4: "5555", status: "requires_capture", created: at(6) },
];

const rowOf = (description: string) => screen.getByRole("rowheader", { name: description }).closest("tr") as HTMLElement;
const historyRoot = (container: HTMLElement) => container.querySelector("section.ching-history") as HTMLElement;

describe("BillingHistory", () => {
  it("shows a skeleton while loading: busy, with a status text, and no axe violations", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id, charges: CHARGES, latency: "infinite" });
    const { container } = renderInProvider(<BillingHistory />);
    expect(historyRoot(container)).toHaveAttribute("aria-busy", "true");
    expect(screen.getByRole("status")).toHaveTextContent(he["history.loading"]);
    expect(container.querySelector(".ching-skeleton")).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it("shows each payment in Hebrew: date, amount isolated left to right, refunds, installments, card, status", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id, charges: CHARGES });
    const { container } = renderInProvider(<BillingHistory className="merchant-history" />);
    await screen.findByRole("rowheader", { name: "Pro plan" });
    const root = historyRoot(container);
    expect(root).toHaveAttribute("dir", "rtl");
    expect(root).toHaveAttribute("lang", "he");
    expect(root).toHaveClass("ching-root", "ching-history", "merchant-history");
    expect(screen.getByRole("region", { name: he["history.title"] })).toBe(root);
    expect(screen.getByRole("heading", { level: 2, name: he["history.title"] })).toBeInTheDocument();
    expect(screen.getAllByRole("columnheader").map((th) => th.textContent)).toEqual(
      ["date", "description", "amount", "card", "status", "receipt"].map((c) => he[`history.column.${c}` as keyof typeof he]),
    );

    const pro = within(rowOf("Pro plan"));
    const amount = pro.getByText("149.00 ₪");
    expect(amount.tagName).toBe("BDI");
    expect(amount).toHaveAttribute("dir", "ltr");
    const date = new Intl.DateTimeFormat("he", { dateStyle: "long", timeZone: "Asia/Jerusalem" }).format(new Date(at(1)));
    expect(pro.getByText(date)).toHaveAttribute("datetime", at(1));
    expect(pro.getByText("•••• 4242")).toHaveAttribute("dir", "ltr");
    expect(pro.getByText("ויזה המסתיים ב־4242")).toHaveClass("ching-visually-hidden");
    expect(pro.getByText(he["history.status.succeeded"])).toBeInTheDocument();

    expect(within(rowOf("Workshop")).getByText("3 תשלומים")).toBeInTheDocument();
    expect(within(rowOf("Workshop")).getByText("1,200.00 ₪")).toBeInTheDocument();
    const partial = within(rowOf("Extra seats")).getByText("33.00 ₪");
    expect(partial.tagName).toBe("BDI");
    expect(partial.parentElement).toHaveTextContent("הוחזרו 33.00 ₪");
    expect(within(rowOf("Refunded plan")).getByText(he["history.refunded.full"])).toBeInTheDocument();
    expect(within(rowOf("Declined")).getByText(he["history.status.failed"])).toHaveClass("ching-charge-status--danger");
    expect(within(rowOf("Deposit")).getByText(he["history.status.requires_capture"])).toBeInTheDocument();
    expect(within(rowOf("Deposit")).getByText("מאסטרקארד המסתיים ב־5555")).toBeInTheDocument();
    expect(within(rowOf("Deposit")).getByText("•••• 5555").parentElement).toHaveTextContent("מאסטרקארד •••• 5555");
    await expectNoAxeViolations(container);
  });

  it("formats amounts, refunds, installments and statuses in English", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id, charges: CHARGES });
    const { container } = renderInProvider(<BillingHistory />, { locale: "en" });
    await screen.findByRole("rowheader", { name: "Pro plan" });
    expect(historyRoot(container)).toHaveAttribute("dir", "ltr");
    expect(historyRoot(container)).toHaveAttribute("lang", "en");
    expect(within(rowOf("Pro plan")).getByText("₪149.00")).toHaveAttribute("dir", "ltr");
    expect(within(rowOf("Pro plan")).getByText("June 1, 2026")).toBeInTheDocument();
    expect(within(rowOf("Pro plan")).getByText("Visa ending in 4242")).toBeInTheDocument();
    expect(within(rowOf("Workshop")).getByText("3 installments")).toBeInTheDocument();
    expect(within(rowOf("Extra seats")).getByText("₪33.00").parentElement).toHaveTextContent("₪33.00 refunded");
    expect(within(rowOf("Refunded plan")).getByText("Refunded in full")).toBeInTheDocument();
    expect(within(rowOf("Declined")).getByText("Failed")).toBeInTheDocument();
    expect(within(rowOf("Deposit")).getByText("Authorized")).toBeInTheDocument();
    expect(within(rowOf("Pro plan")).getByText("Paid")).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it("gives a status Ching adds later a neutral label", async () => {
    // A status this library does not know yet, as a newer Ching might answer.
    usePortal({ customers: [TAL], signedIn: TAL.id, charges: [{ customer: TAL.id, amount: 1_000, description: "Future", status: "disputed" as ChargeStatus }] });
    renderInProvider(<BillingHistory />, { locale: "en" });
    const row = within((await screen.findByRole("rowheader", { name: "Future" })).closest("tr") as HTMLElement);
    expect(row.getByText(en["history.status.unknown"])).toHaveClass("ching-charge-status--muted");
  });

  it("links each receipt to the endpoint's PDF, in a new tab, labelled with the document's type and number", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id, charges: CHARGES });
    renderInProvider(<BillingHistory />);
    const tax = await within(await waitFor(() => rowOf("Pro plan"))).findByRole("link", { name: /חשבונית מס קבלה 1042/ });
    expect(tax).toHaveAttribute("href", "/api/billing/customers/me/documents/doc_TaxInvoice0001/pdf");
    expect(tax).toHaveAttribute("target", "_blank");
    expect(tax).toHaveAttribute("rel", "noopener");
    expect(tax).toHaveAccessibleName(`חשבונית מס קבלה 1042 ${he["history.document.newTab"]}`);
    const receipt = await within(rowOf("Workshop")).findByRole("link", { name: /^קבלה 1043/ });
    expect(receipt).toHaveAttribute("href", "/api/billing/customers/me/documents/doc_Receipt00002/pdf");
    expect(within(rowOf("Extra seats")).queryByRole("link")).toBeNull();
  });

  it("labels receipts in English", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id, charges: CHARGES });
    renderInProvider(<BillingHistory />, { locale: "en" });
    expect(await screen.findByRole("link", { name: /^Tax invoice receipt 1042/ })).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: /^Receipt 1043/ })).toBeInTheDocument();
  });

  it("pages on the client, reads documents only for the rows on screen, and keeps focus on the pressed button", async () => {
    const charges = dailyCharges(23, TAL.id);
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id, charges });
    const user = userEvent.setup();
    const { container } = renderInProvider(<BillingHistory pageSize={10} />, { locale: "en" });
    await screen.findByRole("rowheader", { name: "Payment 1" });
    expect(screen.getAllByRole("rowheader")).toHaveLength(10);
    const nav = screen.getByRole("navigation", { name: en["history.pagination"] });
    expect(within(nav).getByText("Page 1 of 3")).toBeInTheDocument();
    const previous = within(nav).getByRole("button", { name: en["history.pagination.previous"] });
    expect(previous).toHaveAttribute("aria-disabled", "true");
    // Succeeded charges get documents: ten rows on screen, their ten receipts read in one request.
    const batches = () => portal.requests.filter((r) => r.path === "/customers/me/documents").length;
    const labelled = () => within(historyRoot(container)).getAllByRole("link").filter((link) => /\d{2,}/.test(link.textContent ?? ""));
    await waitFor(() => expect(labelled()).toHaveLength(10));
    expect(batches()).toBe(1);

    const next = within(nav).getByRole("button", { name: en["history.pagination.next"] });
    await user.click(next);
    expect(screen.getByRole("rowheader", { name: "Payment 11" })).toBeInTheDocument();
    expect(screen.queryByRole("rowheader", { name: "Payment 1" })).toBeNull();
    expect(within(nav).getByText("Page 2 of 3")).toBeInTheDocument();
    // The next page's receipts: one more request, and still none of a link's own.
    await waitFor(() => expect(labelled()).toHaveLength(10));
    expect(batches()).toBe(2);
    expect(portal.requests.filter((r) => r.path.startsWith("/customers/me/documents/"))).toHaveLength(0);
    await user.click(next);
    expect(screen.getAllByRole("rowheader")).toHaveLength(3);
    expect(next).toHaveAttribute("aria-disabled", "true");
    expect(next).toHaveFocus();
    await user.click(next);
    expect(within(nav).getByText("Page 3 of 3")).toBeInTheDocument();
    await user.click(previous);
    expect(within(nav).getByText("Page 2 of 3")).toBeInTheDocument();
    expect(portal.requests.filter((r) => r.path === "/customers/me/charges")).toHaveLength(1);
    await expectNoAxeViolations(container);
  }, 20_000);

  it("has no paging controls for a single page, and a footer leading to the portal", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id, charges: CHARGES });
    renderInProvider(<BillingHistory />);
    await screen.findByRole("rowheader", { name: "Pro plan" });
    expect(screen.queryByRole("navigation")).toBeNull();
    expect(screen.getByText(he["history.footer"])).toBeInTheDocument();
    expect(screen.getByRole("button", { name: he["history.footer.portal"] })).toBeInTheDocument();
  });

  it("says when there are no payments yet, with the title one level below the heading", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id, charges: [] });
    const { container } = renderInProvider(<BillingHistory headingLevel={3} />, { locale: "en" });
    expect(await screen.findByRole("heading", { level: 4, name: en["history.empty.title"] })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 3, name: en["history.title"] })).toBeInTheDocument();
    expect(screen.getByText(en["history.empty.body"])).toBeInTheDocument();
    expect(screen.queryByRole("table")).toBeNull();
    await expectNoAxeViolations(container);
  });

  it("shows a person with no customer yet an empty history, not an error", async () => {
    usePortal({ signedIn: null });
    renderInProvider(<BillingHistory />, { locale: "en" });
    expect(await screen.findByText(en["history.empty.title"])).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows an error with Retry, and the payments once the retry succeeds", async () => {
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id, charges: CHARGES });
    portal.failWith({ method: "GET", path: "/customers/me/charges", status: 500, code: "INTERNAL_ERROR", message: "boom", times: 1 });
    const user = userEvent.setup();
    const { container } = renderInProvider(<BillingHistory />, { locale: "en" });
    expect(await screen.findByRole("alert")).toHaveTextContent(en["history.error"]);
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole("button", { name: en["history.retry"] }));
    expect(await screen.findByRole("rowheader", { name: "Pro plan" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
    await waitFor(() => expect(screen.getByRole("heading", { name: en["history.title"] })).toHaveFocus());
  });
});
