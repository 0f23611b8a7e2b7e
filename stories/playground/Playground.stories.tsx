import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState, type ReactNode } from "react";
import { expect, within } from "storybook/test";
import { BillingPage, CustomerForm, CustomerProfile, PaymentMethods, useCustomer, useCustomers } from "@ching/billing-portal-react";
import { testQueryClient } from "../../test/support/TestPortal";
import { catalog, environmentControls, inLocale, InPortal, servePortal, withTal, type StoryEnvironment } from "../components/support";
import { sessionPortal } from "./session";

type PlaygroundArgs = StoryEnvironment;

// Shared by every Playground story, like the endpoint behind it.
const queryClient = testQueryClient();

// The whole billing page has its own endpoint (a customer with demo billing), so its own cache too.
const billingPageClient = testQueryClient();

/** The merchant's page: its sections one under the other. */
function Page({ locale, theme, children, client = queryClient }: PlaygroundArgs & { children: ReactNode; client?: typeof queryClient }) {
  return (
    <InPortal locale={locale} theme={theme} queryClient={client}>
      <div style={{ display: "grid", gap: 24, alignContent: "start" }}>{children}</div>
    </InPortal>
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

/**
 * Ching's hosted add-card page, as a stand-in inside the story: Storybook has no
 * server for the in-memory Ching's own page (the example app has, and its
 * end-to-end test uses it). Choosing a test card completes the session on the
 * in-memory Ching and comes back the way Ching's redirect would.
 */
function HostedPageStandIn({ session, onBack }: { session: string; onBack: () => void }) {
  const back = (outcome: "success" | "cancel") => {
    const url = new URL(window.location.href);
    url.searchParams.set("ching_setup", outcome);
    url.searchParams.set("ching_setup_id", session);
    window.history.replaceState(window.history.state, "", url);
    // The return is read once per page: forget that it was, as a real page load would.
    queryClient.removeQueries({ queryKey: ["ching-billing-portal:setup-return"] });
    onBack();
  };
  return (
    <section aria-label="Ching hosted page (stand-in)" className="ching-card" style={{ padding: 16 }} dir="ltr" lang="en">
      <h2 className="ching-title">Ching: add a card (test mode stand-in)</h2>
      {["Visa 4242", "Mastercard 5555", "Amex 0005"].map((label, cardIndex) => (
        <button
          key={label}
          type="button"
          className="ching-btn ching-btn--secondary"
          style={{ marginInlineEnd: 8, marginBlockStart: 12 }}
          onClick={() => {
            sessionPortal.ching.completeSetupSession(session, { cardIndex });
            back("success");
          }}
        >
          {label}
        </button>
      ))}
      <button type="button" className="ching-btn ching-btn--secondary" style={{ marginBlockStart: 12 }} onClick={() => back("cancel")}>
        Cancel
      </button>
    </section>
  );
}

/** The profile, and once there is a customer, the saved cards with the add-card trip. */
function ProfileAndCards() {
  const { data: customer } = useCustomer();
  const [hosted, setHosted] = useState<string | null>(null);
  const [visit, setVisit] = useState(0);
  if (hosted) {
    return (
      <HostedPageStandIn
        session={hosted}
        onBack={() => {
          setHosted(null);
          setVisit((n) => n + 1);
        }}
      />
    );
  }
  return (
    <>
      <CustomerProfile />
      {customer ? (
        <PaymentMethods
          key={visit}
          addOptions={{ navigate: (url) => setHosted(/seti_[A-Za-z0-9_-]+/.exec(url)?.[0] ?? null) }}
        />
      ) : null}
    </>
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
  ...environmentControls(["light", "dark"]),
  beforeEach: servePortal(sessionPortal),
};

export default meta;
type Story = StoryObj<PlaygroundArgs>;

export const YourBillingDetails: Story = {
  render: (args) => (
    <Page {...args}>
      <CustomerProfile />
    </Page>
  ),
  play: async (context) => {
    const region = await within(context.canvasElement).findByRole("region", { name: catalog(context)["profile.title"] });
    await expect(region).toHaveAttribute("dir", inLocale(context, { he: "rtl", en: "ltr" }));
  },
};

export const YourBillingPage: Story = {
  render: (args) => (
    <Page {...args}>
      <ProfileAndCards />
    </Page>
  ),
  play: async (context) => {
    await expect(await within(context.canvasElement).findByRole("region", { name: catalog(context)["profile.title"] })).toBeVisible();
  },
};

export const Form: Story = {
  render: (args) => (
    <Page {...args}>
      <OwnForm />
    </Page>
  ),
  play: async (context) => {
    await expect(await within(context.canvasElement).findByLabelText(catalog(context)["form.name"], { exact: false })).toBeVisible();
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
  beforeEach: withTal({ demoBilling: true }),
  render: (args) => (
    <Page {...args} client={billingPageClient}>
      <BillingPage />
    </Page>
  ),
  play: async (context) => {
    const t = catalog(context);
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByRole("region", { name: t["history.title"] })).toHaveAttribute("dir", inLocale(context, { he: "rtl", en: "ltr" }));
    await expect(await canvas.findByRole("rowheader", { name: "Hardware deposit" })).toBeVisible();
    await expect(await canvas.findByRole("region", { name: t["profile.title"] })).toBeVisible();
  },
};
