import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { PaymentMethods } from "../../src/components";
import { useAddPaymentMethod } from "../../src/react";
import { en } from "../../src/core/messages";
import type { MockBillingPortal } from "../../src/testing";
import { expectNoAxeViolations, mockEndpoint, renderInProvider, TAL } from "./helpers";

const { usePortal } = mockEndpoint();

const CARDS = [
  { customer: TAL.id, id: "pm_Visa00004242", card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 }, is_default: true, created: "2026-01-01T00:00:00.000Z" },
  { customer: TAL.id, id: "pm_Amex00000005", card: { brand: "amex", last4: "0005", exp_month: 3, exp_year: 2021 }, created: "2025-01-01T00:00:00.000Z" },
  { customer: TAL.id, id: "pm_Master0005555", card: { brand: "mastercard", last4: "5555", exp_month: 8, exp_year: 2029 }, created: "2026-06-01T00:00:00.000Z" },
  { customer: TAL.id, id: "pm_Other0001117", card: { brand: "discover", last4: "1117", exp_month: 1, exp_year: 2031 }, created: "2026-03-01T00:00:00.000Z" },
];

const root = (container: HTMLElement) => container.querySelector("section") as HTMLElement;
const rows = () => within(screen.getByRole("list")).getAllByRole("listitem");
const detaches = (portal: MockBillingPortal) => portal.requests.filter((r) => r.path.endsWith("/detach")).length;

afterEach(() => {
  // Unmounted before the endpoint goes (the hooks below refetch and poll while mounted).
  cleanup();
  window.history.replaceState(null, "", "/");
  window.sessionStorage.clear();
});

// Radix, axe and userEvent on a shared machine: slower than the 5 s default.
describe("PaymentMethods", { timeout: 20_000 }, () => {
  it("lists the default card first, then the newest, each named as a whole, in Hebrew right to left", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id, paymentMethods: CARDS });
    const { container } = renderInProvider(<PaymentMethods className="merchant-cards" headingLevel={3} />);
    await screen.findByRole("list", { name: "כרטיסים שמורים" });
    const section = root(container);
    expect(section).toHaveAttribute("dir", "rtl");
    expect(section).toHaveAttribute("lang", "he");
    expect(section).toHaveClass("ching-root", "ching-cards", "merchant-cards");
    expect(screen.getByRole("heading", { level: 3, name: "אמצעי תשלום" })).toBeInTheDocument();
    expect(rows().map((row) => row.id.slice(row.id.indexOf("pm_")))).toEqual(["pm_Visa00004242", "pm_Master0005555", "pm_Other0001117", "pm_Amex00000005"]);
    expect(screen.getByRole("listitem", { name: "ויזה שמסתיים ב־4242, בתוקף עד 12/2030, ברירת מחדל" })).toBeInTheDocument();
    expect(screen.getByRole("listitem", { name: "אמריקן אקספרס שמסתיים ב־0005, פג תוקף ב־03/2021" })).toBeInTheDocument();
    const digits = within(rows()[0]!).getByText("•••• 4242");
    expect(digits.tagName).toBe("BDI");
    expect(digits).toHaveAttribute("dir", "ltr");
    expect(within(rows()[0]!).getByText("12/2030")).toHaveAttribute("dir", "ltr");
    await expectNoAxeViolations(container);
  });

  it("shows the names, brand marks and badges in English", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id, paymentMethods: CARDS });
    const { container } = renderInProvider(<PaymentMethods />, { locale: "en" });
    await screen.findByRole("list", { name: "Saved cards" });
    expect(root(container)).toHaveAttribute("dir", "ltr");
    const [visa, master, other, old] = rows() as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(visa).toHaveAccessibleName("Visa ending 4242, expires 12/2030, default");
    expect(master).toHaveAccessibleName("Mastercard ending 5555, expires 08/2029");
    expect(other).toHaveAccessibleName("Discover ending 1117, expires 01/2031");
    expect(old).toHaveAccessibleName("American Express ending 0005, expired 03/2021");
    expect(within(visa).getByText("Default")).toBeInTheDocument();
    expect(within(visa).queryByText("Expired", { selector: ".ching-badge" })).not.toBeInTheDocument();
    expect(within(old).getByText("Expired", { selector: ".ching-badge" })).toBeInTheDocument();
    expect(old.querySelector(".ching-pm__expiry")).toHaveTextContent("Expired 03/2021");
    expect(visa.querySelector("svg")).toHaveAttribute("data-brand", "visa");
    expect(other.querySelector("svg")).toHaveAttribute("data-brand", "other");
    expect(within(master).getByRole("button", { name: "Remove Mastercard ending 5555, expires 08/2029" })).toBeVisible();
    // Test mode: the customer's livemode is false.
    expect(await screen.findByRole("button", { name: "Add test card" })).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it("removes a card after a confirm that opens on Cancel, then focuses the next row", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id, paymentMethods: CARDS });
    renderInProvider(<PaymentMethods />, { locale: "en" });
    await screen.findByRole("list");
    await user.click(screen.getByRole("button", { name: /^Remove Visa ending 4242/ }));
    const dialog = await screen.findByRole("alertdialog", { name: en["cards.confirm.title"] });
    expect(dialog).toHaveAccessibleDescription(/Visa ending 4242 will be removed/);
    expect(within(dialog).getByText(en["cards.confirm.default"])).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus());
    await expectNoAxeViolations();

    // Cancel: nothing removed, focus back on the Remove button.
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(screen.getByRole("button", { name: /^Remove Visa ending 4242/ })).toHaveFocus();
    expect(detaches(portal)).toBe(0);

    await user.click(screen.getByRole("button", { name: /^Remove Mastercard/ }));
    const second = await screen.findByRole("alertdialog");
    expect(within(second).queryByText(en["cards.confirm.default"])).not.toBeInTheDocument();
    await user.click(within(second).getByRole("button", { name: "Remove card" }));
    await waitFor(() => expect(screen.queryByRole("listitem", { name: /Mastercard/ })).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole("listitem", { name: /^Discover ending 1117/ })).toHaveFocus());
    expect(portal.ching.paymentMethods(TAL.id).map((card) => card.id)).not.toContain("pm_Master0005555");
    expect(detaches(portal)).toBe(1);
    await waitFor(() => expect(screen.getByText("Card •••• 5555 removed.")).toBeInTheDocument());
    await expectNoAxeViolations();
  });

  it("moves focus to Add card when the last card is removed, and shows the empty state", async () => {
    const user = userEvent.setup();
    usePortal({ customers: [TAL], signedIn: TAL.id, paymentMethods: [CARDS[0]!] });
    const { container } = renderInProvider(<PaymentMethods />, { locale: "en" });
    await user.click(await screen.findByRole("button", { name: /^Remove Visa/ }));
    await user.click(await screen.findByRole("button", { name: "Remove card" }));
    expect(await screen.findByText(en["cards.empty.title"])).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: /^Add (test )?card$/ })).toHaveFocus());
    await expectNoAxeViolations(container);
  });

  it("puts a card that could not be removed back, with the in-use message at its row", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id, paymentMethods: CARDS });
    portal.failWith({
      method: "POST",
      path: "/customers/me/payment_methods/pm_Master0005555/detach",
      status: 409,
      code: "PAYMENT_METHOD_IN_USE",
      message: "The card pays an active subscription",
      times: 1,
    });
    const { container } = renderInProvider(<PaymentMethods />, { locale: "en" });
    await user.click(await screen.findByRole("button", { name: /^Remove Mastercard/ }));
    await user.click(await screen.findByRole("button", { name: "Remove card" }));
    const row = await screen.findByRole("listitem", { name: /^Mastercard ending 5555/ });
    await waitFor(() => expect(within(row).getByText(en["cards.remove.inUse"])).toBeInTheDocument());
    const remove = within(row).getByRole("button", { name: /^Remove Mastercard/ });
    expect(remove).toHaveAccessibleDescription(en["cards.remove.inUse"]);
    expect(within(row).getByText(en["cards.remove.inUse"]).closest("[aria-live]")).toHaveAttribute("aria-live", "polite");
    await waitFor(() => expect(remove).toHaveFocus());
    expect(rows()).toHaveLength(4);
    await expectNoAxeViolations(container);
  });

  it("says a generic message when removal fails for another reason", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id, paymentMethods: CARDS });
    portal.failWith({ method: "POST", status: 502, code: "UPSTREAM_UNAVAILABLE", message: "Down", times: 1 });
    renderInProvider(<PaymentMethods />, { locale: "en" });
    await user.click(await screen.findByRole("button", { name: /^Remove Mastercard/ }));
    await user.click(await screen.findByRole("button", { name: "Remove card" }));
    const row = await screen.findByRole("listitem", { name: /^Mastercard ending 5555/ });
    await waitFor(() => expect(within(row).getByText(en["cards.remove.error"])).toBeInTheDocument());
    expect(screen.queryByText(en["cards.remove.inUse"])).not.toBeInTheDocument();
  });

  it("offers no Remove button when removal is off", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id, paymentMethods: CARDS });
    renderInProvider(<PaymentMethods allowRemove={false} />, { locale: "en" });
    await screen.findByRole("list");
    expect(screen.queryByRole("button", { name: /^Remove/ })).not.toBeInTheDocument();
  });

  it("shows skeleton rows while loading, busy and announced", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id, paymentMethods: CARDS, latency: "infinite" });
    const { container } = renderInProvider(<PaymentMethods />, { locale: "en" });
    expect(root(container)).toHaveAttribute("aria-busy", "true");
    expect(container.querySelectorAll(".ching-pm--skeleton")).toHaveLength(2);
    expect(screen.getAllByRole("status").map((s) => s.textContent)).toContain(en["cards.loading"]);
    await expectNoAxeViolations(container);
  });

  it("shows an empty state that leads to Add card", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id });
    const { container } = renderInProvider(<PaymentMethods />);
    expect(await screen.findByText("אין כרטיסים שמורים")).toBeInTheDocument();
    expect(screen.queryByRole("list")).not.toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "הוספת כרטיס בדיקה" })).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it("shows an error with Try again, which loads the cards", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id, paymentMethods: CARDS });
    portal.failWith({ method: "GET", path: "/customers/me/payment_methods", status: 500, code: "INTERNAL", message: "Boom", times: 1 });
    const { container } = renderInProvider(<PaymentMethods />, { locale: "en" });
    await screen.findByText(en["cards.error"]);
    expect(screen.getByRole("alert")).toHaveTextContent(en["cards.error"]);
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("list")).toBeInTheDocument();
    expect(screen.queryByText(en["cards.error"])).not.toBeInTheDocument();
    // The Try again button is gone: focus is on the section's title, not lost to the page.
    await waitFor(() => expect(screen.getByRole("heading", { name: en["cards.title"] })).toHaveFocus());
  });

  it("goes to the hosted page from Add card, saying Opening… meanwhile, and shows why it could not", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id });
    const visited: string[] = [];
    renderInProvider(<PaymentMethods addOptions={{ navigate: (url) => visited.push(url) }} />, { locale: "en" });
    const add = await screen.findByRole("button", { name: "Add test card" });
    portal.setLatency(50);
    await user.click(add);
    expect(add).toHaveTextContent("Opening…");
    expect(add).toHaveAttribute("aria-disabled", "true");
    await waitFor(() => expect(visited).toEqual([portal.ching.setupSessions()[0]!.url]));

    portal.setLatency(0);
    portal.failWith({ method: "POST", status: 502, code: "UPSTREAM_UNAVAILABLE", message: "Down", times: 1 });
    await user.click(add);
    await waitFor(() => expect(add).toHaveAccessibleDescription(en["cards.add.error"]));
    expect(visited).toHaveLength(1);
  });

  it("after a return from the hosted page announces the new card and focuses its row", async () => {
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id, paymentMethods: [CARDS[0]!] });
    const session = await startSession(portal);
    portal.ching.completeSetupSession(session, { cardIndex: 1 });
    window.history.replaceState(null, "", `?ching_setup=success&ching_setup_id=${session}`);
    const { container } = renderInProvider(<PaymentMethods addOptions={{ pollIntervalMs: 10 }} />, { locale: "en" });
    const notice = container.querySelector(".ching-setup-notice__text") as HTMLElement;
    expect(notice).toHaveAttribute("role", "status");
    await waitFor(() => expect(notice).toHaveTextContent("Card •••• 5555 added."));
    expect(within(notice).getByText("•••• 5555")).toHaveAttribute("dir", "ltr");
    await waitFor(() => expect(screen.getByRole("listitem", { name: /^Mastercard ending 5555/ })).toHaveFocus());
    expect(window.location.search).toBe("");
    await expectNoAxeViolations(container);
    // Dismissed, the notice goes and focus lands on Add card rather than on the page.
    await userEvent.setup().click(screen.getByRole("button", { name: "Dismiss" }));
    await waitFor(() => expect(notice).toBeEmptyDOMElement());
    expect(screen.getByRole("button", { name: "Add test card" })).toHaveFocus();
  });

  it("shows a return that the page's own useAddPaymentMethod read (and took off the URL) before it mounted", async () => {
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id, paymentMethods: [CARDS[0]!] });
    const session = await startSession(portal);
    window.history.replaceState(null, "", `?ching_setup=cancel&ching_setup_id=${session}`);
    // The merchant's page follows the return first; the cards come later (say, in a tab opened on it).
    function Page() {
      const add = useAddPaymentMethod();
      return add.returned ? <PaymentMethods /> : <p>Loading</p>;
    }
    renderInProvider(<Page />, { locale: "en" });
    expect(await screen.findByText(en["cards.return.canceled"])).toHaveAttribute("role", "status");
    expect(window.location.search).toBe("");
  });

  it("shows the provider's overrides of its strings, those of its lazy parts too", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id, paymentMethods: CARDS });
    const session = await startSession(portal);
    window.history.replaceState(null, "", `?ching_setup=cancel&ching_setup_id=${session}`);
    const messages = {
      en: { "cards.title": "Your cards", "cards.confirm.title": "Delete this card?", "cards.return.canceled": "No new card." },
      he: { "cards.title": "לא זה" },
    };
    renderInProvider(<PaymentMethods />, { locale: "en", messages });
    expect(screen.getByRole("heading", { name: "Your cards" })).toBeInTheDocument();
    expect(await screen.findByText("No new card.")).toHaveAttribute("role", "status");
    await user.click(await screen.findByRole("button", { name: /^Remove Visa ending 4242/ }));
    expect(await screen.findByRole("alertdialog", { name: "Delete this card?" })).toBeInTheDocument();
  });

  it.each([
    ["canceled", "cancel", en["cards.return.canceled"]],
    ["failed", "success", en["cards.return.failed"]],
  ] as const)("after a %s return says so", async (_name, param, message) => {
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id, paymentMethods: [CARDS[0]!] });
    const session = await startSession(portal);
    if (param === "success") portal.ching.completeSetupSession(session, { outcome: "failed" });
    window.history.replaceState(null, "", `?ching_setup=${param}&ching_setup_id=${session}`);
    const { container } = renderInProvider(<PaymentMethods addOptions={{ pollIntervalMs: 10 }} />, { locale: "en" });
    expect(await screen.findByText(message)).toHaveAttribute("role", "status");
    expect(rows()).toHaveLength(1);
    await expectNoAxeViolations(container);
  });

  it("after a return that never finishes says it is still checking", async () => {
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id });
    const session = await startSession(portal);
    window.history.replaceState(null, "", `?ching_setup=success&ching_setup_id=${session}`);
    renderInProvider(<PaymentMethods addOptions={{ pollIntervalMs: 10, pollTimeoutMs: 60 }} />, { locale: "en" });
    expect(await screen.findByText(en["cards.return.checking"])).toBeInTheDocument();
    expect(await screen.findByText(en["cards.return.timeout"])).toHaveAttribute("role", "status");
  });
});

/** A setup session for Tal, made on the in-memory Ching as the hosted-page trip would. */
async function startSession(portal: MockBillingPortal): Promise<string> {
  const started = await portal.ching.fetch("https://api.ching.test/ching/v1/setup_sessions", {
    method: "POST",
    headers: { authorization: `Bearer ${portal.ching.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ customer: TAL.id, success_url: "http://localhost:3000/a", cancel_url: "http://localhost:3000/b" }),
  });
  const { data } = (await started.json()) as { data: { id: string } };
  return data.id;
}
