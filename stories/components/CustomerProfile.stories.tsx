import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, screen, userEvent, waitFor, within } from "storybook/test";
import { CustomerProfile, type CustomerProfileProps, type Locale } from "@ching/billing-portal-react";
import { catalog, componentMeta, DANA, inLocale, InPortal, storyLocale, storyTheme, withPortal, withTal, type StoryEnvironment } from "./support";

type Args = CustomerProfileProps & StoryEnvironment;

const meta = {
  title: "Components/CustomerProfile",
  component: CustomerProfile,
  ...componentMeta(CustomerProfile),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Tal's Israeli number as each reader sees it: the local way in Hebrew, international in English. */
const TAL_PHONE = { he: "050-123-4567", en: "+972 50 123 4567" } as const;

const signedIn = withTal();

export const Hebrew: Story = {
  beforeEach: signedIn,
  play: async (context) => {
    const t = catalog(context);
    const locale = storyLocale(context);
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByText("טל לוי")).toBeVisible();
    const region = canvas.getByRole("region", { name: t["profile.title"] });
    await expect(region).toHaveAttribute("dir", locale === "he" ? "rtl" : "ltr");
    await expect(region).toHaveAttribute("lang", locale);
    // The local way for a Hebrew reader, formatted with no phone metadata loaded.
    const phone = canvas.getByText(TAL_PHONE[locale]);
    await expect(phone).toHaveAttribute("dir", "ltr");
    // Isolated: the number's own box reads left to right inside the row, whatever its direction.
    await expect(getComputedStyle(phone).direction).toBe("ltr");
    await expect(canvas.getByText("tal@example.com")).toHaveAttribute("dir", "ltr");
  },
};

export const English: Story = {
  args: { locale: "en" },
  beforeEach: signedIn,
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByText("טל לוי")).toBeVisible();
    await expect(canvas.getByRole("region", { name: catalog(context)["profile.title"] })).toHaveAttribute("dir", inLocale(context, { he: "rtl", en: "ltr" }));
    await expect(canvas.getByText(inLocale(context, { he: "19 באפריל 2026", en: "April 19, 2026" }))).toBeVisible();
  },
};

const loading = withTal({ latency: "infinite" });

export const LoadingHebrew: Story = {
  beforeEach: loading,
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await expect(canvas.getByRole("region")).toHaveAttribute("aria-busy", "true");
    await expect(canvas.getByRole("status")).toHaveTextContent(catalog(context)["profile.loading"]);
  },
};

export const LoadingEnglish: Story = {
  args: { locale: "en" },
  beforeEach: loading,
  play: async (context) => {
    await expect(within(context.canvasElement).getByRole("status")).toHaveTextContent(catalog(context)["profile.loading"]);
  },
};

const failingOnce = withTal({}, (portal) =>
  portal.failWith({ status: 500, code: "INTERNAL", message: "Boom", method: "GET", times: 1 }),
);

export const ErrorHebrew: Story = {
  beforeEach: failingOnce,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent(t["profile.error"]);
    await expect(canvas.getByRole("button", { name: t["profile.retry"] })).toBeVisible();
  },
};

export const ErrorThenRetryEnglish: Story = {
  args: { locale: "en" },
  beforeEach: failingOnce,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent(t["profile.error"]);
    await userEvent.click(canvas.getByRole("button", { name: t["profile.retry"] }));
    await expect(await canvas.findByText("טל לוי")).toBeVisible();
  },
};

const newcomer = withPortal({ signedIn: null });

export const NoCustomerHebrew: Story = {
  beforeEach: newcomer,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByText(t["profile.noCustomer.title"])).toBeVisible();
    await expect(canvas.getByRole("button", { name: t["profile.noCustomer.create"] })).toBeVisible();
  },
};

export const NoCustomerThenCreateEnglish: Story = {
  args: { locale: "en" },
  beforeEach: newcomer,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: t["profile.noCustomer.create"] }));
    const dialog = await screen.findByRole("dialog", { name: t["dialog.create.title"] });
    const name = within(dialog).getByLabelText(t["form.name"]);
    await waitFor(() => expect(name).toHaveFocus());
    await userEvent.type(name, "Dana Cohen");
    await userEvent.type(within(dialog).getByLabelText(t["form.phone"]), "050-123-4567");
    await userEvent.click(within(dialog).getByRole("button", { name: t["form.submit.create"] }));
    await expect(await canvas.findByText("Dana Cohen")).toBeVisible();
    await expect(await canvas.findByText(TAL_PHONE[storyLocale(context)])).toBeVisible();
    await waitFor(() => expect(canvas.getByRole("button", { name: t["profile.edit"] })).toHaveFocus());
  },
};

export const EditHebrew: Story = {
  beforeEach: signedIn,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: t["profile.edit"] }));
    const dialog = await screen.findByRole("dialog", { name: t["dialog.edit.title"] });
    await expect(dialog).toHaveAttribute("dir", inLocale(context, { he: "rtl", en: "ltr" }));
    const phone = within(dialog).getByLabelText(t["form.phone"]);
    await userEvent.clear(phone);
    await userEvent.type(phone, "00442079460958");
    await userEvent.click(within(dialog).getByRole("button", { name: t["form.submit.update"] }));
    await expect(await canvas.findByText("+44 20 7946 0958")).toBeVisible();
    await expect(canvas.getByRole("status")).toHaveTextContent(t["form.saved"]);
  },
};

export const DarkHebrew: Story = {
  args: { theme: "dark" },
  beforeEach: signedIn,
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByText("טל לוי")).toBeVisible();
    await expect(canvas.getByRole("region")).toHaveAttribute("data-ching-theme", storyTheme(context));
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
  play: async (context) => {
    await expect(await within(context.canvasElement).findByText(catalog(context)["profile.noCustomer.title"])).toBeVisible();
  },
};

/** A merchant's language switch: the profile re-renders in place, without a refetch. */
function WithLanguageSwitch({ initial, theme }: { initial: Locale; theme?: StoryEnvironment["theme"] }) {
  const [locale, setLocale] = useState<Locale>(initial);
  return (
    <InPortal locale={locale} theme={theme}>
      <button type="button" onClick={() => setLocale(locale === "he" ? "en" : "he")}>
        {locale === "he" ? "English" : "עברית"}
      </button>
      <CustomerProfile />
    </InPortal>
  );
}

/** Starts in the story's language (Hebrew, or the toolbar's) and switches to the other. */
export const LanguageSwitch: Story = {
  render: ({ locale, theme }) => <WithLanguageSwitch initial={locale} theme={theme} />,
  beforeEach: signedIn,
  play: async (context) => {
    const other: Locale = storyLocale(context) === "he" ? "en" : "he";
    const canvas = within(context.canvasElement);
    await canvas.findByText("טל לוי");
    const region = canvas.getByRole("region");
    await userEvent.click(canvas.getByRole("button", { name: other === "en" ? "English" : "עברית" }));
    await expect(canvas.getByRole("region")).toBe(region);
    await expect(region).toHaveAttribute("dir", other === "he" ? "rtl" : "ltr");
    await expect(canvas.getByRole("heading", { name: catalog(other)["profile.title"] })).toBeVisible();
  },
};
