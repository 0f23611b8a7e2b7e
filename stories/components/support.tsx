import type { StoryContext } from "@storybook/react-vite";
import type { ReactNode } from "react";
import { en, he, type Customer, type Locale, type Messages } from "@ching/billing-portal-react";
import {
  createMockBillingPortal,
  type MockBillingPortal,
  type MockBillingPortalOptions,
} from "@ching/billing-portal-react/testing";
import "@ching/billing-portal-react/styles.css";
import { TestPortal } from "../../test/support/TestPortal";

/** What every component story takes besides the component's own props. */
export interface StoryEnvironment {
  locale: Locale;
  theme?: "light" | "dark" | "auto";
}

export const TAL = {
  id: "cus_V8ltq1pK_MWH",
  name: "טל לוי",
  email: "tal@example.com",
  phone: "+972501234567",
  locale: "he",
  taxId: "514999874",
  created: "2026-04-19T09:12:43.000Z",
} as const;

export const DANA = {
  id: "cus_Dana0000000A",
  name: "Dana Cohen",
  email: "dana@example.com",
  phone: "+442079460958",
  locale: "en",
  created: "2025-11-02T08:00:00.000Z",
} as const;

/** Tal as the API answers, for components that take a whole customer. */
export const TAL_CUSTOMER: Customer = {
  ...TAL,
  object: "customer",
  metadata: {},
  default_payment_method: null,
  livemode: false,
};

/**
 * A `beforeEach` that gives the story its own mock endpoint (nothing leaks
 * from one story into the next); `configure` can add faults.
 */
export function withPortal(options: MockBillingPortalOptions = {}, configure?: (portal: MockBillingPortal) => void) {
  // Storybook's `beforeEach` context type does not carry the addon's `msw`, though it is there at run time.
  return (context: object) => {
    const { msw } = context as Partial<Pick<StoryContext, "msw">>;
    if (!msw) throw new Error("withPortal needs msw-storybook-addon's mswLoader (.storybook/preview.tsx)");
    const portal = createMockBillingPortal(options);
    configure?.(portal);
    msw.use(...portal.handlers);
  };
}

/** The provider a merchant would write (the tests' own), with a fresh QueryClient per story and no retries. */
export function InPortal({ locale, theme, children }: StoryEnvironment & { children: ReactNode }) {
  return (
    <TestPortal locale={locale} appearance={theme ? { theme } : undefined}>
      <div className={theme === "dark" ? "story-page story-page--dark" : "story-page"} style={pageStyle(theme)}>
        {children}
      </div>
    </TestPortal>
  );
}

/** The merchant's page around the component: dark stories sit on a dark page, as they would be embedded. */
function pageStyle(theme: StoryEnvironment["theme"]) {
  return theme === "dark"
    ? { background: "#0d0f12", padding: "24px", minBlockSize: "100vh", colorScheme: "dark" as const }
    : { background: "#f4f5f7", padding: "24px", minBlockSize: "100vh" };
}

/** The strings a story's play function looks for: the catalog of the locale it runs in (the toolbar may change it). */
export function catalog(locale: Locale | undefined): Messages {
  return locale === "en" ? en : he;
}
