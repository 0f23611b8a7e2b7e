import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { CreateCustomerDialog, EditCustomerDialog } from "../../src/components";
import { billingPortalKeys } from "../../src/react";
import { customerObject, expectNoAxeViolations, renderInProvider, TAL, mockEndpoint } from "./helpers";

const { usePortal } = mockEndpoint();

describe("CreateCustomerDialog with a trigger", () => {
  it("opens with a title and description, focus in the first field, RTL, and no axe violations", async () => {
    const user = userEvent.setup();
    usePortal();
    renderInProvider(<CreateCustomerDialog trigger={<button type="button">פתיחה</button>} className="merchant" />);
    await user.click(screen.getByRole("button", { name: "פתיחה" }));
    const dialog = await screen.findByRole("dialog", { name: "הוספת פרטי חיוב" });
    expect(dialog).toHaveAccessibleDescription("הפרטים האלה יופיעו בקבלות ובחשבוניות שלכם.");
    expect(dialog).toHaveAttribute("dir", "rtl");
    expect(dialog).toHaveAttribute("lang", "he");
    expect(dialog).toHaveClass("ching-dialog", "merchant");
    expect(within(dialog).getByLabelText("שם מלא")).toHaveFocus();
    await expectNoAxeViolations();
  });

  it("closes on Escape and gives focus back to the trigger", async () => {
    const user = userEvent.setup();
    usePortal();
    renderInProvider(<CreateCustomerDialog trigger={<button type="button">Open</button>} />, { locale: "en" });
    const trigger = screen.getByRole("button", { name: "Open" });
    await user.click(trigger);
    await screen.findByRole("dialog");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(trigger).toHaveFocus());
  });

  it("closes with the close button and with Cancel, by keyboard alone", async () => {
    const user = userEvent.setup();
    usePortal();
    renderInProvider(<CreateCustomerDialog trigger={<button type="button">Open</button>} />, { locale: "en" });
    const trigger = screen.getByRole("button", { name: "Open" });
    trigger.focus();
    await user.keyboard("{Enter}");
    await user.click(await screen.findByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(trigger).toHaveFocus());

    await user.keyboard(" ");
    const cancel = await screen.findByRole("button", { name: "Cancel" });
    cancel.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(trigger).toHaveFocus());
  });

  it("creates, calls onSuccess and closes", async () => {
    const user = userEvent.setup();
    const portal = usePortal();
    const onSuccess = vi.fn();
    renderInProvider(<CreateCustomerDialog trigger={<button type="button">Open</button>} onSuccess={onSuccess} />, { locale: "en" });
    await user.click(screen.getByRole("button", { name: "Open" }));
    await user.type(await screen.findByLabelText("Full name"), "Tal Levi{Enter}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ name: "Tal Levi" }));
    expect(portal.me()?.name).toBe("Tal Levi");
    await waitFor(() => expect(screen.getByRole("button", { name: "Open" })).toHaveFocus());
  });

  it("opens with the account's email already filled in (asked for while closed), focus in the first field, and sends it", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ identity: { email: "tal@example.com" } });
    const onSuccess = vi.fn();
    const { queryClient } = renderInProvider(
      <CreateCustomerDialog trigger={<button type="button">Open</button>} onSuccess={onSuccess} />,
      { locale: "en" },
    );
    await waitFor(() => expect(queryClient.getQueryState(billingPortalKeys.createDefaults())?.status).toBe("success"));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Open" }));
    const dialog = await screen.findByRole("dialog", { name: "Add billing details" });
    // Filled as it opens, not a moment later.
    expect(within(dialog).getByLabelText("Email")).toHaveValue("tal@example.com");
    const name = within(dialog).getByLabelText("Full name");
    await waitFor(() => expect(name).toHaveFocus());
    // A filled-in value is not an edit: Escape closes without asking to discard it.
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());

    await user.click(screen.getByRole("button", { name: "Open" }));
    await user.type(await screen.findByLabelText("Full name"), "Tal Levi{Enter}");
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(portal.requests.filter((r) => r.method === "POST").map((r) => r.body)).toEqual([
      { name: "Tal Levi", email: "tal@example.com", locale: "en" },
    ]);
  });

  it("stays open, with the error on its field, when the save fails", async () => {
    const user = userEvent.setup();
    usePortal({ customers: [{ name: "Dana", email: "dana@example.com" }] });
    renderInProvider(<CreateCustomerDialog defaultOpen />, { locale: "en" });
    await user.type(await screen.findByLabelText("Full name"), "Tal Levi");
    await user.type(screen.getByLabelText("Email"), "dana@example.com{Enter}");
    await waitFor(() => expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByRole("dialog")).toBeInTheDocument();
    await expectNoAxeViolations();
  });
});

function ControlledEdit({ onOpenChange }: { onOpenChange: (open: boolean) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Edit details
      </button>
      <EditCustomerDialog
        customer={customerObject()}
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          onOpenChange(next);
        }}
      />
    </>
  );
}

describe("EditCustomerDialog, controlled", () => {
  it("opens from the merchant's state, prefilled, and returns focus to what opened it", async () => {
    const user = userEvent.setup();
    usePortal({ customers: [TAL], signedIn: TAL.id });
    const onOpenChange = vi.fn();
    renderInProvider(<ControlledEdit onOpenChange={onOpenChange} />, { locale: "en" });
    const opener = screen.getByRole("button", { name: "Edit details" });
    await user.click(opener);
    const dialog = await screen.findByRole("dialog", { name: "Edit billing details" });
    expect(dialog).toHaveAccessibleDescription("Changes apply to future receipts and invoices.");
    expect(within(dialog).getByLabelText("Full name")).toHaveValue("Tal Levi");
    expect(within(dialog).getByLabelText("Full name")).toHaveFocus();
    await expectNoAxeViolations();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it("closes on success after sending only the change", async () => {
    const user = userEvent.setup();
    const portal = usePortal({ customers: [TAL], signedIn: TAL.id });
    const onOpenChange = vi.fn();
    renderInProvider(<ControlledEdit onOpenChange={onOpenChange} />, { locale: "en" });
    await user.click(screen.getByRole("button", { name: "Edit details" }));
    const name = await screen.findByLabelText("Full name");
    await user.clear(name);
    await user.type(name, "Tal Levi-Cohen");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(portal.requests.filter((r) => r.method === "POST").map((r) => r.body)).toEqual([{ name: "Tal Levi-Cohen" }]);
  });
});
