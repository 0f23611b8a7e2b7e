import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { BillingHistory, type BillingHistoryProps } from "@ching/billing-portal-react";
import { catalog, componentMeta, fill, inLocale, template, withTal, type StoryEnvironment } from "./support";

/** `width`: the box the history gets (a phone's 375 px less the page's padding, say). */
type Args = BillingHistoryProps & StoryEnvironment & { width?: number };

/** The history at the story's `width`, where it has one. */
function History({ width, ...props }: BillingHistoryProps & { width?: number }) {
  return (
    <div style={width ? { inlineSize: `${width}px` } : undefined}>
      <BillingHistory {...props} />
    </div>
  );
}

const meta = {
  title: "Components/BillingHistory",
  component: BillingHistory,
  ...componentMeta(History, {
    argTypes: {
      headingLevel: { control: { type: "number", min: 1, max: 6 } },
      pageSize: { control: { type: "number", min: 1, max: 100 } },
    },
  }),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const demo = withTal({ demoBilling: true });

export const Hebrew: Story = {
  beforeEach: demo,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    const region = await canvas.findByRole("region", { name: t["history.title"] });
    await expect(region).toHaveAttribute("dir", inLocale(context, { he: "rtl", en: "ltr" }));
    await canvas.findByRole("rowheader", { name: "Hardware deposit" });
    await expect(canvas.getByText(t["history.status.requires_capture"])).toBeVisible();
    const amount = canvas.getAllByText(inLocale(context, { he: "250.00 ₪", en: "₪250.00" }))[0] as HTMLElement;
    await expect(getComputedStyle(amount).direction).toBe("ltr");
    await expect(await canvas.findAllByRole("link", { name: template(t["history.document.tax_invoice_receipt"], { number: /\d+/ }) })).not.toHaveLength(0);
    await expect(canvas.getByRole("navigation", { name: t["history.pagination"] })).toBeVisible();
    // Wide: a real table with visible column headers.
    await expect(canvas.getByRole("columnheader", { name: t["history.column.amount"] })).toBeVisible();
  },
};

export const English: Story = {
  args: { locale: "en" },
  beforeEach: demo,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByRole("region", { name: t["history.title"] })).toHaveAttribute("dir", inLocale(context, { he: "rtl", en: "ltr" }));
    await canvas.findByRole("rowheader", { name: "Hardware deposit" });
    await expect(canvas.getByText(fill(t["history.installments"], { count: 3 }))).toBeVisible();
    await expect(canvas.getByText(t["history.refunded.full"])).toBeVisible();
    const nav = canvas.getByRole("navigation", { name: t["history.pagination"] });
    const next = within(nav).getByRole("button", { name: t["history.pagination.next"] });
    await userEvent.click(next);
    await expect(within(nav).getByText(fill(t["history.pagination.status"], { page: 2, pages: 2 }))).toBeVisible();
    await expect(canvas.getAllByRole("rowheader")).toHaveLength(3);
    await expect(next).toHaveFocus();
  },
};

/** A phone: the same table laid out as a list of payments, each cell with its label. */
export const PhoneHebrew: Story = {
  args: { width: 327 },
  beforeEach: demo,
  globals: { viewport: { value: "phone375" } },
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    const row = (await canvas.findByRole("rowheader", { name: "Hardware deposit" })).closest("tr") as HTMLElement;
    await expect(getComputedStyle(row).display).toBe("grid");
    await expect(within(row).getByText(t["history.column.amount"])).toBeVisible();
    const table = canvas.getByRole("table");
    await expect(table.scrollWidth).toBeLessThanOrEqual(table.clientWidth + 1);
  },
};

export const PhoneEnglish: Story = {
  ...PhoneHebrew,
  args: { width: 327, locale: "en" },
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    const row = (await canvas.findByRole("rowheader", { name: "Hardware deposit" })).closest("tr") as HTMLElement;
    await expect(getComputedStyle(row).display).toBe("grid");
    await expect(within(row).getByText(t["history.column.status"])).toBeVisible();
  },
};

export const DarkHebrew: Story = {
  args: { theme: "dark" },
  beforeEach: demo,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("rowheader", { name: "Hardware deposit" });
  },
};

const loading = withTal({ demoBilling: true, latency: "infinite" });

export const LoadingHebrew: Story = {
  beforeEach: loading,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await expect(canvas.getByRole("region", { name: t["history.title"] })).toHaveAttribute("aria-busy", "true");
    await expect(canvas.getByRole("status")).toHaveTextContent(t["history.loading"]);
  },
};

export const LoadingEnglish: Story = {
  args: { locale: "en" },
  beforeEach: loading,
  play: async (context) => {
    await expect(within(context.canvasElement).getByRole("status")).toHaveTextContent(catalog(context)["history.loading"]);
  },
};

const empty = withTal({ charges: [] });

export const EmptyHebrew: Story = {
  beforeEach: empty,
  play: async (context) => {
    await expect(await within(context.canvasElement).findByText(catalog(context)["history.empty.title"])).toBeVisible();
  },
};

export const EmptyEnglish: Story = {
  args: { locale: "en" },
  beforeEach: empty,
  play: async (context) => {
    await expect(await within(context.canvasElement).findByText(catalog(context)["history.empty.title"])).toBeVisible();
  },
};

const failing = withTal({ demoBilling: true }, (portal) =>
  portal.failWith({ method: "GET", path: "/customers/me/charges", status: 500, code: "INTERNAL_ERROR", message: "boom", times: 1 }),
);

export const ErrorHebrew: Story = {
  beforeEach: failing,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent(t["history.error"]);
    await userEvent.click(canvas.getByRole("button", { name: t["history.retry"] }));
    await waitFor(() => expect(canvas.getByRole("rowheader", { name: "Hardware deposit" })).toBeVisible());
  },
};

export const ErrorEnglish: Story = {
  args: { locale: "en" },
  beforeEach: failing,
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent(t["history.error"]);
    await expect(canvas.getByRole("button", { name: t["history.retry"] })).toBeVisible();
  },
};
