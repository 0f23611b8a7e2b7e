import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, screen, userEvent, waitFor, within } from "storybook/test";
import { CreateCustomerDialog, EditCustomerDialog, type Customer } from "@ching/billing-portal-react";
import { catalog, InPortal, TAL, TAL_CUSTOMER, withPortal, type StoryEnvironment } from "./support";

interface Args extends StoryEnvironment {
  kind: "create" | "edit";
  onSuccess: (customer: Customer) => void;
}

const openerText = { he: { create: "הוספת פרטים", edit: "עריכת פרטים" }, en: { create: "Add details", edit: "Edit details" } };

/** The dialogs as a merchant wires them: a button of theirs as the `trigger`. */
function Dialogs({ kind, locale, theme, onSuccess }: Args) {
  const trigger = (
    <button type="button" className="ching-btn ching-btn--primary">
      {openerText[locale][kind]}
    </button>
  );
  return (
    <InPortal locale={locale} theme={theme}>
      {/* The merchant's button may reuse the library's classes inside a `ching-root`. */}
      <div className="ching-root" data-ching-theme={theme}>
        {kind === "create" ? (
          <CreateCustomerDialog trigger={trigger} onSuccess={onSuccess} />
        ) : (
          <EditCustomerDialog customer={TAL_CUSTOMER} trigger={trigger} onSuccess={onSuccess} />
        )}
      </div>
    </InPortal>
  );
}

const meta = {
  title: "Components/CustomerDialogs",
  component: Dialogs,
  subcomponents: { EditCustomerDialog, CreateCustomerDialog },
  args: { kind: "create", locale: "he", onSuccess: fn() },
  argTypes: {
    kind: { control: "inline-radio", options: ["create", "edit"] },
    locale: { control: "inline-radio", options: ["he", "en"] },
    theme: { control: "inline-radio", options: ["light", "dark"] },
  },
} satisfies Meta<typeof Dialogs>;

export default meta;
type Story = StoryObj<typeof meta>;

const newcomer = withPortal({ signedIn: null });
const signedIn = withPortal({ customers: [TAL], signedIn: TAL.id });

export const CreateHebrew: Story = {
  beforeEach: newcomer,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const trigger = canvas.getByRole("button", { name: "הוספת פרטים" });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole("dialog", { name: "הוספת פרטי חיוב" });
    await expect(dialog).toHaveAttribute("dir", "rtl");
    await expect(dialog).toHaveAccessibleDescription("הפרטים האלה יופיעו בקבלות ובחשבוניות שלכם.");
    const name = within(dialog).getByLabelText("שם מלא");
    await waitFor(() => expect(name).toHaveFocus());
    await userEvent.type(name, "טל לוי");
    await userEvent.type(within(dialog).getByLabelText("טלפון"), "050-123-4567{Enter}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ name: "טל לוי" }));
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

export const CreateEnglishOpen: Story = {
  args: { locale: "en" },
  beforeEach: newcomer,
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Add details" }));
    const dialog = await screen.findByRole("dialog", { name: "Add billing details" });
    await expect(dialog).toHaveAttribute("dir", "ltr");
    await waitFor(() => expect(within(dialog).getByLabelText("Full name")).toHaveFocus());
  },
};

/** A person whose account (your `identify`) has a name and email: the create form starts from them. */
const newcomerWithAccount = (name: string) => withPortal({ signedIn: null, identity: { name, email: "tal@example.com" } });

export const CreatePrefilledHebrew: Story = {
  beforeEach: newcomerWithAccount("טל לוי"),
  play: async ({ canvasElement, args }) => {
    const trigger = within(canvasElement).getByRole("button", { name: "הוספת פרטים" });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole("dialog", { name: "הוספת פרטי חיוב" });
    const name = within(dialog).getByLabelText("שם מלא");
    await waitFor(() => expect(within(dialog).getByLabelText("דוא״ל")).toHaveValue("tal@example.com"));
    await expect(name).toHaveValue("טל לוי");
    await waitFor(() => expect(name).toHaveFocus());
    await userEvent.type(within(dialog).getByLabelText("טלפון"), "050-123-4567{Enter}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ name: "טל לוי", email: "tal@example.com" }));
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

/** Left open, filled in, for the eye. */
export const CreatePrefilledEnglish: Story = {
  args: { locale: "en" },
  beforeEach: newcomerWithAccount("Tal Levi"),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Add details" }));
    const dialog = await screen.findByRole("dialog", { name: "Add billing details" });
    await waitFor(() => expect(within(dialog).getByLabelText("Email")).toHaveValue("tal@example.com"));
    await expect(within(dialog).getByLabelText("Full name")).toHaveValue("Tal Levi");
    await waitFor(() => expect(within(dialog).getByLabelText("Full name")).toHaveFocus());
  },
};

export const EditHebrewEscape: Story = {
  args: { kind: "edit" },
  beforeEach: signedIn,
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole("button", { name: "עריכת פרטים" });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole("dialog", { name: "עריכת פרטי חיוב" });
    await expect(within(dialog).getByLabelText("שם מלא")).toHaveValue("טל לוי");
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

export const EditEnglishOpen: Story = {
  args: { kind: "edit", locale: "en" },
  beforeEach: signedIn,
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Edit details" }));
    const dialog = await screen.findByRole("dialog", { name: "Edit billing details" });
    await expect(within(dialog).getByLabelText("Phone")).toHaveValue("+972 50 123 4567");
  },
};

export const EditServerErrorEnglish: Story = {
  args: { kind: "edit", locale: "en" },
  beforeEach: withPortal({ customers: [TAL, { name: "Dana", email: "dana@example.com" }], signedIn: TAL.id }),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Edit details" }));
    const dialog = await screen.findByRole("dialog");
    const email = within(dialog).getByLabelText("Email");
    await userEvent.clear(email);
    await userEvent.type(email, "dana@example.com{Enter}");
    await expect(await within(dialog).findByText(catalog("en")["form.error.email.exists"])).toBeVisible();
    await expect(screen.getByRole("dialog")).toBeVisible();
  },
};

/** Whether an element is wholly inside the viewport (nothing of it below the fold). */
function inViewport(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
}

/**
 * On a phone (the "storybook-phone" test project runs it at 375×560): a bottom
 * sheet whose actions stay in a sticky footer, full width and stacked, with a
 * server error and a status message showing; then Escape with unsaved edits asks.
 */
export const PhoneSheetWithServerError: Story = {
  args: { kind: "edit" },
  tags: ["phone"],
  beforeEach: withPortal({ customers: [TAL, { name: "Dana", email: "dana@example.com" }], signedIn: TAL.id }),
  play: async ({ canvasElement, args }) => {
    const t = catalog(args.locale);
    await userEvent.click(within(canvasElement).getByRole("button", { name: args.locale === "en" ? "Edit details" : "עריכת פרטים" }));
    const dialog = await screen.findByRole("dialog");
    const email = within(dialog).getByLabelText(t["form.email"]);
    await userEvent.clear(email);
    await userEvent.type(email, "dana@example.com{Enter}");
    await expect(await within(dialog).findByText(t["form.error.email.exists"])).toBeVisible();
    const save = within(dialog).getByRole("button", { name: t["form.submit.update"] });
    const cancel = within(dialog).getByRole("button", { name: t["form.cancel"] });
    if (window.innerWidth <= 640) {
      const sheet = dialog.getBoundingClientRect();
      await expect(sheet.bottom).toBeCloseTo(window.innerHeight, 0);
      await expect(sheet.width).toBeCloseTo(window.innerWidth, 0);
      // Full width, stacked, the main action first.
      await expect(save.getBoundingClientRect().width).toBeCloseTo(cancel.getBoundingClientRect().width, 0);
      await expect(save.getBoundingClientRect().bottom).toBeLessThanOrEqual(cancel.getBoundingClientRect().top);
    }
    await expect(inViewport(save)).toBe(true);
    await expect(inViewport(cancel)).toBe(true);

    await userEvent.keyboard("{Escape}");
    const confirm = await within(dialog).findByRole("group", { name: t["dialog.discard.title"] });
    await expect(inViewport(within(confirm).getByRole("button", { name: t["dialog.discard.keep"] }))).toBe(true);
    await expect(inViewport(within(confirm).getByRole("button", { name: t["dialog.discard.confirm"] }))).toBe(true);
  },
};

export const DarkHebrewOpen: Story = {
  args: { kind: "edit", theme: "dark" },
  beforeEach: signedIn,
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "עריכת פרטים" }));
    const dialog = await screen.findByRole("dialog");
    await expect(dialog).toHaveAttribute("data-ching-theme", "dark");
  },
};

export const DarkEnglishOpen: Story = {
  args: { theme: "dark", locale: "en" },
  beforeEach: newcomer,
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Add details" }));
    await expect(await screen.findByRole("dialog")).toHaveAttribute("data-ching-theme", "dark");
  },
};

/** Controlled: the merchant's own state opens it; focus returns to the merchant's button. */
function ControlledDialog({ locale }: StoryEnvironment) {
  const [open, setOpen] = useState(false);
  return (
    <InPortal locale={locale}>
      <button type="button" onClick={() => setOpen(true)}>
        {locale === "he" ? "פתיחה" : "Open"}
      </button>
      <p>{open ? "open" : "closed"}</p>
      <CreateCustomerDialog open={open} onOpenChange={setOpen} />
    </InPortal>
  );
}

export const ControlledEnglish: Story = {
  args: { locale: "en" },
  render: ({ locale }) => <ControlledDialog locale={locale} />,
  beforeEach: newcomer,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const opener = canvas.getByRole("button", { name: "Open" });
    await userEvent.click(opener);
    const dialog = await screen.findByRole("dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await expect(canvas.getByText("closed")).toBeVisible();
    await waitFor(() => expect(opener).toHaveFocus());
  },
};
