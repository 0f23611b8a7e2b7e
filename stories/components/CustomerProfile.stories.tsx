import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, screen, userEvent, waitFor, within } from "storybook/test";
import { CustomerProfile, type CustomerProfileProps, type Locale } from "@ching/billing-portal-react";
import { DANA, InPortal, TAL, withPortal, type StoryEnvironment } from "./support";

type Args = CustomerProfileProps & StoryEnvironment;

const meta = {
  title: "Components/CustomerProfile",
  component: CustomerProfile,
  render: ({ locale, theme, ...props }) => (
    <InPortal locale={locale} theme={theme}>
      <CustomerProfile {...props} />
    </InPortal>
  ),
  args: { locale: "he" },
  argTypes: {
    locale: { control: "inline-radio", options: ["he", "en"] },
    theme: { control: "inline-radio", options: ["light", "dark", "auto"] },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const signedIn = withPortal({ customers: [TAL], signedIn: TAL.id });

export const Hebrew: Story = {
  beforeEach: signedIn,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("טל לוי")).toBeVisible();
    const region = canvas.getByRole("region", { name: "פרטי חיוב" });
    await expect(region).toHaveAttribute("dir", "rtl");
    await expect(region).toHaveAttribute("lang", "he");
    // The local way for a Hebrew reader, formatted with no phone metadata loaded.
    const phone = canvas.getByText("050-123-4567");
    await expect(phone).toHaveAttribute("dir", "ltr");
    // Isolated: the number's own box reads left to right inside the right-to-left row.
    await expect(getComputedStyle(phone).direction).toBe("ltr");
    await expect(canvas.getByText("tal@example.com")).toHaveAttribute("dir", "ltr");
  },
};

export const English: Story = {
  args: { locale: "en" },
  beforeEach: signedIn,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("טל לוי")).toBeVisible();
    await expect(canvas.getByRole("region", { name: "Billing details" })).toHaveAttribute("dir", "ltr");
    await expect(canvas.getByText("April 19, 2026")).toBeVisible();
  },
};

const loading = withPortal({ customers: [TAL], signedIn: TAL.id, latency: "infinite" });

export const LoadingHebrew: Story = {
  beforeEach: loading,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("region")).toHaveAttribute("aria-busy", "true");
    await expect(canvas.getByRole("status")).toHaveTextContent("טוען את פרטי החיוב…");
  },
};

export const LoadingEnglish: Story = {
  args: { locale: "en" },
  beforeEach: loading,
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent("Loading billing details…");
  },
};

const failingOnce = withPortal({ customers: [TAL], signedIn: TAL.id }, (portal) =>
  portal.failWith({ status: 500, code: "INTERNAL", message: "Boom", method: "GET", times: 1 }),
);

export const ErrorHebrew: Story = {
  beforeEach: failingOnce,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent("לא הצלחנו לטעון את פרטי החיוב.");
    await expect(canvas.getByRole("button", { name: "נסו שוב" })).toBeVisible();
  },
};

export const ErrorThenRetryEnglish: Story = {
  args: { locale: "en" },
  beforeEach: failingOnce,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent("We couldn't load your billing details.");
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await expect(await canvas.findByText("טל לוי")).toBeVisible();
  },
};

const newcomer = withPortal({ signedIn: null });

export const NoCustomerHebrew: Story = {
  beforeEach: newcomer,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("עדיין אין פרטי חיוב")).toBeVisible();
    await expect(canvas.getByRole("button", { name: "הוספת פרטי חיוב" })).toBeVisible();
  },
};

export const NoCustomerThenCreateEnglish: Story = {
  args: { locale: "en" },
  beforeEach: newcomer,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Add billing details" }));
    const dialog = await screen.findByRole("dialog", { name: "Add billing details" });
    const name = within(dialog).getByLabelText("Full name");
    await waitFor(() => expect(name).toHaveFocus());
    await userEvent.type(name, "Dana Cohen");
    await userEvent.type(within(dialog).getByLabelText("Phone"), "050-123-4567");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save details" }));
    await expect(await canvas.findByText("Dana Cohen")).toBeVisible();
    await expect(await canvas.findByText("+972 50 123 4567")).toBeVisible();
    await waitFor(() => expect(canvas.getByRole("button", { name: "Edit" })).toHaveFocus());
  },
};

export const EditHebrew: Story = {
  beforeEach: signedIn,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "עריכה" }));
    const dialog = await screen.findByRole("dialog", { name: "עריכת פרטי חיוב" });
    await expect(dialog).toHaveAttribute("dir", "rtl");
    const phone = within(dialog).getByLabelText("טלפון");
    await userEvent.clear(phone);
    await userEvent.type(phone, "00442079460958");
    await userEvent.click(within(dialog).getByRole("button", { name: "שמירת השינויים" }));
    await expect(await canvas.findByText("+44 20 7946 0958")).toBeVisible();
    await expect(canvas.getByRole("status")).toHaveTextContent("הפרטים נשמרו.");
  },
};

export const DarkHebrew: Story = {
  args: { theme: "dark" },
  beforeEach: signedIn,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("טל לוי")).toBeVisible();
    await expect(canvas.getByRole("region")).toHaveAttribute("data-ching-theme", "dark");
  },
};

export const DarkEnglish: Story = {
  args: { theme: "dark", locale: "en" },
  beforeEach: withPortal({ customers: [DANA], signedIn: DANA.id }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("Dana Cohen")).toBeVisible();
  },
};

export const DarkNoCustomer: Story = {
  args: { theme: "dark" },
  beforeEach: newcomer,
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("עדיין אין פרטי חיוב")).toBeVisible();
  },
};

/** A merchant's language switch: the profile re-renders in place, without a refetch. */
function WithLanguageSwitch() {
  const [locale, setLocale] = useState<Locale>("he");
  return (
    <InPortal locale={locale}>
      <button type="button" onClick={() => setLocale(locale === "he" ? "en" : "he")}>
        {locale === "he" ? "English" : "עברית"}
      </button>
      <CustomerProfile />
    </InPortal>
  );
}

export const LanguageSwitch: Story = {
  render: () => <WithLanguageSwitch />,
  beforeEach: signedIn,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("טל לוי");
    const region = canvas.getByRole("region");
    await userEvent.click(canvas.getByRole("button", { name: "English" }));
    await expect(canvas.getByRole("region")).toBe(region);
    await expect(region).toHaveAttribute("dir", "ltr");
    await expect(canvas.getByRole("heading", { name: "Billing details" })).toBeVisible();
  },
};
