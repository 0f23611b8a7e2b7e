/**
 * What issue 13 found a merchant's customers would notice, each checked:
 * the language choice, required markers, phones, emails, headings, the
 * profile's alerts and saved notice, and unsaved edits kept from a stray Escape.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { appearanceContrastProblems, CustomerForm, CustomerProfile, EditCustomerDialog, PhoneField, themes } from "../../src/components";
import { en, he } from "../../src/core/messages";
import { formatIsraeliPhone } from "../../src/components/utils/israeliPhone";
import { normalizeDigits } from "../../src/components/utils/normalizeDigits";
import { contrastRatio } from "../../src/components/utils/contrast";
import { customerObject, expectNoAxeViolations, renderInProvider, TAL, mockEndpoint } from "./helpers";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const { usePortal } = mockEndpoint();

describe("the language choice", () => {
  it("names each language in itself, marked with its own lang and direction", () => {
    usePortal();
    renderInProvider(<CustomerForm />, { locale: "en" });
    const hebrew = screen.getByRole("radio", { name: "עברית" });
    const english = screen.getByRole("radio", { name: "English" });
    expect(hebrew.nextElementSibling).toHaveAttribute("lang", "he");
    expect(hebrew.nextElementSibling).toHaveAttribute("dir", "rtl");
    expect(english.nextElementSibling).toHaveAttribute("lang", "en");
    expect(he["locale.native.en"]).toBe("English");
    expect(en["locale.native.he"]).toBe("עברית");
  });
});

describe("required fields", () => {
  it("marks the name with a visible * outside its label, says what * means, and calls no field optional", async () => {
    usePortal();
    const { container } = renderInProvider(<CustomerForm />, { locale: "en" });
    expect(screen.getByText(en["form.requiredNote"])).toBeVisible();
    const name = screen.getByLabelText(en["form.name"]);
    expect(name).toHaveAttribute("aria-required", "true");
    const marker = name.closest(".ching-field")?.querySelector(".ching-required");
    expect(marker).toHaveTextContent("*");
    expect(marker).toHaveAttribute("aria-hidden", "true");
    // Email, phone and tax id may stay empty in a create: no marker, no "(optional)" on one of them only.
    expect(container.querySelectorAll(".ching-required")).toHaveLength(1);
    expect(container.textContent).not.toMatch(/optional/i);
    await expectNoAxeViolations(container);
  });

  it("in an edit also marks what is saved already, which cannot be emptied", () => {
    usePortal({ customers: [TAL], signedIn: TAL.id });
    renderInProvider(<CustomerForm customer={customerObject({ taxId: null })} />, { locale: "en" });
    expect(screen.getByLabelText(en["form.email"])).toHaveAttribute("aria-required", "true");
    expect(screen.getByLabelText(en["form.phone"])).toHaveAttribute("aria-required", "true");
    expect(screen.getByLabelText(en["form.taxId"])).not.toHaveAttribute("aria-required");
  });
});

describe("phone numbers", () => {
  it("accepts Arabic-Indic digits", async () => {
    const user = userEvent.setup();
    const onValue = vi.fn();
    usePortal();
    renderInProvider(<PhoneField onValueChange={onValue} />, { locale: "en" });
    await user.type(screen.getByLabelText(en["form.phone"]), "٠٥٠١٢٣٤٥٦٧");
    expect(onValue).toHaveBeenLastCalledWith("+972501234567", expect.objectContaining({ valid: true }));
    expect(normalizeDigits("۰۵۰-۱۲۳-۴۵۶۷")).toBe("050-123-4567");
  });

  it("shows a Hebrew reader their Israeli number the local way, in the form and the profile", async () => {
    usePortal({ customers: [TAL], signedIn: TAL.id });
    renderInProvider(<CustomerForm customer={customerObject()} />);
    expect(screen.getByLabelText(he["form.phone"])).toHaveValue("050-123-4567");
  });

  it("formats Israeli numbers without libphonenumber-js", () => {
    expect(formatIsraeliPhone("+972501234567", "national")).toBe("050-123-4567");
    expect(formatIsraeliPhone("+972501234567", "international")).toBe("+972 50 123 4567");
    expect(formatIsraeliPhone("+97231234567", "national")).toBe("03-123-4567");
    expect(formatIsraeliPhone("+972771234567", "national")).toBe("077-123-4567");
    expect(formatIsraeliPhone("+442079460958", "national")).toBeUndefined();
    expect(formatIsraeliPhone("+9725012345", "national")).toBeUndefined();
  });
});

describe("the profile", () => {
  it("lets a long email wrap only before its @ and after its dots", async () => {
    const email = "tal.levi.accounts.payable@very-long-company-name.example.co.il";
    usePortal({ customers: [{ ...TAL, email }], signedIn: TAL.id });
    renderInProvider(<CustomerProfile />, { locale: "en" });
    const shown = await screen.findByText(email);
    expect(shown.innerHTML).toBe(
      "tal.<wbr>levi.<wbr>accounts.<wbr>payable<wbr>@very-long-company-name.<wbr>example.<wbr>co.<wbr>il",
    );
  });

  it("takes a heading level for its title, the empty state's title one below", async () => {
    usePortal({ signedIn: null });
    renderInProvider(<CustomerProfile headingLevel={3} />, { locale: "en" });
    expect(screen.getByRole("heading", { level: 3, name: en["profile.title"] })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { level: 4, name: en["profile.noCustomer.title"] })).toBeInTheDocument();
  });

  it("shows a load error as an alert with an icon, like the form's", async () => {
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id });
    portal.failWith({ status: 500, code: "INTERNAL", message: "Boom", method: "GET", times: 1 });
    renderInProvider(<CustomerProfile />, { locale: "en" });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveClass("ching-alert");
    expect(alert).toHaveTextContent(en["profile.error"]);
    expect(alert.querySelector("svg[aria-hidden='true']")).not.toBeNull();
  });

  it("keeps the header's place for the Edit button while loading", () => {
    usePortal({ customers: [TAL], signedIn: TAL.id, latency: "infinite" });
    const { container } = renderInProvider(<CustomerProfile />, { locale: "en" });
    expect(container.querySelector(".ching-card__header .ching-skeleton--button")).not.toBeNull();
  });

  it("says visibly that an edit was saved once the dialog has closed", async () => {
    const user = userEvent.setup();
    usePortal({ customers: [TAL], signedIn: TAL.id });
    renderInProvider(<CustomerProfile />, { locale: "en" });
    await user.click(await screen.findByRole("button", { name: en["profile.edit"] }));
    const dialog = await screen.findByRole("dialog");
    const name = within(dialog).getByLabelText(en["form.name"]);
    await user.clear(name);
    await user.type(name, "Tal Cohen{Enter}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    const notice = screen.getByRole("status");
    expect(notice).toHaveClass("ching-notice");
    expect(notice).not.toHaveClass("ching-visually-hidden");
    expect(notice).toHaveTextContent(en["form.saved"]);
  });
});

describe("unsaved edits in a dialog", () => {
  it("Escape asks before discarding them; Keep editing goes back, Discard closes", async () => {
    const user = userEvent.setup();
    usePortal({ customers: [TAL], signedIn: TAL.id });
    renderInProvider(<EditCustomerDialog customer={customerObject()} trigger={<button type="button">Edit</button>} />, { locale: "en" });
    await user.click(screen.getByRole("button", { name: "Edit" }));
    const dialog = await screen.findByRole("dialog");
    const name = within(dialog).getByLabelText(en["form.name"]);
    await user.type(name, " Jr");
    await user.keyboard("{Escape}");
    const confirm = await within(dialog).findByRole("group", { name: en["dialog.discard.title"] });
    const keep = within(confirm).getByRole("button", { name: en["dialog.discard.keep"] });
    await waitFor(() => expect(keep).toHaveFocus());
    await expectNoAxeViolations();
    await user.click(keep);
    expect(within(dialog).queryByRole("group", { name: en["dialog.discard.title"] })).not.toBeInTheDocument();
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveValue("Tal Levi Jr");

    await user.keyboard("{Escape}");
    await user.click(await within(dialog).findByRole("button", { name: en["dialog.discard.confirm"] }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("Escape closes at once when nothing was changed", async () => {
    const user = userEvent.setup();
    usePortal({ customers: [TAL], signedIn: TAL.id });
    renderInProvider(<EditCustomerDialog customer={customerObject()} trigger={<button type="button">Edit</button>} />, { locale: "en" });
    await user.click(screen.getByRole("button", { name: "Edit" }));
    await screen.findByRole("dialog");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });
});

describe("appearance colours", () => {
  it("computes WCAG contrast", () => {
    expect(contrastRatio("#fff", "#000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#111827", "#0f766e")).toBeCloseTo(3.24, 1);
    expect(contrastRatio("var(--x)", "#000")).toBeUndefined();
  });

  it("the README's examples and every preset theme read at 4.5:1 or more, in light and dark", () => {
    const readme = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), "../../README.md"), "utf8");
    const examples = [...readme.matchAll(/appearance=\{(\{[^\n]*\})\}/g)].map((match) => match[1] ?? "");
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const variables = /(?<!dark)[Vv]ariables: (\{[^}]*\})/.exec(example)?.[1];
      const darkVariables = /darkVariables: (\{[^}]*\})/.exec(example)?.[1];
      const appearance = {
        variables: variables ? (JSON.parse(variables) as Record<string, string>) : undefined,
        darkVariables: darkVariables ? (JSON.parse(darkVariables) as Record<string, string>) : undefined,
      };
      expect(appearanceContrastProblems(appearance), example).toEqual([]);
    }
    for (const [name, theme] of Object.entries(themes)) {
      expect(appearanceContrastProblems(theme), name).toEqual([]);
    }
  });

  it("warns in development when text on primary is under 4.5:1", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    usePortal({ signedIn: null });
    renderInProvider(<CustomerProfile />, { appearance: { variables: { "color-primary": "#5eead4" } } });
    await waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringMatching(/light: #fff on #5eead4 is 1\.\d+:1/)));
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
