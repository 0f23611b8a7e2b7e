import type { Meta, StoryContext, StoryObj } from "@storybook/react-vite";
import { http, HttpResponse } from "msw";
import { expect, screen, userEvent, waitFor, within } from "storybook/test";
import { PaymentMethods, type PaymentMethodsProps } from "@ching/billing-portal-react";
import type { MockBillingPortalOptions } from "@ching/billing-portal-react/testing";
import { catalog, componentMeta, currentPortal, fill, TAL, withTal, type StoryEnvironment } from "./support";

type Args = PaymentMethodsProps & StoryEnvironment;

const meta = {
  title: "Components/PaymentMethods",
  component: PaymentMethods,
  ...componentMeta(PaymentMethods, { argTypes: { headingLevel: { control: "inline-radio", options: [2, 3, 4, 5, 6] } } }),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const CARDS: NonNullable<MockBillingPortalOptions["paymentMethods"]> = [
  { customer: TAL.id, id: "pm_Visa00004242", card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 }, is_default: true, created: "2026-01-05T10:00:00.000Z" },
  { customer: TAL.id, id: "pm_Isra00001234", card: { brand: "isracard", last4: "1234", exp_month: 6, exp_year: 2029 }, created: "2026-05-01T10:00:00.000Z" },
  { customer: TAL.id, id: "pm_Master005555", card: { brand: "mastercard", last4: "5555", exp_month: 8, exp_year: 2028 }, created: "2026-03-01T10:00:00.000Z" },
];
const EXPIRED = { customer: TAL.id, id: "pm_Amex00000005", card: { brand: "amex", last4: "0005", exp_month: 3, exp_year: 2024 }, created: "2023-02-01T10:00:00.000Z" };


/** As if back from Ching's hosted page: a session made and finished there, and its parameters in the URL. */
function returning(outcome: "succeeded" | "canceled" | "expired") {
  return withTal({ paymentMethods: [CARDS[0]!] }, async (portal) => {
    const started = await portal.ching.fetch("https://api.ching.test/ching/v1/setup_sessions", {
      method: "POST",
      headers: { authorization: `Bearer ${portal.ching.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ customer: TAL.id, success_url: location.href, cancel_url: location.href }),
    });
    const { data } = (await started.json()) as { data: { id: string } };
    if (outcome === "succeeded") portal.ching.completeSetupSession(data.id, { cardIndex: 1 });
    const url = new URL(location.href);
    url.searchParams.set("ching_setup", outcome === "canceled" ? "cancel" : "success");
    url.searchParams.set("ching_setup_id", data.id);
    history.replaceState(history.state, "", url);
    return () => {
      // Whatever the component left of the return goes with the story.
      const clean = new URL(location.href);
      clean.searchParams.delete("ching_setup");
      clean.searchParams.delete("ching_setup_id");
      history.replaceState(history.state, "", clean);
    };
  });
}

export const NoCards: Story = {
  beforeEach: withTal({}),
  play: async (context) => {
    const m = catalog(context);
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByText(m["cards.empty.title"])).toBeVisible();
    await expect(await canvas.findByRole("button", { name: m["cards.add.test"] })).toBeVisible();
  },
};

export const Several: Story = {
  beforeEach: withTal({ paymentMethods: CARDS }),
  play: async (context) => {
    const m = catalog(context);
    const canvas = within(context.canvasElement);
    const list = await canvas.findByRole("list", { name: m["cards.list"] });
    const rows = within(list).getAllByRole("listitem");
    const name = fill(m["cards.name"], { brand: m["cards.brand.visa"], last4: "4242", expiry: "12/2030" });
    await expect(rows[0]).toHaveAccessibleName(`${name}, ${m["cards.name.default"]}`);
    await expect(rows[1]).toHaveAccessibleName(fill(m["cards.name"], { brand: m["cards.brand.isracard"], last4: "1234", expiry: "06/2029" }));
    const digits = within(rows[0]!).getByText("•••• 4242");
    await expect(getComputedStyle(digits).direction).toBe("ltr");
  },
};

export const SeveralEnglishDark: Story = {
  ...Several,
  args: { locale: "en", theme: "dark" },
};

export const Expired: Story = {
  beforeEach: withTal({ paymentMethods: [CARDS[0]!, EXPIRED] }),
  play: async (context) => {
    const m = catalog(context);
    const canvas = within(context.canvasElement);
    const row = await canvas.findByRole("listitem", {
      name: fill(m["cards.name.expired"], { brand: m["cards.brand.amex"], last4: "0005", expiry: "03/2024" }),
    });
    await expect(within(row).getByText(m["cards.badge.expired"], { selector: ".ching-badge" })).toBeVisible();
    // Expired cards stay listed, and removable.
    await expect(within(row).getByRole("button", { name: new RegExp(`^${m["cards.remove"]}`) })).toBeVisible();
  },
};

export const Removing: Story = {
  beforeEach: withTal({ paymentMethods: CARDS }),
  play: async (context) => {
    const m = catalog(context);
    const canvas = within(context.canvasElement);
    const list = await canvas.findByRole("list");
    const [visa, isracard, master] = within(list).getAllByRole("listitem") as [HTMLElement, HTMLElement, HTMLElement];
    await userEvent.click(within(visa).getByRole("button", { name: new RegExp(`^${m["cards.remove"]}`) }));
    const dialog = await screen.findByRole("alertdialog", { name: m["cards.confirm.title"] });
    // Visible once the dialog has faded in.
    await waitFor(() => expect(within(dialog).getByText(m["cards.confirm.default"])).toBeVisible());
    await waitFor(() => expect(within(dialog).getByRole("button", { name: m["cards.confirm.cancel"] })).toHaveFocus());
    await userEvent.keyboard("{Escape}");
    await userEvent.click(within(isracard).getByRole("button", { name: new RegExp(`^${m["cards.remove"]}`) }));
    currentPortal().setLatency(1500);
    await userEvent.click(await screen.findByRole("button", { name: m["cards.confirm.remove"] }));
    await waitFor(() => expect(isracard).not.toBeInTheDocument());
    await waitFor(() => expect(master).toHaveFocus());
    await expect(canvas.getByText(m["cards.removing"])).toBeInTheDocument();
  },
};

export const FailedRemoval: Story = {
  beforeEach: withTal({ paymentMethods: CARDS }, (portal) =>
    portal.failWith({
      method: "POST",
      path: "/customers/me/payment_methods/pm_Isra00001234/detach",
      status: 409,
      code: "PAYMENT_METHOD_IN_USE",
      message: "The card pays an active subscription",
    }),
  ),
  play: async (context) => {
    const m = catalog(context);
    const canvas = within(context.canvasElement);
    const list = await canvas.findByRole("list");
    const remove = within(within(list).getAllByRole("listitem")[1]!).getByRole("button", { name: new RegExp(`^${m["cards.remove"]}`) });
    await userEvent.click(remove);
    await userEvent.click(await screen.findByRole("button", { name: m["cards.confirm.remove"] }));
    await expect(await canvas.findByText(m["cards.remove.inUse"])).toBeVisible();
    const again = canvas.getAllByRole("button", { name: new RegExp(`^${m["cards.remove"]}`) })[1]!;
    await waitFor(() => expect(again).toHaveFocus());
    await expect(again).toHaveAccessibleDescription(m["cards.remove.inUse"]);
  },
};

export const FailedRemovalEnglish: Story = { ...FailedRemoval, args: { locale: "en" } };

export const ReturnSucceeded: Story = {
  beforeEach: returning("succeeded"),
  args: { addOptions: { pollIntervalMs: 100 } },
  play: async (context) => {
    const m = catalog(context);
    const canvas = within(context.canvasElement);
    const added = fill(m["cards.return.succeeded"], { last4: "5555" });
    await waitFor(() => expect(canvas.getByText((_, node) => node?.getAttribute("role") === "status" && node.textContent === added)).toBeVisible());
    const row = await canvas.findByRole("listitem", { name: new RegExp(`^${m["cards.brand.mastercard"]}`) });
    await waitFor(() => expect(row).toHaveFocus());
  },
};

export const ReturnSucceededEnglish: Story = { ...ReturnSucceeded, args: { ...ReturnSucceeded.args, locale: "en" } };

export const ReturnCanceled: Story = {
  beforeEach: returning("canceled"),
  play: async (context) => {
    const m = catalog(context);
    await expect(await within(context.canvasElement).findByText(m["cards.return.canceled"])).toBeVisible();
  },
};

export const ReturnExpired: Story = {
  beforeEach: async (context) => {
    const cleanup = await returning("expired")(context);
    // Past its 24 hours, as Ching answers a session nobody finished in time.
    (context as StoryContext).msw.use(
      http.get("*/api/billing/customers/me/setup_sessions/:id", ({ params }) =>
        HttpResponse.json({ success: true, data: { id: params.id, status: "expired" } }),
      ),
    );
    return cleanup;
  },
  args: { addOptions: { pollIntervalMs: 100 } },
  play: async (context) => {
    const m = catalog(context);
    await expect(await within(context.canvasElement).findByText(m["cards.return.expired"])).toBeVisible();
  },
};

export const Loading: Story = {
  beforeEach: withTal({ paymentMethods: CARDS, latency: "infinite" }),
  play: async (context) => {
    const m = catalog(context);
    const canvas = within(context.canvasElement);
    await expect(canvas.getByRole("region")).toHaveAttribute("aria-busy", "true");
    await expect(canvas.getByText(m["cards.loading"])).toBeInTheDocument();
  },
};

export const LoadError: Story = {
  beforeEach: withTal({ paymentMethods: CARDS }, (portal) =>
    portal.failWith({ method: "GET", path: "/customers/me/payment_methods", status: 500, code: "INTERNAL", message: "Boom", times: 1 }),
  ),
  play: async (context) => {
    const m = catalog(context);
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByText(m["cards.error"])).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: m["cards.retry"] }));
    await expect(await canvas.findByRole("list")).toBeVisible();
  },
};
