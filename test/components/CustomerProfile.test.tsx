import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { CustomerProfile } from "../../src/components";
import { billingPortalKeys } from "../../src/react";
import type { MockBillingPortal } from "../../src/testing";
import { expectNoAxeViolations, renderInProvider, TAL, mockEndpoint } from "./helpers";

const { usePortal } = mockEndpoint();

const gets = (portal: MockBillingPortal) => portal.requests.filter((r) => r.method === "GET").length;
const profileRoot = (container: HTMLElement) => container.querySelector("section") as HTMLElement;

/** The value of the row labelled `label`. */
function valueOf(label: string): HTMLElement {
  const term = screen.getByText(label, { selector: "dt" });
  return term.nextElementSibling as HTMLElement;
}

describe("CustomerProfile", () => {
  it("shows a skeleton while loading: busy, with a status text, and no axe violations", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id, latency: "infinite" });
    const { container } = renderInProvider(<CustomerProfile />);
    const root = profileRoot(container);
    expect(root).toHaveAttribute("aria-busy", "true");
    expect(screen.getByRole("status")).toHaveTextContent("טוען את פרטי החיוב…");
    expect(container.querySelector(".ching-skeleton")).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it("shows the customer in Hebrew, right to left, with numbers and emails isolated left to right", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id });
    const { container } = renderInProvider(<CustomerProfile className="merchant-card" />);
    expect(await screen.findByText("Tal Levi")).toBeInTheDocument();
    const root = profileRoot(container);
    expect(root).toHaveAttribute("dir", "rtl");
    expect(root).toHaveAttribute("lang", "he");
    expect(root).toHaveClass("ching-root", "ching-profile", "merchant-card");
    expect(root).not.toHaveAttribute("aria-busy");
    expect(screen.getByRole("region", { name: "פרטי חיוב" })).toBe(root);

    const email = within(valueOf("דוא״ל")).getByText("tal@example.com");
    expect(email.tagName).toBe("BDI");
    expect(email).toHaveAttribute("dir", "ltr");
    // An Israeli number in the local way for a Hebrew reader, with no phone metadata loaded.
    const phone = within(valueOf("טלפון")).getByText("050-123-4567");
    expect(phone.tagName).toBe("BDI");
    expect(phone).toHaveAttribute("dir", "ltr");
    expect(within(valueOf("מספר עוסק / ח״פ")).getByText("514999874")).toHaveAttribute("dir", "ltr");
    expect(valueOf("שפה מועדפת")).toHaveTextContent("עברית");
    const created = new Intl.DateTimeFormat("he", { dateStyle: "long" }).format(new Date(TAL.created));
    expect(valueOf("לקוח מאז")).toHaveTextContent(created);
    expect(within(valueOf("לקוח מאז")).getByText(created)).toHaveAttribute("datetime", TAL.created);
    await expectNoAxeViolations(container);
  });

  it("says which fields are not set", async () => {
    usePortal({ customers: [{ id: TAL.id, name: "Tal Levi" }], signedIn: TAL.id });
    renderInProvider(<CustomerProfile />, { locale: "en" });
    await screen.findByText("Tal Levi");
    expect(valueOf("Email")).toHaveTextContent("Not set");
    expect(valueOf("Phone")).toHaveTextContent("Not set");
    expect(valueOf("Tax ID")).toHaveTextContent("Not set");
  });

  it("follows the customer's own locale when the provider sets none", async () => {
    usePortal({ customers: [{ ...TAL, locale: "en" }], signedIn: TAL.id });
    const { container } = renderInProvider(<CustomerProfile />);
    await screen.findByText("Tal Levi");
    expect(profileRoot(container)).toHaveAttribute("lang", "en");
    expect(screen.getByRole("heading", { name: "Billing details" })).toBeInTheDocument();
  });

  it("switches locale in place: no remount, no refetch", async () => {
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id });
    const { container, rerenderWith } = renderInProvider(<CustomerProfile />, { locale: "he" });
    await screen.findByText("Tal Levi");
    const root = profileRoot(container);
    const heading = screen.getByRole("heading");
    rerenderWith({ locale: "en" });
    expect(profileRoot(container)).toBe(root);
    expect(screen.getByRole("heading")).toBe(heading);
    expect(root).toHaveAttribute("dir", "ltr");
    expect(root).toHaveAttribute("lang", "en");
    expect(heading).toHaveTextContent("Billing details");
    const created = new Intl.DateTimeFormat("en", { dateStyle: "long" }).format(new Date(TAL.created));
    expect(valueOf("Customer since")).toHaveTextContent(created);
    expect(valueOf("Preferred language")).toHaveTextContent("Hebrew");
    expect(gets(portal)).toBe(1);
  });

  it("puts the provider's appearance on its root: light and dark colours apart, other tokens for both", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id });
    const { container } = renderInProvider(<CustomerProfile />, {
      appearance: {
        theme: "dark",
        variables: { "color-primary": "#0f766e", radius: "4px" },
        darkVariables: { "color-primary": "#5eead4" },
      },
    });
    await screen.findByText("Tal Levi");
    const root = profileRoot(container);
    expect(root).toHaveAttribute("data-ching-theme", "dark");
    expect(root.style.getPropertyValue("--ching-light-color-primary")).toBe("#0f766e");
    expect(root.style.getPropertyValue("--ching-dark-color-primary")).toBe("#5eead4");
    // One value no longer paints both themes (the light teal under dark text was 3.24:1).
    expect(root.style.getPropertyValue("--ching-color-primary")).toBe("");
    expect(root.style.getPropertyValue("--ching-radius")).toBe("4px");
  });

  it("shows an error with a retry button that loads the customer", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id });
    portal.failWith({ status: 500, code: "INTERNAL", message: "Boom", times: 1 });
    const { container } = renderInProvider(<CustomerProfile />, { locale: "en" });
    expect(await screen.findByRole("alert")).toHaveTextContent("We couldn't load your billing details.");
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Tal Levi")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(gets(portal)).toBe(2);
    // The Try again button is gone: focus is on the profile's title, not lost to the page.
    await waitFor(() => expect(screen.getByRole("heading", { name: "Billing details" })).toHaveFocus());
  });

  it("offers to create billing details when there are none, and shows them once created", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ signedIn: null });
    const { container } = renderInProvider(<CustomerProfile />, { locale: "en" });
    expect(await screen.findByText("No billing details yet")).toBeInTheDocument();
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole("button", { name: "Add billing details" }));
    const dialog = await screen.findByRole("dialog", { name: "Add billing details" });
    const name = within(dialog).getByLabelText("Full name");
    await waitFor(() => expect(name).toHaveFocus());
    await user.type(name, "Dana Cohen");
    await user.type(within(dialog).getByLabelText("Phone"), "+44 20 7946 0958");
    await user.click(within(dialog).getByRole("button", { name: "Save details" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(await screen.findByText("Dana Cohen")).toBeInTheDocument();
    expect(await within(valueOf("Phone")).findByText("+44 20 7946 0958")).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Your details were saved.");
    // The create button is gone; focus lands on Edit, which took its place.
    await waitFor(() => expect(screen.getByRole("button", { name: "Edit" })).toHaveFocus());
    // The cache took the answer: no second GET of the customer.
    expect(portal.requests.filter((r) => r.method === "GET" && r.path === "/customers/me")).toHaveLength(1);
  });

  it("with no customer yet, asks for the account's name and email at once, so the create dialog opens with them", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ signedIn: null, identity: { name: "Tal Levi", email: "tal@example.com" } });
    const { queryClient } = renderInProvider(<CustomerProfile />, { locale: "en" });
    expect(await screen.findByText("No billing details yet")).toBeInTheDocument();
    // Answered before anyone asked for the dialog.
    await waitFor(() => expect(queryClient.getQueryState(billingPortalKeys.createDefaults())?.status).toBe("success"));
    expect(portal.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /customers/me", "GET /customers/me/defaults"]);
    await user.click(screen.getByRole("button", { name: "Add billing details" }));
    const dialog = await screen.findByRole("dialog", { name: "Add billing details" });
    expect(within(dialog).getByLabelText("Full name")).toHaveValue("Tal Levi");
    expect(within(dialog).getByLabelText("Email")).toHaveValue("tal@example.com");
    await waitFor(() => expect(within(dialog).getByLabelText("Full name")).toHaveFocus());
  });

  it("edits through a dialog: focus in, Escape out back to Edit, then a save updates the profile", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id });
    renderInProvider(<CustomerProfile />);
    await screen.findByText("Tal Levi");
    const edit = screen.getByRole("button", { name: "עריכה" });
    await user.click(edit);
    const dialog = await screen.findByRole("dialog", { name: "עריכת פרטי חיוב" });
    expect(dialog).toHaveAttribute("dir", "rtl");
    await waitFor(() => expect(within(dialog).getByLabelText("שם מלא")).toHaveFocus());
    await expectNoAxeViolations();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(edit).toHaveFocus());

    await user.keyboard("{Enter}");
    const again = await screen.findByRole("dialog");
    const email = within(again).getByLabelText("דוא״ל");
    await user.clear(email);
    await user.type(email, "tal@levi.co.il{Enter}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(await screen.findByText("tal@levi.co.il")).toBeInTheDocument();
    expect(portal.requests.filter((r) => r.method === "POST").map((r) => r.body)).toEqual([{ email: "tal@levi.co.il" }]);
    await waitFor(() => expect(edit).toHaveFocus());
  });

  it("shows another customer by id", async () => {
    usePortal({ customers: [TAL, { id: "cus_Dana0000000A", name: "Dana Cohen" }], signedIn: TAL.id, allowOthers: true });
    renderInProvider(<CustomerProfile customerId="cus_Dana0000000A" />, { locale: "en" });
    expect(await screen.findByText("Dana Cohen")).toBeInTheDocument();
  });
});
