import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { useCustomer } from "@ching/billing-portal-react";
import { createMockBillingPortal } from "@ching/billing-portal-react/testing";
import { InPortal, servePortal, type StoryEnvironment } from "./components/support";

/**
 * The headless hooks on their own: a merchant's own markup over `useCustomer()`,
 * talking to the mock merchant endpoint through MSW.
 */
function HeadlessProfile() {
  const { data: customer, isPending, error } = useCustomer();
  if (isPending) return <p role="status">Loading…</p>;
  if (error) return <p role="alert">{error.code}: {error.message}</p>;
  if (customer === null) return <p>No customer yet</p>;
  return (
    <dl>
      <dt>Name</dt>
      <dd>{customer.name}</dd>
      <dt>Email</dt>
      <dd dir="ltr">{customer.email}</dd>
      <dt>Phone</dt>
      <dd dir="ltr">{customer.phone}</dd>
    </dl>
  );
}

const signedIn = createMockBillingPortal({
  customers: [
    { id: "cus_V8ltq1pK_MWH", name: "Tal Levi", email: "tal@example.com", phone: "+972501234567" },
  ],
  signedIn: "cus_V8ltq1pK_MWH",
});
const newcomer = createMockBillingPortal({ signedIn: null });
const failing = createMockBillingPortal({ signedIn: null });
failing.failWith({ status: 403, code: "FORBIDDEN", message: "Not allowed" });

/**
 * The merchant's markup is in English whatever the toolbar's language (it has no
 * `locale` control); the theme control switches the merchant's page around it.
 */
const meta = {
  title: "Headless/useCustomer",
  component: HeadlessProfile,
  render: ({ theme }) => (
    <InPortal locale="en" theme={theme}>
      <div lang="en" dir="ltr">
        <HeadlessProfile />
      </div>
    </InPortal>
  ),
  args: { locale: "en" },
  argTypes: { theme: { control: "inline-radio", options: ["light", "dark"] } },
} satisfies Meta<StoryEnvironment>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignedInCustomer: Story = {
  beforeEach: servePortal(signedIn),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("Tal Levi")).toBeVisible();
    await expect(canvas.getByText("+972501234567")).toBeVisible();
  },
};

export const NoCustomerYet: Story = {
  beforeEach: servePortal(newcomer),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("No customer yet")).toBeVisible();
  },
};

export const EndpointError: Story = {
  beforeEach: servePortal(failing),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("alert")).toHaveTextContent("FORBIDDEN: Not allowed");
  },
};
