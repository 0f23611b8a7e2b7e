import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { BillingPage, ManageBillingButton, type BillingPageProps } from "@ching/billing-portal-react";
import { catalog, componentMeta, inLocale, InPortal, withTal, type StoryEnvironment } from "./support";

type Args = BillingPageProps & StoryEnvironment;

const meta = {
  title: "Components/BillingPage",
  component: BillingPage,
  ...componentMeta(BillingPage, { argTypes: { headingLevel: { control: { type: "number", min: 1, max: 6 } } } }),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const demo = withTal({ demoBilling: true });

export const Hebrew: Story = {
  beforeEach: demo,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByRole("region", { name: t["profile.title"] })).toHaveAttribute("dir", inLocale(context, { he: "rtl", en: "ltr" }));
    await canvas.findByRole("rowheader", { name: "Hardware deposit" });
    await expect(await canvas.findByRole("region", { name: t["page.manage.title"] })).toBeVisible();
    await expect(canvas.getByRole("button", { name: t["portal.manage"] })).toBeVisible();
  },
};

export const English: Story = {
  args: { locale: "en" },
  beforeEach: demo,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByRole("region", { name: t["history.title"] })).toHaveAttribute("dir", inLocale(context, { he: "rtl", en: "ltr" }));
    await expect(await canvas.findByRole("heading", { level: 2, name: t["page.manage.title"] })).toBeVisible();
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
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByRole("heading", { level: 3, name: t["history.title"] })).toBeVisible();
    await expect(canvas.queryByRole("region", { name: t["profile.title"] })).toBeNull();
  },
};

const failingPortal = withTal({}, (portal) =>
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
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: t["portal.manage"] }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent(t["portal.error"]);
  },
};

export const ManageButtonErrorEnglish: Story = { ...ManageButtonErrorHebrew, args: { locale: "en" } };
