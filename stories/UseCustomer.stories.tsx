import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { useCustomer } from "@ching/billing-portal-react";
import { createMockBillingPortal } from "@ching/billing-portal-react/testing";
import { TestPortal } from "../test/support/TestPortal";

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

const meta = {
  title: "Headless/useCustomer",
  component: HeadlessProfile,
  decorators: [
    (Story) => (
      <TestPortal locale="en">
        <Story />
      </TestPortal>
    ),
  ],
} satisfies Meta<typeof HeadlessProfile>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignedInCustomer: Story = {
  beforeEach: ({ msw }) => msw.use(...signedIn.handlers),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("Tal Levi")).toBeVisible();
    await expect(canvas.getByText("+972501234567")).toBeVisible();
  },
};

export const NoCustomerYet: Story = {
  beforeEach: ({ msw }) => msw.use(...newcomer.handlers),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("No customer yet")).toBeVisible();
  },
};

export const EndpointError: Story = {
  beforeEach: ({ msw }) => msw.use(...failing.handlers),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("alert")).toHaveTextContent("FORBIDDEN: Not allowed");
  },
};
