import type { QueryClient } from "@tanstack/react-query";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { CustomerForm } from "../../src/components";
import { en } from "../../src/core/messages";
import type { Customer } from "../../src/core/customer";
import { billingPortalKeys, useCustomer } from "../../src/react";
import type { MockBillingPortal } from "../../src/testing";
import { testQueryClient } from "../render";
import { customerObject, DANA, expectNoAxeViolations, renderInProvider, TAL, mockEndpoint } from "./helpers";

const { server, usePortal } = mockEndpoint();

const posts = (portal: MockBillingPortal) => portal.requests.filter((r) => r.method === "POST");

describe("CustomerForm, creating", () => {
  it("has labelled fields with standard names and autocomplete, in Hebrew RTL, without axe violations", async () => {
    usePortal();
    const { container } = renderInProvider(<CustomerForm />);
    const form = container.querySelector("form");
    expect(form).toHaveAttribute("dir", "rtl");
    expect(form).toHaveAttribute("lang", "he");
    expect(screen.getByLabelText("שם מלא")).toHaveAttribute("autocomplete", "name");
    expect(screen.getByLabelText("שם מלא")).toHaveAttribute("name", "name");
    expect(screen.getByLabelText("דוא״ל")).toHaveAttribute("autocomplete", "email");
    expect(screen.getByLabelText("דוא״ל")).toHaveAttribute("name", "email");
    expect(screen.getByLabelText("דוא״ל")).toHaveAttribute("dir", "ltr");
    expect(screen.getByLabelText("טלפון")).toHaveAttribute("autocomplete", "tel");
    expect(screen.getByRole("group", { name: "שפה מועדפת" })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "עברית" })).toBeChecked();
    expect(screen.getByLabelText("מספר עוסק / ח״פ")).toHaveAttribute("name", "taxId");
    await expectNoAxeViolations(container);
  });

  it("creates the customer with what was typed, leaving empty fields out", async () => {
    const user = userEvent.setup();
    const portal = usePortal();
    const onSuccess = vi.fn();
    renderInProvider(<CustomerForm onSuccess={onSuccess} />, { locale: "en" });
    await user.type(screen.getByLabelText("Full name"), "  Tal Levi ");
    await user.type(screen.getByLabelText("Phone"), "050-123-4567");
    await user.click(screen.getByRole("radio", { name: "English" }));
    await user.click(screen.getByRole("button", { name: "Save details" }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(posts(portal)).toEqual([
      { method: "POST", path: "/customers", body: { name: "Tal Levi", locale: "en", phone: "+972501234567" } },
    ]);
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ name: "Tal Levi", phone: "+972501234567", locale: "en" });
    expect(screen.getByRole("status")).toHaveTextContent("Your details were saved.");
    // Sent trimmed by the schema; the form goes on as an edit of the new customer.
    expect(screen.getByRole("button", { name: "Save changes" })).toBeInTheDocument();
  });

  it("checks with the shared schemas and shows catalog messages in Hebrew at each field, sending nothing", async () => {
    const user = userEvent.setup();
    const portal = usePortal();
    const { container } = renderInProvider(<CustomerForm />);
    await user.type(screen.getByLabelText("דוא״ל"), "not-an-email");
    await user.type(screen.getByLabelText("טלפון"), "+9725012");
    await user.click(screen.getByRole("button", { name: "שמירת הפרטים" }));

    const name = screen.getByLabelText("שם מלא");
    await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
    expect(name).toHaveAccessibleDescription("נא להזין שם.");
    expect(name).toHaveFocus();
    expect(screen.getByLabelText("דוא״ל")).toHaveAccessibleDescription("נא להזין כתובת דוא״ל תקינה, למשל name@example.com.");
    expect(screen.getByLabelText("טלפון")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("טלפון")).toHaveAccessibleDescription(/נא להזין מספר טלפון תקין/);
    expect(container.textContent).not.toMatch(/Enter a valid|Name is required|E\.164/);
    expect(posts(portal)).toEqual([]);
    await expectNoAxeViolations(container);

    // Fixing a field clears its error as the person types.
    await user.type(name, "טל");
    await waitFor(() => expect(name).not.toHaveAttribute("aria-invalid"));
  });

  it("says the name is too long, from the catalog", async () => {
    const portal = usePortal();
    renderInProvider(<CustomerForm />, { locale: "en" });
    fireEvent.change(screen.getByLabelText("Full name"), { target: { value: "x".repeat(201) } });
    fireEvent.click(screen.getByRole("button", { name: "Save details" }));
    expect(await screen.findByText("The name is too long.")).toBeInTheDocument();
    expect(posts(portal)).toEqual([]);
  });

  it("sends once on a double click and a double Enter, with the button disabled while saving", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ latency: 150 });
    const onSuccess = vi.fn();
    renderInProvider(<CustomerForm onSuccess={onSuccess} />, { locale: "en" });
    const name = screen.getByLabelText("Full name");
    await user.type(name, "Tal Levi");
    const submit = screen.getByRole("button", { name: "Save details" });
    await user.dblClick(submit);
    await user.type(name, "{Enter}{Enter}");
    // Two submit events in the same tick, before React re-renders the button as disabled.
    const form = name.closest("form") as HTMLFormElement;
    act(() => {
      fireEvent.submit(form);
      fireEvent.submit(form);
    });
    await waitFor(() => expect(screen.getByRole("button", { name: "Saving…" })).toBeDisabled());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(posts(portal)).toHaveLength(1);
  });

  it("puts EMAIL_EXISTS on the email field and keeps everything typed", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ customers: [DANA] });
    renderInProvider(<CustomerForm />, { locale: "en" });
    await user.type(screen.getByLabelText("Full name"), "Tal Levi");
    await user.type(screen.getByLabelText("Email"), "dana@example.com");
    await user.type(screen.getByLabelText("Phone"), "0501234567");
    await user.click(screen.getByRole("button", { name: "Save details" }));
    const email = screen.getByLabelText("Email");
    await waitFor(() => expect(email).toHaveAccessibleDescription(en["form.error.email.exists"]));
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveFocus();
    expect(email).toHaveValue("dana@example.com");
    expect(screen.getByLabelText("Full name")).toHaveValue("Tal Levi");
    expect(screen.getByLabelText("Phone")).toHaveValue("050-123-4567");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(posts(portal)).toHaveLength(1);
  });

  it("puts a server's validation issues on their fields, in the UI's language", async () => {
    const user = userEvent.setup();
    const portal = usePortal();
    portal.failWith({
      method: "POST",
      path: "/customers",
      status: 400,
      code: "INVALID_FIELD",
      message: "Some fields are invalid",
      issues: [
        { path: ["taxId"], message: "Tax id is not valid" },
        { path: ["phone"], message: "מספר לא תקין" },
      ],
      times: 1,
    });
    const { container } = renderInProvider(<CustomerForm />);
    await user.type(screen.getByLabelText("שם מלא"), "טל לוי");
    await user.type(screen.getByLabelText("טלפון"), "0501234567");
    await user.type(screen.getByLabelText("מספר עוסק / ח״פ"), "123");
    await user.click(screen.getByRole("button", { name: "שמירת הפרטים" }));
    const taxId = screen.getByLabelText("מספר עוסק / ח״פ");
    await waitFor(() => expect(taxId).toHaveAttribute("aria-invalid", "true"));
    expect(taxId).toHaveAccessibleDescription("לעסקים: המספר שיופיע בחשבוניות. נא להזין מספר עוסק תקין.");
    expect(screen.getByLabelText("טלפון")).toHaveAccessibleDescription(/נא להזין מספר טלפון תקין/);
    expect(container.textContent).not.toContain("Tax id is not valid");
    await expectNoAxeViolations(container);
  });

  it("shows any other failure in a form-level alert and keeps the input", async () => {
    const user = userEvent.setup();
    const portal = usePortal();
    portal.failWith({ method: "POST", path: "/customers", status: 500, code: "INTERNAL", message: "Boom", times: 1 });
    const { container } = renderInProvider(<CustomerForm />, { locale: "en" });
    await user.type(screen.getByLabelText("Full name"), "Tal Levi");
    await user.click(screen.getByRole("button", { name: "Save details" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Something went wrong. Your input is kept; please try again.");
    expect(screen.getByLabelText("Full name")).toHaveValue("Tal Levi");
    await expectNoAxeViolations(container);
    // The retry goes through and the alert goes away.
    await user.click(screen.getByRole("button", { name: "Save details" }));
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
    expect(await screen.findByText("Your details were saved.")).toBeInTheDocument();
  });

  it("says when the server cannot be reached", async () => {
    const user = userEvent.setup();
    usePortal();
    server.use(http.post("*/api/billing/customers", () => HttpResponse.error()));
    renderInProvider(<CustomerForm />, { locale: "en" });
    await user.type(screen.getByLabelText("Full name"), "Tal Levi");
    await user.click(screen.getByRole("button", { name: "Save details" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("We couldn't reach the server.");
  });
});

describe("CustomerForm, creating from the signed-in person's account", () => {
  const TAL_ACCOUNT = { name: "Tal Levi", email: "tal@example.com" };
  /** Whether the defaults query of `queryClient` has its answer (or its error). */
  const defaultsStatus = (queryClient: QueryClient) => queryClient.getQueryState(billingPortalKeys.createDefaults())?.status;

  it("shows the name and email the server would use, and sends them when left untouched", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ identity: TAL_ACCOUNT });
    const onSuccess = vi.fn();
    renderInProvider(<CustomerForm onSuccess={onSuccess} />, { locale: "en" });
    await waitFor(() => expect(screen.getByLabelText("Email")).toHaveValue("tal@example.com"));
    expect(screen.getByLabelText("Full name")).toHaveValue("Tal Levi");
    await user.click(screen.getByRole("button", { name: "Save details" }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(posts(portal)).toEqual([
      { method: "POST", path: "/customers", body: { name: "Tal Levi", email: "tal@example.com", locale: "en" } },
    ]);
  });

  it("keeps what was typed before the defaults came, and fills only the fields nobody touched", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ identity: TAL_ACCOUNT });
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    // Holds the defaults back until the person has typed; then the mock endpoint answers them.
    server.use(http.get("*/api/billing/customers/me/defaults", () => answered));
    const onSuccess = vi.fn();
    renderInProvider(<CustomerForm onSuccess={onSuccess} />, { locale: "en" });
    const email = screen.getByLabelText("Email");
    await user.type(email, "tal.work@example.com");
    answer();
    await waitFor(() => expect(screen.getByLabelText("Full name")).toHaveValue("Tal Levi"));
    expect(email).toHaveValue("tal.work@example.com");
    await user.click(screen.getByRole("button", { name: "Save details" }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(posts(portal).map((request) => request.body)).toEqual([{ name: "Tal Levi", email: "tal.work@example.com", locale: "en" }]);
  });

  it("lets the prefilled email be changed like any other value", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ identity: TAL_ACCOUNT });
    renderInProvider(<CustomerForm />, { locale: "en" });
    const email = screen.getByLabelText("Email");
    await waitFor(() => expect(email).toHaveValue("tal@example.com"));
    await user.clear(email);
    await user.type(email, "billing@levi.co.il");
    await user.click(screen.getByRole("button", { name: "Save details" }));
    expect(await screen.findByText("Your details were saved.")).toBeInTheDocument();
    expect(posts(portal).map((request) => request.body)).toEqual([{ name: "Tal Levi", email: "billing@levi.co.il", locale: "en" }]);
  });

  it("leaves the fields empty when the account has no name or email, as before", async () => {
    usePortal();
    const { queryClient } = renderInProvider(<CustomerForm />, { locale: "en" });
    await waitFor(() => expect(defaultsStatus(queryClient)).toBe("success"));
    expect(screen.getByLabelText("Full name")).toHaveValue("");
    expect(screen.getByLabelText("Email")).toHaveValue("");
  });

  it("still creates when the endpoint has no defaults to give (an older server): empty fields, no alert", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ identity: TAL_ACCOUNT });
    portal.failWith({ method: "GET", path: "/customers/me/defaults", status: 404, code: "NOT_FOUND", message: "Not found" });
    const { queryClient } = renderInProvider(<CustomerForm />, { locale: "en" });
    await waitFor(() => expect(defaultsStatus(queryClient)).toBe("error"));
    expect(screen.getByLabelText("Email")).toHaveValue("");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    await user.type(screen.getByLabelText("Full name"), "Tal Levi");
    await user.click(screen.getByRole("button", { name: "Save details" }));
    expect(await screen.findByText("Your details were saved.")).toBeInTheDocument();
  });

  it("never starts an edit from them, nor asks for them", async () => {
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id, identity: { name: "Someone Else", email: "else@example.com" } });
    const { queryClient } = renderInProvider(<OwnCustomerForm />, { locale: "en" });
    expect(await screen.findByLabelText("Full name")).toHaveValue("Tal Levi");
    expect(screen.getByLabelText("Email")).toHaveValue("tal@example.com");
    // A request would have started as the form mounted.
    expect(queryClient.isFetching({ queryKey: billingPortalKeys.createDefaults() })).toBe(0);
    expect(defaultsStatus(queryClient)).not.toBe("success");
    expect(portal.requests.map((request) => `${request.method} ${request.path}`)).toEqual(["GET /customers/me"]);
  });

  it("leaves an edit's unset email empty even when the defaults are in the cache (asked for before the create)", () => {
    usePortal({ customers: [TAL], signedIn: TAL.id });
    const queryClient = testQueryClient();
    queryClient.setQueryData(billingPortalKeys.createDefaults(), { name: "Someone Else", email: "else@example.com" });
    renderInProvider(<CustomerForm customer={customerObject({ email: null })} />, { locale: "en", queryClient });
    expect(screen.getByLabelText("Full name")).toHaveValue("Tal Levi");
    expect(screen.getByLabelText("Email")).toHaveValue("");
  });
});

/** The form over the signed-in customer, as a merchant would write it. */
function OwnCustomerForm(props: { onSuccess?: (customer: Customer) => void }) {
  const { data } = useCustomer();
  return data ? <CustomerForm customer={data} onSuccess={props.onSuccess} /> : null;
}

describe("CustomerForm, editing", () => {
  it("starts from the signed-in customer and sends only the fields that changed, to /customers/me", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id });
    const onSuccess = vi.fn();
    renderInProvider(<OwnCustomerForm onSuccess={onSuccess} />, { locale: "en" });
    expect(await screen.findByLabelText("Full name")).toHaveValue("Tal Levi");
    expect(screen.getByLabelText("Phone")).toHaveValue("+972 50 123 4567");
    // Each language named in itself.
    expect(screen.getByRole("radio", { name: "עברית" })).toBeChecked();
    await user.clear(screen.getByLabelText("Email"));
    await user.type(screen.getByLabelText("Email"), "tal.levi@example.com");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(posts(portal)).toEqual([{ method: "POST", path: "/customers/me", body: { email: "tal.levi@example.com" } }]);
    expect(screen.getByLabelText("Email")).toHaveValue("tal.levi@example.com");

    // Saved: the same values again are no change.
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(await screen.findByText("Nothing changed.")).toBeInTheDocument();
    expect(posts(portal)).toHaveLength(1);
  });

  it("sends nothing when nothing changed, even after typing a value back", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id });
    renderInProvider(<CustomerForm customer={customerObject()} />);
    const name = screen.getByLabelText("שם מלא");
    await user.type(name, "x{Backspace}");
    await user.clear(screen.getByLabelText("טלפון"));
    await user.type(screen.getByLabelText("טלפון"), "050-123-4567");
    await user.click(screen.getByRole("button", { name: "שמירת השינויים" }));
    expect(await screen.findByRole("status")).toHaveTextContent("לא היו שינויים.");
    expect(portal.requests).toEqual([]);
  });

  it("edits another customer through its id when it is not the signed-in one", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ customers: [TAL, DANA], signedIn: TAL.id, allowOthers: true });
    const dana = customerObject({ id: DANA.id, name: DANA.name, email: DANA.email, phone: null, taxId: null });
    const onSuccess = vi.fn();
    renderInProvider(<CustomerForm customer={dana} onSuccess={onSuccess} />, { locale: "en" });
    await user.type(screen.getByLabelText("Tax ID"), "514999874");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(posts(portal)).toEqual([{ method: "POST", path: `/customers/${DANA.id}`, body: { taxId: "514999874" } }]);
  });

  it("says a saved field cannot be emptied, rather than silently keeping it", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id });
    renderInProvider(<CustomerForm customer={customerObject()} />, { locale: "en" });
    await user.clear(screen.getByLabelText("Email"));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription(/can't be removed/);
    expect(portal.requests).toEqual([]);
  });

  it("calls onCancel", async () => {
    const user = userEvent.setup();
    usePortal();
    const onCancel = vi.fn();
    renderInProvider(<CustomerForm onCancel={onCancel} />, { locale: "en" });
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});

describe("CustomerForm, locale", () => {
  it("switches language in place: same form, typed input and errors kept, messages translated", async () => {
    const user = userEvent.setup();
    const portal = usePortal();
    const { container, rerenderWith } = renderInProvider(<CustomerForm />, { locale: "he" });
    const form = container.querySelector("form");
    await user.type(screen.getByLabelText("דוא״ל"), "oops");
    await user.click(screen.getByRole("button", { name: "שמירת הפרטים" }));
    await screen.findByText("נא להזין שם.");

    rerenderWith({ locale: "en" });
    expect(container.querySelector("form")).toBe(form);
    expect(form).toHaveAttribute("dir", "ltr");
    expect(form).toHaveAttribute("lang", "en");
    expect(screen.getByLabelText("Email")).toHaveValue("oops");
    expect(screen.getByLabelText("Full name")).toHaveAccessibleDescription("Enter your name.");
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Enter a valid email address, like name@example.com.");
    expect(posts(portal)).toEqual([]);
  });

  it("uses the provider's message overrides", () => {
    usePortal();
    renderInProvider(<CustomerForm />, { locale: "en", messages: { en: { "form.name": "Company name" } } });
    expect(screen.getByLabelText("Company name")).toBeInTheDocument();
  });
});
