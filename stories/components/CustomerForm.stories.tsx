import type { Meta, StoryObj } from "@storybook/react-vite";
import type { ReactNode } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { CustomerForm, type CustomerFormProps, type Locale } from "@ching/billing-portal-react";
import { catalog, componentMeta, DANA, inLocale, InPortal, storyLocale, TAL_CUSTOMER, withPortal, withTal, type StoryEnvironment } from "./support";

type Args = CustomerFormProps & StoryEnvironment;

const narrow = (form: ReactNode) => <div style={{ maxInlineSize: "32rem" }}>{form}</div>;

const meta = {
  title: "Components/CustomerForm",
  component: CustomerForm,
  ...componentMeta(CustomerForm, { themes: ["light", "dark"], layout: narrow }),
  args: { locale: "he", onSuccess: fn(), onCancel: fn() },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const newcomer = withPortal({ signedIn: null, latency: 150 });
const signedIn = withTal();

export const CreateHebrew: Story = {
  beforeEach: newcomer,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await expect(canvas.getByRole("group", { name: t["form.locale"] })).toBeVisible();
    // The LTR email lines up with the other fields: at the end of a right-to-left form, the start of a left-to-right one.
    await expect(getComputedStyle(canvas.getByLabelText(t["form.email"])).textAlign).toBe(inLocale(context, { he: "end", en: "start" }));
    await userEvent.type(canvas.getByLabelText(t["form.name"]), "טל לוי");
    await userEvent.type(canvas.getByLabelText(t["form.phone"]), "0501234567");
    await expect(canvas.getByLabelText(t["form.phone"])).toHaveValue("050-123-4567");
    await userEvent.click(canvas.getByRole("button", { name: t["form.submit.create"] }));
    await expect(canvas.getByRole("button", { name: t["form.submitting"] })).toBeDisabled();
    await expect(await canvas.findByText(t["form.saved"])).toBeVisible();
    await expect(context.args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ phone: "+972501234567" }));
  },
};

export const CreateEnglish: Story = {
  args: { locale: "en" },
  beforeEach: newcomer,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    // A name in the other script lines up with the other fields (issue 13, item 11): a
    // Hebrew name in an English form keeps left like the email, an English one in a
    // Hebrew form keeps right.
    const name = canvas.getByLabelText(t["form.name"]);
    await userEvent.type(name, inLocale(context, { he: "Dana Cohen", en: "דנה כהן" }));
    const email = canvas.getByLabelText(t["form.email"]);
    const edge = (box: DOMRect) => inLocale(context, { he: box.right, en: box.left });
    await expect(getComputedStyle(name).direction).toBe(inLocale(context, { he: "rtl", en: "ltr" }));
    await expect(Math.abs(edge(name.getBoundingClientRect()) - edge(email.getBoundingClientRect()))).toBeLessThan(1);
    if (storyLocale(context) === "en") await expect(getComputedStyle(name).textAlign).toBe(getComputedStyle(email).textAlign);
    await userEvent.clear(name);
    await userEvent.type(canvas.getByLabelText(t["form.name"]), "Dana Cohen");
    await userEvent.type(email, "dana@example.com");
    await userEvent.type(canvas.getByLabelText(t["form.phone"]), "+44 20 7946 0958{Enter}");
    await waitFor(() => expect(context.args.onSuccess).toHaveBeenCalledTimes(1));
  },
};

export const EditHebrew: Story = {
  args: { customer: TAL_CUSTOMER },
  beforeEach: signedIn,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    // Hebrew readers see their Israeli number the local way.
    await expect(canvas.getByLabelText(t["form.phone"])).toHaveValue(inLocale(context, { he: "050-123-4567", en: "+972 50 123 4567" }));
    await userEvent.click(canvas.getByRole("button", { name: t["form.submit.update"] }));
    await expect(await canvas.findByText(t["form.noChanges"])).toBeVisible();
  },
};

export const EditEnglish: Story = {
  args: { locale: "en", customer: TAL_CUSTOMER },
  beforeEach: signedIn,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    // Each language is named in itself, whatever the form's language.
    await userEvent.click(canvas.getByRole("radio", { name: "English" }));
    await userEvent.click(canvas.getByRole("button", { name: t["form.submit.update"] }));
    await waitFor(() => expect(context.args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ locale: "en" })));
  },
};

export const ClientValidationHebrew: Story = {
  beforeEach: newcomer,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await userEvent.type(canvas.getByLabelText(t["form.email"]), "tal@");
    await userEvent.type(canvas.getByLabelText(t["form.phone"]), "050-12");
    await userEvent.click(canvas.getByRole("button", { name: t["form.submit.create"] }));
    await expect(await canvas.findByText(t["form.error.name.required"])).toBeVisible();
    await expect(canvas.getByLabelText(t["form.name"])).toHaveFocus();
    await expect(canvas.getByLabelText(t["form.email"])).toHaveAttribute("aria-invalid", "true");
    await expect(canvas.getByLabelText(t["form.phone"])).toHaveValue("050-12");
    // The example numbers in the message are isolated, so they never read reversed in Hebrew.
    const example = canvas.getByText("+44 20 7946 0958");
    await expect(example.tagName).toBe("BDI");
    await expect(getComputedStyle(example).direction).toBe("ltr");
    await expect(getComputedStyle(example).unicodeBidi).toBe("isolate");
  },
};

const serverIssues = withPortal({ signedIn: null }, (portal) =>
  portal.failWith({
    status: 400,
    code: "INVALID_FIELD",
    message: "Some fields are invalid",
    issues: [{ path: ["taxId"], message: "Tax id is not valid" }],
  }),
);

export const ServerValidationErrorHebrew: Story = {
  beforeEach: serverIssues,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await userEvent.type(canvas.getByLabelText(t["form.name"]), "טל לוי");
    await userEvent.type(canvas.getByLabelText(t["form.taxId"]), "12");
    await userEvent.click(canvas.getByRole("button", { name: t["form.submit.create"] }));
    await expect(await canvas.findByText(t["form.error.taxId.invalid"])).toBeVisible();
    await expect(canvas.getByLabelText(t["form.taxId"])).toHaveFocus();
  },
};

export const ServerValidationErrorEnglish: Story = {
  args: { locale: "en" },
  beforeEach: serverIssues,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await userEvent.type(canvas.getByLabelText(t["form.name"]), "Tal Levi");
    await userEvent.type(canvas.getByLabelText(t["form.taxId"]), "12{Enter}");
    await expect(await canvas.findByText(t["form.error.taxId.invalid"])).toBeVisible();
  },
};

const emailTaken = withPortal({ customers: [DANA], signedIn: null });

export const EmailExistsHebrew: Story = {
  beforeEach: emailTaken,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await userEvent.type(canvas.getByLabelText(t["form.name"]), "טל לוי");
    await userEvent.type(canvas.getByLabelText(t["form.email"]), "dana@example.com{Enter}");
    await expect(await canvas.findByText(t["form.error.email.exists"])).toBeVisible();
    await expect(canvas.getByLabelText(t["form.email"])).toHaveValue("dana@example.com");
  },
};

export const EmailExistsEnglish: Story = {
  args: { locale: "en" },
  beforeEach: emailTaken,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await userEvent.type(canvas.getByLabelText(t["form.name"]), "Tal Levi");
    await userEvent.type(canvas.getByLabelText(t["form.email"]), "dana@example.com{Enter}");
    await expect(await canvas.findByText(t["form.error.email.exists"])).toBeVisible();
  },
};

const serverDown = withPortal({ signedIn: null }, (portal) =>
  portal.failWith({ status: 503, code: "UNAVAILABLE", message: "Down for maintenance" }),
);

export const FormAlertHebrew: Story = {
  beforeEach: serverDown,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await userEvent.type(canvas.getByLabelText(t["form.name"]), "טל לוי{Enter}");
    await expect(await canvas.findByRole("alert")).toHaveTextContent(t["form.error.generic"]);
    await expect(canvas.getByLabelText(t["form.name"])).toHaveValue("טל לוי");
  },
};

export const FormAlertEnglish: Story = {
  args: { locale: "en" },
  beforeEach: serverDown,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await userEvent.type(canvas.getByLabelText(t["form.name"]), "Tal Levi{Enter}");
    await expect(await canvas.findByRole("alert")).toHaveTextContent(t["form.error.generic"]);
  },
};

export const DarkHebrewWithErrors: Story = {
  args: { theme: "dark" },
  beforeEach: emailTaken,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await userEvent.type(canvas.getByLabelText(t["form.email"]), "dana@example.com");
    await userEvent.click(canvas.getByRole("button", { name: t["form.submit.create"] }));
    await expect(await canvas.findByText(t["form.error.name.required"])).toBeVisible();
  },
};

export const DarkEnglish: Story = {
  args: { theme: "dark", locale: "en", customer: TAL_CUSTOMER },
  beforeEach: signedIn,
  play: async (context) => {
    await expect(within(context.canvasElement).getByLabelText(catalog(context)["form.name"])).toHaveValue("טל לוי");
  },
};

const otherLocale = (locale: Locale): Locale => (locale === "he" ? "en" : "he");

/**
 * The form on a page in the other language (as it says, English on a Hebrew page; with
 * the toolbar in Hebrew, Hebrew on an English page): its LTR fields keep to the side of
 * the form's own language, not the page's.
 */
export const EnglishOnHebrewPage: Story = {
  args: { locale: "en" },
  beforeEach: newcomer,
  render: ({ locale, theme, ...props }) => (
    <div dir={otherLocale(locale) === "he" ? "rtl" : "ltr"} lang={otherLocale(locale)}>
      <InPortal locale={locale} theme={theme}>
        {narrow(<CustomerForm {...props} />)}
      </InPortal>
    </div>
  ),
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    const side = inLocale(context, { he: "end", en: "start" });
    await expect(getComputedStyle(canvas.getByLabelText(t["form.email"])).textAlign).toBe(side);
    await expect(getComputedStyle(canvas.getByLabelText(t["form.taxId"])).textAlign).toBe(side);
  },
};

/**
 * The language choice: the selected option is filled (at least 3:1 against the
 * track) and stays distinct in forced colours (the "stories-forced-colors"
 * project runs it with Windows High Contrast emulated), each option in its own language.
 */
export const LanguageChoice: Story = {
  args: { locale: "en" },
  tags: ["forced-colors"],
  beforeEach: newcomer,
  play: async (context) => {
    const locale = storyLocale(context);
    const t = catalog(locale);
    const canvas = within(context.canvasElement);
    const selected = canvas.getByRole("radio", { name: t[`locale.native.${locale}`] });
    const other = canvas.getByRole("radio", { name: t[`locale.native.${otherLocale(locale)}`] });
    await expect(selected).toBeChecked();
    const background = (radio: HTMLElement) => getComputedStyle(radio.nextElementSibling as HTMLElement).backgroundColor;
    await expect(background(selected)).not.toBe(background(other));
    const track = getComputedStyle(selected.closest(".ching-segmented") as HTMLElement).backgroundColor;
    await expect(contrast(background(selected), track)).toBeGreaterThanOrEqual(3);
  },
};

/** WCAG contrast of two computed `rgb()` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r = 0, g = 0, bl = 0] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((channel) => {
      const c = Number(channel) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
