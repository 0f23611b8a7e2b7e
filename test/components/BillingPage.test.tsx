import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { BillingPage, ManageBillingButton } from "../../src/components";
import { en, he } from "../../src/core/messages";
import type { ChargeSeed } from "../../src/testing";
import { expectNoAxeViolations, mockEndpoint, renderInProvider, TAL } from "./helpers";
import { dailyCharges } from "../fixtures";

const { usePortal } = mockEndpoint();

describe("ManageBillingButton", () => {
  it("makes a fresh portal session per click and goes there", async () => {
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id });
    const navigate = vi.fn();
    const user = userEvent.setup();
    const { container } = renderInProvider(<ManageBillingButton navigate={navigate} returnUrl="http://localhost:3000/billing" className="merchant" />);
    const button = screen.getByRole("button", { name: he["portal.manage"] });
    expect(container.firstElementChild).toHaveAttribute("dir", "rtl");
    expect(container.firstElementChild).toHaveAttribute("lang", "he");
    expect(container.firstElementChild).toHaveClass("ching-root", "ching-manage", "merchant");
    await user.click(button);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    expect(String(navigate.mock.calls[0]?.[0])).toMatch(/^https?:\/\//);
    await user.click(button);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(2));
    expect(portal.requests.filter((r) => r.method === "POST" && r.path === "/customers/me/portal_sessions")).toHaveLength(2);
    await expectNoAxeViolations(container);
  });

  it("is busy while the session is made", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id, latency: "infinite" });
    const user = userEvent.setup();
    renderInProvider(<ManageBillingButton navigate={vi.fn()}>Subscriptions</ManageBillingButton>, { locale: "en" });
    const button = screen.getByRole("button", { name: "Subscriptions" });
    await user.click(button);
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("status")).toHaveTextContent(en["portal.opening"]);
  });

  it("shows an alert next to it when the portal cannot be opened, and does not navigate", async () => {
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id });
    portal.failWith({ method: "POST", status: 502, code: "UPSTREAM_UNAVAILABLE", message: "down", times: 1 });
    const navigate = vi.fn();
    const user = userEvent.setup();
    const { container } = renderInProvider(<ManageBillingButton navigate={navigate} />, { locale: "en" });
    await user.click(screen.getByRole("button", { name: en["portal.manage"] }));
    expect(await screen.findByRole("alert")).toHaveTextContent(en["portal.error"]);
    expect(navigate).not.toHaveBeenCalled();
    await expectNoAxeViolations(container);
    // Trying again clears the alert and goes.
    await user.click(screen.getByRole("button", { name: en["portal.manage"] }));
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("BillingPage", () => {
  it("puts profile, history and the manage section in one page, each section loaded lazily", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id, demoBilling: true });
    const { container } = renderInProvider(<BillingPage className="merchant-page" />);
    const root = container.firstElementChild as HTMLElement;
    expect(root).toHaveAttribute("dir", "rtl");
    expect(root).toHaveAttribute("lang", "he");
    expect(root).toHaveClass("ching-root", "ching-page", "merchant-page");
    // Before the chunks arrive: a skeleton per section.
    expect(container.querySelectorAll(".ching-page__placeholder").length).toBeGreaterThan(0);
    expect(await screen.findByRole("region", { name: he["profile.title"] })).toBeInTheDocument();
    const history = await screen.findByRole("region", { name: he["history.title"] });
    await within(history).findByRole("rowheader", { name: "Hardware deposit" });
    const manage = await screen.findByRole("region", { name: he["page.manage.title"] });
    expect(within(manage).getByRole("button", { name: he["portal.manage"] })).toBeInTheDocument();
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual(
      expect.arrayContaining([he["profile.title"], he["history.title"], he["page.manage.title"]]),
    );
    expect(container.querySelector(".ching-page__placeholder")).toBeNull();
    await screen.findByText(TAL.name);
    await expectNoAxeViolations(container);
  }, 20_000);

  it("puts its section headings at the level the merchant sets", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id, charges: [] });
    renderInProvider(<BillingPage headingLevel={3} />, { locale: "en" });
    expect(await screen.findByRole("heading", { level: 3, name: en["history.title"] })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { level: 3, name: en["profile.title"] })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { level: 3, name: en["page.manage.title"] })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { level: 4, name: en["history.empty.title"] })).toBeInTheDocument();
  });

  it("leaves hidden sections out, and does not load their data", async () => {
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id, demoBilling: true });
    const { container } = renderInProvider(<BillingPage hide={["profile", "cards", "manage"]} />, { locale: "en" });
    expect(await screen.findByRole("region", { name: en["history.title"] })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: en["profile.title"] })).toBeNull();
    expect(screen.queryByRole("region", { name: en["page.manage.title"] })).toBeNull();
    expect(container.querySelectorAll("[data-ching-section]")).toHaveLength(1);
    await waitFor(() => expect(portal.requests.some((r) => r.path === "/customers/me/charges")).toBe(true));
    expect(portal.requests.some((r) => r.path === "/customers/me")).toBe(false);
    expect(portal.requests.some((r) => r.path === "/customers/me/payment_methods")).toBe(false);
  });

  it("asks for every shown section's data at once, not each after the one it waits for", async () => {
    // Nothing ever answers: no section learns of a customer, yet the cards are asked for with the customer.
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id, latency: "infinite" });
    renderInProvider(<BillingPage />, { locale: "en" });
    await waitFor(() =>
      expect(portal.requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
        "GET /customers/me",
        "GET /customers/me/charges",
        "GET /customers/me/payment_methods",
      ]),
    );
  });

  it("reads the receipts of the history's first page with the charges, and no others", async () => {
    const charges = dailyCharges(12, TAL.id);
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id, charges });
    renderInProvider(<BillingPage hide={["profile", "cards", "manage"]} historyPageSize={4} />, { locale: "en" });
    const history = await screen.findByRole("region", { name: en["history.title"] });
    await within(history).findByRole("rowheader", { name: "Payment 4" });
    // Every receipt on the page labelled with its document's number.
    await waitFor(() => expect(within(history).getAllByRole("link").filter((link) => /\d{2,}/.test(link.textContent ?? ""))).toHaveLength(4));
    // One request for the page's four receipts, and none of the links asked for its own.
    expect(portal.requests.filter((r) => r.path === "/customers/me/documents")).toHaveLength(1);
    expect(portal.requests.filter((r) => r.path.startsWith("/customers/me/documents/"))).toHaveLength(0);
    // Ching was asked for those four documents only, not the other pages'.
    expect(portal.ching.calls.filter((c) => c.route === "GET /documents/:id")).toHaveLength(4);
  });

  it("reads each receipt on its own when the endpoint has no batch of documents", async () => {
    const charges: ChargeSeed[] = Array.from({ length: 3 }, (_, i) => ({ customer: TAL.id, amount: 1_000 + i, description: `Payment ${i + 1}` }));
    // An endpoint of the protocol before the batch: its path is no route there.
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id, charges });
    portal.failWith({ status: 404, code: "NOT_FOUND", message: "No such route", path: "/customers/me/documents" });
    renderInProvider(<BillingPage hide={["profile", "cards", "manage"]} />, { locale: "en" });
    const history = await screen.findByRole("region", { name: en["history.title"] });
    await waitFor(() => expect(within(history).getAllByRole("link").filter((link) => /\d{2,}/.test(link.textContent ?? ""))).toHaveLength(3));
    expect(portal.requests.filter((r) => r.path === "/customers/me/documents")).toHaveLength(1);
    expect(new Set(portal.requests.filter((r) => r.path.startsWith("/customers/me/documents/")).map((r) => r.path)).size).toBe(3);
  });

  it("keeps the shown sections on screen while a section shown later loads", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id, demoBilling: true });
    const view = renderInProvider(<BillingPage hide={["profile", "cards", "manage"]} />, { locale: "en" });
    const history = await screen.findByRole("region", { name: en["history.title"] });
    await within(history).findByRole("rowheader", { name: "Hardware deposit" });
    view.rerenderWith({}, <BillingPage hide={["cards"]} />);
    // The history is not swapped for a skeleton while the profile's and the manage section's code arrive.
    expect(within(screen.getByRole("region", { name: en["history.title"] })).getByRole("rowheader", { name: "Hardware deposit" })).toBeInTheDocument();
    expect(await screen.findByRole("region", { name: en["page.manage.title"] })).toBeInTheDocument();
    expect(await screen.findByText(TAL.name)).toBeInTheDocument();
  });
});

