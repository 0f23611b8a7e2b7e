import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { CustomerForm, type CustomerFormProps } from "@ching/billing-portal-react";
import { catalog, DANA, InPortal, TAL, TAL_CUSTOMER, withPortal, type StoryEnvironment } from "./support";

type Args = CustomerFormProps & StoryEnvironment;

const meta = {
  title: "Components/CustomerForm",
  component: CustomerForm,
  render: ({ locale, theme, ...props }) => (
    <InPortal locale={locale} theme={theme}>
      <div style={{ maxInlineSize: "32rem" }}>
        <CustomerForm {...props} />
      </div>
    </InPortal>
  ),
  args: { locale: "he", onSuccess: fn(), onCancel: fn() },
  argTypes: {
    locale: { control: "inline-radio", options: ["he", "en"] },
    theme: { control: "inline-radio", options: ["light", "dark"] },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const newcomer = withPortal({ signedIn: null, latency: 150 });
const signedIn = withPortal({ customers: [TAL], signedIn: TAL.id });

export const CreateHebrew: Story = {
  beforeEach: newcomer,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("group", { name: "שפה מועדפת" })).toBeVisible();
    // The LTR email lines up with the right-to-left fields.
    await expect(getComputedStyle(canvas.getByLabelText("דוא״ל")).textAlign).toBe("end");
    await userEvent.type(canvas.getByLabelText("שם מלא"), "טל לוי");
    await userEvent.type(canvas.getByLabelText("טלפון"), "0501234567");
    await expect(canvas.getByLabelText("טלפון")).toHaveValue("050-123-4567");
    await userEvent.click(canvas.getByRole("button", { name: "שמירת הפרטים" }));
    await expect(canvas.getByRole("button", { name: "שומר…" })).toBeDisabled();
    await expect(await canvas.findByText("הפרטים נשמרו.")).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ phone: "+972501234567" }));
  },
};

export const CreateEnglish: Story = {
  args: { locale: "en" },
  beforeEach: newcomer,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    // A Hebrew name in an English form lines up with the other fields (issue 13, item 11).
    const name = canvas.getByLabelText("Full name");
    await userEvent.type(name, "דנה כהן");
    const email = canvas.getByLabelText("Email");
    await expect(getComputedStyle(name).direction).toBe("ltr");
    await expect(getComputedStyle(name).textAlign).toBe(getComputedStyle(email).textAlign);
    await expect(Math.abs(name.getBoundingClientRect().left - email.getBoundingClientRect().left)).toBeLessThan(1);
    await userEvent.clear(name);
    await userEvent.type(canvas.getByLabelText("Full name"), "Dana Cohen");
    await userEvent.type(canvas.getByLabelText("Email"), "dana@example.com");
    await userEvent.type(canvas.getByLabelText("Phone"), "+44 20 7946 0958{Enter}");
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1));
  },
};

export const EditHebrew: Story = {
  args: { customer: TAL_CUSTOMER },
  beforeEach: signedIn,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const t = catalog(args.locale);
    // Hebrew readers see their Israeli number the local way.
    await expect(canvas.getByLabelText(t["form.phone"])).toHaveValue(args.locale === "he" ? "050-123-4567" : "+972 50 123 4567");
    await userEvent.click(canvas.getByRole("button", { name: "שמירת השינויים" }));
    await expect(await canvas.findByText("לא היו שינויים.")).toBeVisible();
  },
};

export const EditEnglish: Story = {
  args: { locale: "en", customer: TAL_CUSTOMER },
  beforeEach: signedIn,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("radio", { name: "English" }));
    await userEvent.click(canvas.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ locale: "en" })));
  },
};

export const ClientValidationHebrew: Story = {
  beforeEach: newcomer,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText("דוא״ל"), "tal@");
    await userEvent.type(canvas.getByLabelText("טלפון"), "050-12");
    await userEvent.click(canvas.getByRole("button", { name: "שמירת הפרטים" }));
    await expect(await canvas.findByText("נא להזין שם.")).toBeVisible();
    await expect(canvas.getByLabelText("שם מלא")).toHaveFocus();
    await expect(canvas.getByLabelText("דוא״ל")).toHaveAttribute("aria-invalid", "true");
    await expect(canvas.getByLabelText("טלפון")).toHaveValue("050-12");
    // The example numbers in the Hebrew message are isolated, so they never read reversed.
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
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText("שם מלא"), "טל לוי");
    await userEvent.type(canvas.getByLabelText("מספר עוסק / ח״פ"), "12");
    await userEvent.click(canvas.getByRole("button", { name: "שמירת הפרטים" }));
    await expect(await canvas.findByText("נא להזין מספר עוסק תקין.")).toBeVisible();
    await expect(canvas.getByLabelText("מספר עוסק / ח״פ")).toHaveFocus();
  },
};

export const ServerValidationErrorEnglish: Story = {
  args: { locale: "en" },
  beforeEach: serverIssues,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText("Full name"), "Tal Levi");
    await userEvent.type(canvas.getByLabelText("Tax ID"), "12{Enter}");
    await expect(await canvas.findByText("Enter a valid tax ID.")).toBeVisible();
  },
};

const emailTaken = withPortal({ customers: [DANA], signedIn: null });

export const EmailExistsHebrew: Story = {
  beforeEach: emailTaken,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText("שם מלא"), "טל לוי");
    await userEvent.type(canvas.getByLabelText("דוא״ל"), "dana@example.com{Enter}");
    await expect(await canvas.findByText(catalog("he")["form.error.email.exists"])).toBeVisible();
    await expect(canvas.getByLabelText("דוא״ל")).toHaveValue("dana@example.com");
  },
};

export const EmailExistsEnglish: Story = {
  args: { locale: "en" },
  beforeEach: emailTaken,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText("Full name"), "Tal Levi");
    await userEvent.type(canvas.getByLabelText("Email"), "dana@example.com{Enter}");
    await expect(await canvas.findByText(catalog("en")["form.error.email.exists"])).toBeVisible();
  },
};

const serverDown = withPortal({ signedIn: null }, (portal) =>
  portal.failWith({ status: 503, code: "UNAVAILABLE", message: "Down for maintenance" }),
);

export const FormAlertHebrew: Story = {
  beforeEach: serverDown,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText("שם מלא"), "טל לוי{Enter}");
    await expect(await canvas.findByRole("alert")).toHaveTextContent("משהו השתבש. מה שהקלדתם נשמר בטופס; נסו שוב.");
    await expect(canvas.getByLabelText("שם מלא")).toHaveValue("טל לוי");
  },
};

export const FormAlertEnglish: Story = {
  args: { locale: "en" },
  beforeEach: serverDown,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText("Full name"), "Tal Levi{Enter}");
    await expect(await canvas.findByRole("alert")).toHaveTextContent("Something went wrong.");
  },
};

export const DarkHebrewWithErrors: Story = {
  args: { theme: "dark" },
  beforeEach: emailTaken,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText("דוא״ל"), "dana@example.com");
    await userEvent.click(canvas.getByRole("button", { name: "שמירת הפרטים" }));
    await expect(await canvas.findByText("נא להזין שם.")).toBeVisible();
  },
};

export const DarkEnglish: Story = {
  args: { theme: "dark", locale: "en", customer: TAL_CUSTOMER },
  beforeEach: signedIn,
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText("Full name")).toHaveValue("טל לוי");
  },
};

/** An English form on a right-to-left page: its LTR fields keep to the left like the rest of the form. */
export const EnglishOnHebrewPage: Story = {
  args: { locale: "en" },
  beforeEach: newcomer,
  render: ({ locale, theme, ...props }) => (
    <div dir="rtl" lang="he">
      <InPortal locale={locale} theme={theme}>
        <div style={{ maxInlineSize: "32rem" }}>
          <CustomerForm {...props} />
        </div>
      </InPortal>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(getComputedStyle(canvas.getByLabelText("Email")).textAlign).toBe("start");
    await expect(getComputedStyle(canvas.getByLabelText("Tax ID")).textAlign).toBe("start");
  },
};

/**
 * The language choice: the selected option is filled (at least 3:1 against the
 * track) and stays distinct in forced colours (the "storybook-forced-colors"
 * project runs it with Windows High Contrast emulated), each option in its own language.
 */
export const LanguageChoice: Story = {
  args: { locale: "en" },
  tags: ["forced-colors"],
  beforeEach: newcomer,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const t = catalog(args.locale);
    const selected = canvas.getByRole("radio", { name: t[`locale.native.${args.locale}`] });
    const other = canvas.getByRole("radio", { name: t[`locale.native.${args.locale === "en" ? "he" : "en"}`] });
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
