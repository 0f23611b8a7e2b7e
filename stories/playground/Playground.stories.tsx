import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState, type ReactNode } from "react";
import { expect, within } from "storybook/test";
import {
  BillingPage,
  CustomerForm,
  CustomerProfile,
  useCustomer,
  useCustomers,
  he,
  type Locale,
} from "@ching/billing-portal-react";
import "@ching/billing-portal-react/styles.css";
import { createMockBillingPortal } from "@ching/billing-portal-react/testing";
import { TestPortal, testQueryClient } from "../../test/support/TestPortal";
import { TAL } from "../components/support";
import { sessionPortal } from "./session";

interface PlaygroundArgs {
  locale: Locale;
  theme: "light" | "dark";
}

// Shared by every Playground story, like the endpoint behind it.
const queryClient = testQueryClient();

// The whole billing page has its own endpoint (a customer with demo billing), so its own cache too.
const billingPageClient = testQueryClient();

function Page({ locale, theme, children, client = queryClient }: PlaygroundArgs & { children: ReactNode; client?: typeof queryClient }) {
  return (
    <TestPortal locale={locale} queryClient={client} appearance={{ theme }}>
      <div
        style={{
          background: theme === "dark" ? "#0d0f12" : "#f4f5f7",
          colorScheme: theme,
          minBlockSize: "100vh",
          padding: 24,
          display: "grid",
          gap: 24,
          alignContent: "start",
        }}
      >
        {children}
      </div>
    </TestPortal>
  );
}

/** The form for whoever is signed in: it creates their customer, then edits it. */
function OwnForm() {
  const { data: customer, isPending } = useCustomer();
  const [savedName, setSavedName] = useState<string>();
  if (isPending) return null;
  return (
    <div style={{ maxInlineSize: "32rem" }}>
      <CustomerForm customer={customer ?? undefined} onSuccess={(saved) => setSavedName(saved.name)} />
      {savedName ? <output style={{ display: "block", marginBlockStart: 12 }}>✓ {savedName}</output> : null}
    </div>
  );
}

/** A back-office list over `useCustomers()`, styled with the library's own classes and tokens. */
function CustomerList({ locale, theme }: PlaygroundArgs) {
  const { data = [] } = useCustomers();
  const heading = locale === "he" ? "כל הלקוחות (back office)" : "All customers (back office)";
  return (
    <section
      aria-labelledby="back-office-title"
      dir={locale === "he" ? "rtl" : "ltr"}
      lang={locale}
      className="ching-root ching-card"
      data-ching-theme={theme}
    >
      <header className="ching-card__header">
        <h2 className="ching-title" id="back-office-title">
          {heading}
        </h2>
      </header>
      <dl className="ching-details">
        {data.map((customer) => (
          <div key={customer.id} className="ching-details__row">
            <dt className="ching-details__label">
              <bdi dir="ltr">{customer.id}</bdi>
            </dt>
            <dd className="ching-details__value">
              <bdi>{customer.name}</bdi> · <bdi dir="ltr">{customer.email ?? "—"}</bdi>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * Everything working together with no backend: the components talk to one
 * mock merchant endpoint for the whole session. Create your customer in
 * "Your billing details", edit it in "Form", see it in "Back office" — and
 * switch language and theme in the toolbar.
 */
const meta: Meta<PlaygroundArgs> = {
  title: "Playground",
  args: { locale: "he", theme: "light" },
  argTypes: {
    locale: { control: "inline-radio", options: ["he", "en"] },
    theme: { control: "inline-radio", options: ["light", "dark"] },
  },
  beforeEach: ({ msw }) => {
    msw.use(...sessionPortal.handlers);
  },
};

export default meta;
type Story = StoryObj<PlaygroundArgs>;

export const YourBillingDetails: Story = {
  render: (args) => (
    <Page {...args}>
      <CustomerProfile />
    </Page>
  ),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("region", { name: "פרטי חיוב" })).toHaveAttribute("dir", "rtl");
  },
};

export const Form: Story = {
  render: (args) => (
    <Page {...args}>
      <OwnForm />
    </Page>
  ),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByLabelText("שם מלא", { exact: false })).toBeVisible();
  },
};

export const BackOffice: Story = {
  args: { locale: "en" },
  render: (args) => (
    <Page {...args}>
      <CustomerList {...args} />
    </Page>
  ),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("Dana Cohen", { exact: false })).toBeVisible();
  },
};

/**
 * The whole billing page, the drop-in a merchant puts on their account page: a
 * signed-in customer with a year of demo billing (cards, payments, refunds,
 * installments, receipts). Its own endpoint, so the session's customers stay as they are.
 */
export const WholeBillingPage: Story = {
  beforeEach: ({ msw }) => {
    const portal = createMockBillingPortal({ customers: [TAL], signedIn: TAL.id, demoBilling: true });
    msw.use(...portal.handlers);
  },
  render: (args) => (
    <Page {...args} client={billingPageClient}>
      <BillingPage />
    </Page>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("region", { name: he["history.title"] })).toHaveAttribute("dir", "rtl");
    await expect(await canvas.findByRole("rowheader", { name: "Hardware deposit" })).toBeVisible();
    await expect(await canvas.findByRole("region", { name: he["profile.title"] })).toBeVisible();
  },
};
