import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { BillingPage, en, he, ManageBillingButton, type BillingPageProps } from "@ching/billing-portal-react";
import { InPortal, TAL, withPortal, type StoryEnvironment } from "./support";

type Args = BillingPageProps & StoryEnvironment;

const meta = {
  title: "Components/BillingPage",
  component: BillingPage,
  render: ({ locale, theme, ...props }) => (
    <InPortal locale={locale} theme={theme}>
      <BillingPage {...props} />
    </InPortal>
  ),
  args: { locale: "he" },
  argTypes: {
    locale: { control: "inline-radio", options: ["he", "en"] },
    theme: { control: "inline-radio", options: ["light", "dark", "auto"] },
    headingLevel: { control: { type: "number", min: 1, max: 6 } },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const demo = withPortal({ customers: [TAL], signedIn: TAL.id, demoBilling: true });

export const Hebrew: Story = {
  beforeEach: demo,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("region", { name: he["profile.title"] })).toHaveAttribute("dir", "rtl");
    await canvas.findByRole("rowheader", { name: "Hardware deposit" });
    await expect(await canvas.findByRole("region", { name: he["page.manage.title"] })).toBeVisible();
    await expect(canvas.getByRole("button", { name: he["portal.manage"] })).toBeVisible();
  },
};

export const English: Story = {
  args: { locale: "en" },
  beforeEach: demo,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("region", { name: en["history.title"] })).toHaveAttribute("dir", "ltr");
    await expect(await canvas.findByRole("heading", { level: 2, name: en["page.manage.title"] })).toBeVisible();
  },
};

export const DarkEnglish: Story = {
  args: { locale: "en", theme: "dark" },
  beforeEach: demo,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("rowheader", { name: "Hardware deposit" });
  },
};

export const HeadingLevelThreeHebrew: Story = {
  args: { headingLevel: 3, hide: ["profile"] },
  beforeEach: demo,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("heading", { level: 3, name: he["history.title"] })).toBeVisible();
    await expect(canvas.queryByRole("region", { name: he["profile.title"] })).toBeNull();
  },
};

const failingPortal = withPortal({ customers: [TAL], signedIn: TAL.id }, (portal) =>
  portal.failWith({ method: "POST", path: "/customers/me/portal_sessions", status: 502, code: "UPSTREAM_UNAVAILABLE", message: "down" }),
);

/** The button alone, when the portal cannot be reached: the alert sits next to it. */
export const ManageButtonErrorHebrew: Story = {
  beforeEach: failingPortal,
  render: ({ locale, theme }) => (
    <InPortal locale={locale} theme={theme}>
      <ManageBillingButton />
    </InPortal>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: he["portal.manage"] }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent(he["portal.error"]);
  },
};

export const ManageButtonErrorEnglish: Story = {
  ...ManageButtonErrorHebrew,
  args: { locale: "en" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: en["portal.manage"] }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent(en["portal.error"]);
  },
};
