import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { BillingHistory, en, he, type BillingHistoryProps } from "@ching/billing-portal-react";
import { InPortal, TAL, withPortal, type StoryEnvironment } from "./support";

type Args = BillingHistoryProps & StoryEnvironment & { width?: number };

const meta = {
  title: "Components/BillingHistory",
  component: BillingHistory,
  render: ({ locale, theme, width, ...props }) => (
    <InPortal locale={locale} theme={theme}>
      <div style={width ? { inlineSize: `${width}px` } : undefined}>
        <BillingHistory {...props} />
      </div>
    </InPortal>
  ),
  args: { locale: "he" },
  argTypes: {
    locale: { control: "inline-radio", options: ["he", "en"] },
    theme: { control: "inline-radio", options: ["light", "dark", "auto"] },
    headingLevel: { control: { type: "number", min: 1, max: 6 } },
    pageSize: { control: { type: "number", min: 1, max: 100 } },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const demo = withPortal({ customers: [TAL], signedIn: TAL.id, demoBilling: true });

export const Hebrew: Story = {
  beforeEach: demo,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const region = await canvas.findByRole("region", { name: he["history.title"] });
    await expect(region).toHaveAttribute("dir", "rtl");
    await canvas.findByRole("rowheader", { name: "Hardware deposit" });
    await expect(canvas.getByText(he["history.status.requires_capture"])).toBeVisible();
    const amount = canvas.getAllByText("250.00 ₪")[0] as HTMLElement;
    await expect(getComputedStyle(amount).direction).toBe("ltr");
    await expect(await canvas.findAllByRole("link", { name: /^חשבונית מס קבלה \d+/ })).not.toHaveLength(0);
    await expect(canvas.getByRole("navigation", { name: he["history.pagination"] })).toBeVisible();
    // Wide: a real table with visible column headers.
    await expect(canvas.getByRole("columnheader", { name: he["history.column.amount"] })).toBeVisible();
  },
};

export const English: Story = {
  args: { locale: "en" },
  beforeEach: demo,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("region", { name: en["history.title"] })).toHaveAttribute("dir", "ltr");
    await canvas.findByRole("rowheader", { name: "Hardware deposit" });
    await expect(canvas.getByText("3 installments")).toBeVisible();
    await expect(canvas.getByText(en["history.refunded.full"])).toBeVisible();
    const nav = canvas.getByRole("navigation", { name: en["history.pagination"] });
    const next = within(nav).getByRole("button", { name: en["history.pagination.next"] });
    await userEvent.click(next);
    await expect(within(nav).getByText("Page 2 of 2")).toBeVisible();
    await expect(canvas.getAllByRole("rowheader")).toHaveLength(3);
    await expect(next).toHaveFocus();
  },
};

/** A phone: the same table laid out as a list of payments, each cell with its label. */
export const PhoneHebrew: Story = {
  args: { width: 327 },
  beforeEach: demo,
  globals: { viewport: { value: "mobile1" } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const row = (await canvas.findByRole("rowheader", { name: "Hardware deposit" })).closest("tr") as HTMLElement;
    await expect(getComputedStyle(row).display).toBe("grid");
    await expect(within(row).getByText(he["history.column.amount"])).toBeVisible();
    const table = canvas.getByRole("table");
    await expect(table.scrollWidth).toBeLessThanOrEqual(table.clientWidth + 1);
  },
};

export const PhoneEnglish: Story = { ...PhoneHebrew, args: { width: 327, locale: "en" }, play: async ({ canvasElement }) => {
  const canvas = within(canvasElement);
  const row = (await canvas.findByRole("rowheader", { name: "Hardware deposit" })).closest("tr") as HTMLElement;
  await expect(getComputedStyle(row).display).toBe("grid");
  await expect(within(row).getByText(en["history.column.status"])).toBeVisible();
} };

export const DarkHebrew: Story = {
  args: { theme: "dark" },
  beforeEach: demo,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("rowheader", { name: "Hardware deposit" });
  },
};

const loading = withPortal({ customers: [TAL], signedIn: TAL.id, demoBilling: true, latency: "infinite" });

export const LoadingHebrew: Story = {
  beforeEach: loading,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("region", { name: he["history.title"] })).toHaveAttribute("aria-busy", "true");
    await expect(canvas.getByRole("status")).toHaveTextContent(he["history.loading"]);
  },
};

export const LoadingEnglish: Story = {
  args: { locale: "en" },
  beforeEach: loading,
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent(en["history.loading"]);
  },
};

const empty = withPortal({ customers: [TAL], signedIn: TAL.id, charges: [] });

export const EmptyHebrew: Story = {
  beforeEach: empty,
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(he["history.empty.title"])).toBeVisible();
  },
};

export const EmptyEnglish: Story = {
  args: { locale: "en" },
  beforeEach: empty,
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(en["history.empty.title"])).toBeVisible();
  },
};

const failing = withPortal({ customers: [TAL], signedIn: TAL.id, demoBilling: true }, (portal) =>
  portal.failWith({ method: "GET", path: "/customers/me/charges", status: 500, code: "INTERNAL_ERROR", message: "boom", times: 1 }),
);

export const ErrorHebrew: Story = {
  beforeEach: failing,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent(he["history.error"]);
    await userEvent.click(canvas.getByRole("button", { name: he["history.retry"] }));
    await waitFor(() => expect(canvas.getByRole("rowheader", { name: "Hardware deposit" })).toBeVisible());
  },
};

export const ErrorEnglish: Story = {
  args: { locale: "en" },
  beforeEach: failing,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent(en["history.error"]);
    await expect(canvas.getByRole("button", { name: en["history.retry"] })).toBeVisible();
  },
};
