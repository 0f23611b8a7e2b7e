import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, screen, userEvent, waitFor, within } from "storybook/test";
import { CreateCustomerDialog, EditCustomerDialog, useLocale, type Customer, type Locale } from "@ching/billing-portal-react";
import { catalog, componentMeta, inLocale, InPortal, storyLocale, storyTheme, TAL, TAL_CUSTOMER, withPortal, withTal, type StoryEnvironment } from "./support";

interface DialogsProps {
  kind: "create" | "edit";
  onSuccess: (customer: Customer) => void;
}

/** The merchant's own button text, in the page's language. */
const OPENER = { he: { create: "הוספת פרטים", edit: "עריכת פרטים" }, en: { create: "Add details", edit: "Edit details" } } as const;

/** The dialogs as a merchant wires them: a button of theirs as the `trigger`. */
function Dialogs({ kind, onSuccess }: DialogsProps) {
  const { locale } = useLocale();
  const trigger = (
    <button type="button" className="ching-btn ching-btn--primary">
      {OPENER[locale][kind]}
    </button>
  );
  return kind === "create" ? (
    <CreateCustomerDialog trigger={trigger} onSuccess={onSuccess} />
  ) : (
    <EditCustomerDialog customer={TAL_CUSTOMER} trigger={trigger} onSuccess={onSuccess} />
  );
}

const meta = {
  title: "Components/CustomerDialogs",
  component: Dialogs,
  subcomponents: { EditCustomerDialog, CreateCustomerDialog },
  ...componentMeta(Dialogs, {
    themes: ["light", "dark"],
    argTypes: { kind: { control: "inline-radio", options: ["create", "edit"] } },
    // The merchant's button may reuse the library's classes inside a `ching-root`.
    layout: (dialogs, { theme }) => (
      <div className="ching-root" data-ching-theme={theme}>
        {dialogs}
      </div>
    ),
  }),
  args: { kind: "create", locale: "he", onSuccess: fn() },
} satisfies Meta<DialogsProps & StoryEnvironment>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The name of the story's opener, in the language it shows. */
const opener = (context: Parameters<typeof storyLocale>[0], kind: DialogsProps["kind"]) => OPENER[storyLocale(context)][kind];

const newcomer = withPortal({ signedIn: null });
const signedIn = withTal();

export const CreateHebrew: Story = {
  beforeEach: newcomer,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    const trigger = canvas.getByRole("button", { name: opener(context, "create") });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole("dialog", { name: t["dialog.create.title"] });
    await expect(dialog).toHaveAttribute("dir", inLocale(context, { he: "rtl", en: "ltr" }));
    await expect(dialog).toHaveAccessibleDescription(t["dialog.create.description"]);
    const name = within(dialog).getByLabelText(t["form.name"]);
    await waitFor(() => expect(name).toHaveFocus());
    await userEvent.type(name, "טל לוי");
    await userEvent.type(within(dialog).getByLabelText(t["form.phone"]), "050-123-4567{Enter}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await expect(context.args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ name: "טל לוי" }));
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

export const CreateEnglishOpen: Story = {
  args: { locale: "en" },
  beforeEach: newcomer,
  play: async (context) => {
    const t = catalog(context);
    await userEvent.click(within(context.canvasElement).getByRole("button", { name: opener(context, "create") }));
    const dialog = await screen.findByRole("dialog", { name: t["dialog.create.title"] });
    await expect(dialog).toHaveAttribute("dir", inLocale(context, { he: "rtl", en: "ltr" }));
    await waitFor(() => expect(within(dialog).getByLabelText(t["form.name"])).toHaveFocus());
  },
};

/** A person whose account (your `identify`) has a name and email: the create form starts from them. */
const newcomerWithAccount = (name: string) => withPortal({ signedIn: null, identity: { name, email: "tal@example.com" } });

export const CreatePrefilledHebrew: Story = {
  beforeEach: newcomerWithAccount("טל לוי"),
  play: async (context) => {
    const t = catalog(context);
    const trigger = within(context.canvasElement).getByRole("button", { name: opener(context, "create") });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole("dialog", { name: t["dialog.create.title"] });
    const name = within(dialog).getByLabelText(t["form.name"]);
    await waitFor(() => expect(within(dialog).getByLabelText(t["form.email"])).toHaveValue("tal@example.com"));
    await expect(name).toHaveValue("טל לוי");
    await waitFor(() => expect(name).toHaveFocus());
    await userEvent.type(within(dialog).getByLabelText(t["form.phone"]), "050-123-4567{Enter}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await expect(context.args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ name: "טל לוי", email: "tal@example.com" }));
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

/** Left open, filled in, for the eye. */
export const CreatePrefilledEnglish: Story = {
  args: { locale: "en" },
  beforeEach: newcomerWithAccount("Tal Levi"),
  play: async (context) => {
    const t = catalog(context);
    await userEvent.click(within(context.canvasElement).getByRole("button", { name: opener(context, "create") }));
    const dialog = await screen.findByRole("dialog", { name: t["dialog.create.title"] });
    await waitFor(() => expect(within(dialog).getByLabelText(t["form.email"])).toHaveValue("tal@example.com"));
    await expect(within(dialog).getByLabelText(t["form.name"])).toHaveValue("Tal Levi");
    await waitFor(() => expect(within(dialog).getByLabelText(t["form.name"])).toHaveFocus());
  },
};

export const EditHebrewEscape: Story = {
  args: { kind: "edit" },
  beforeEach: signedIn,
  play: async (context) => {
    const t = catalog(context);
    const trigger = within(context.canvasElement).getByRole("button", { name: opener(context, "edit") });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole("dialog", { name: t["dialog.edit.title"] });
    await expect(within(dialog).getByLabelText(t["form.name"])).toHaveValue("טל לוי");
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

export const EditEnglishOpen: Story = {
  args: { kind: "edit", locale: "en" },
  beforeEach: signedIn,
  play: async (context) => {
    const t = catalog(context);
    await userEvent.click(within(context.canvasElement).getByRole("button", { name: opener(context, "edit") }));
    const dialog = await screen.findByRole("dialog", { name: t["dialog.edit.title"] });
    await expect(within(dialog).getByLabelText(t["form.phone"])).toHaveValue(inLocale(context, { he: "050-123-4567", en: "+972 50 123 4567" }));
  },
};

const emailTaken = withTal({ customers: [TAL, { name: "Dana", email: "dana@example.com" }] });

export const EditServerErrorEnglish: Story = {
  args: { kind: "edit", locale: "en" },
  beforeEach: emailTaken,
  play: async (context) => {
    const t = catalog(context);
    await userEvent.click(within(context.canvasElement).getByRole("button", { name: opener(context, "edit") }));
    const dialog = await screen.findByRole("dialog");
    const email = within(dialog).getByLabelText(t["form.email"]);
    await userEvent.clear(email);
    await userEvent.type(email, "dana@example.com{Enter}");
    await expect(await within(dialog).findByText(t["form.error.email.exists"])).toBeVisible();
    await expect(screen.getByRole("dialog")).toBeVisible();
  },
};

/** Whether an element is wholly inside the viewport (nothing of it below the fold). */
function inViewport(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
}

/**
 * On a phone (the "stories" test project runs it at 375×560, like every
 * story): a bottom sheet whose actions stay in a sticky footer, full width and
 * stacked, with a server error and a status message showing; then Escape with
 * unsaved edits asks. At 1280 the same actions are all on screen too.
 */
export const PhoneSheetWithServerError: Story = {
  args: { kind: "edit" },
  beforeEach: emailTaken,
  play: async (context) => {
    const t = catalog(context);
    const viewport = (context.globals.viewport as { value?: string } | undefined)?.value;
    // The matrix's phone width did take effect (addon-vitest sets the viewport from this global).
    if (viewport === "phone375") await expect([window.innerWidth, window.innerHeight]).toEqual([375, 560]);
    await userEvent.click(within(context.canvasElement).getByRole("button", { name: opener(context, "edit") }));
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
  play: async (context) => {
    await userEvent.click(within(context.canvasElement).getByRole("button", { name: opener(context, "edit") }));
    const dialog = await screen.findByRole("dialog");
    await expect(dialog).toHaveAttribute("data-ching-theme", storyTheme(context));
  },
};

export const DarkEnglishOpen: Story = {
  args: { theme: "dark", locale: "en" },
  beforeEach: newcomer,
  play: async (context) => {
    await userEvent.click(within(context.canvasElement).getByRole("button", { name: opener(context, "create") }));
    await expect(await screen.findByRole("dialog")).toHaveAttribute("data-ching-theme", storyTheme(context));
  },
};

const CONTROLLED = { he: { open: "פתיחה", isOpen: "פתוח", isClosed: "סגור" }, en: { open: "Open", isOpen: "open", isClosed: "closed" } } as const;

/** Controlled: the merchant's own state opens it; focus returns to the merchant's button. */
function ControlledDialog({ locale, theme }: StoryEnvironment) {
  const [open, setOpen] = useState(false);
  const text = CONTROLLED[locale];
  return (
    <InPortal locale={locale} theme={theme}>
      <button type="button" onClick={() => setOpen(true)}>
        {text.open}
      </button>
      <p>{open ? text.isOpen : text.isClosed}</p>
      <CreateCustomerDialog open={open} onOpenChange={setOpen} />
    </InPortal>
  );
}

export const ControlledEnglish: Story = {
  args: { locale: "en" },
  render: ({ locale, theme }) => <ControlledDialog locale={locale} theme={theme} />,
  beforeEach: newcomer,
  play: async (context) => {
    const locale: Locale = storyLocale(context);
    const canvas = within(context.canvasElement);
    const button = canvas.getByRole("button", { name: CONTROLLED[locale].open });
    await userEvent.click(button);
    const dialog = await screen.findByRole("dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: catalog(locale)["dialog.close"] }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await expect(canvas.getByText(CONTROLLED[locale].isClosed)).toBeVisible();
    await waitFor(() => expect(button).toHaveFocus());
  },
};
