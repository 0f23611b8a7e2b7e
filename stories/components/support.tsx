import type { ArgTypes, StoryContext } from "@storybook/react-vite";
import type { QueryClient } from "@tanstack/react-query";
import type { ComponentType, ReactNode } from "react";
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
 * The part of a component story's meta every file shares: the story's own page
 * and provider (`InPortal`) around the component, Hebrew by default, and the
 * language and theme controls. `title` and `component` stay in each file's meta
 * (Storybook reads them from the source).
 *
 * @example
 * const meta = { title: "Components/CustomerProfile", component: CustomerProfile, ...componentMeta(CustomerProfile) } satisfies Meta<Args>;
 */
export function componentMeta<Props extends object>(
  Component: ComponentType<Props>,
  {
    themes = ["light", "dark", "auto"],
    argTypes = {},
    layout = (component) => component,
  }: {
    /** The theme control's options. */
    themes?: readonly NonNullable<StoryEnvironment["theme"]>[];
    argTypes?: Partial<ArgTypes<Props>>;
    /** What stands between the page and the component (a width, say). */
    layout?: (component: ReactNode, environment: StoryEnvironment) => ReactNode;
  } = {},
) {
  return {
    render: ({ locale, theme, ...props }: Props & StoryEnvironment) => (
      <InPortal locale={locale} theme={theme}>
        {layout(<Component {...(props as Props)} />, { locale, theme })}
      </InPortal>
    ),
    ...environmentControls(themes, argTypes),
  };
}

/** Hebrew by default, and the language and theme controls (with any others given). */
export function environmentControls<A extends object = object>(
  themes: readonly NonNullable<StoryEnvironment["theme"]>[] = ["light", "dark", "auto"],
  argTypes: A = {} as A,
) {
  return {
    args: { locale: "he" as Locale },
    argTypes: {
      locale: { control: "inline-radio" as const, options: ["he", "en"] },
      theme: { control: "inline-radio" as const, options: themes },
      ...argTypes,
    },
  };
}

/** msw-storybook-addon's `msw` of the story being prepared. */
function mswOf(context: object): StoryContext["msw"] {
  // Storybook's `beforeEach` context type does not carry the addon's `msw`, though it is there at run time.
  const { msw } = context as Partial<Pick<StoryContext, "msw">>;
  if (!msw) throw new Error("the stories need msw-storybook-addon's mswLoader (.storybook/preview.tsx)");
  return msw;
}

/** A `beforeEach` that serves the given mock endpoint (one several stories share) through MSW. */
export function servePortal(portal: MockBillingPortal) {
  return (context: object) => {
    mswOf(context).use(...portal.handlers);
  };
}

/** The mock endpoint of the story being shown, for play functions that add faults or latency mid-play. */
let shown: MockBillingPortal | undefined;

/** The mock endpoint `withPortal` made for the story being shown. */
export function currentPortal(): MockBillingPortal {
  if (!shown) throw new Error("currentPortal() needs a story whose beforeEach is withPortal(…)");
  return shown;
}

/**
 * A `beforeEach` that gives the story its own mock endpoint (nothing leaks
 * from one story into the next); `configure` can add faults, and what it
 * returns as a function runs when the story is left.
 */
export function withPortal(
  options: MockBillingPortalOptions = {},
  configure?: (portal: MockBillingPortal, context: StoryContext) => unknown,
) {
  return async (context: object) => {
    const portal = createMockBillingPortal(options);
    mswOf(context).use(...portal.handlers);
    shown = portal;
    const cleanup = await configure?.(portal, context as StoryContext);
    return typeof cleanup === "function" ? (cleanup as () => void) : undefined;
  };
}

/** `withPortal` with Tal signed in (and a customer), the endpoint most stories show. */
export function withTal(options: MockBillingPortalOptions = {}, configure?: (portal: MockBillingPortal, context: StoryContext) => unknown) {
  return withPortal({ customers: [TAL], signedIn: TAL.id, ...options }, configure);
}

/**
 * The provider a merchant would write (the tests' own), with a fresh QueryClient per
 * story (or the given one) and no retries, on the merchant's page around it.
 */
export function InPortal({
  locale,
  theme,
  queryClient,
  children,
}: StoryEnvironment & { queryClient?: QueryClient; children: ReactNode }) {
  return (
    <TestPortal locale={locale} appearance={theme ? { theme } : undefined} queryClient={queryClient}>
      <div className={theme === "dark" ? "story-page story-page--dark" : "story-page"} style={pageStyle(theme)}>
        {children}
      </div>
    </TestPortal>
  );
}

/** The merchant's page around the component: dark stories sit on a dark page, as they would be embedded. */
function pageStyle(theme: StoryEnvironment["theme"]) {
  return theme === "dark"
    ? { background: "#0d0f12", color: "#f2f4f7", padding: "24px", minBlockSize: "100vh", colorScheme: "dark" as const }
    : { background: "#f4f5f7", color: "#111827", padding: "24px", minBlockSize: "100vh", colorScheme: "light" as const };
}

/** What a play function is given, as far as the language goes. */
type PlayContext = { args: object; globals: Record<string, unknown> };

/** The language the story shows: the toolbar's (the test matrix pins it), else the story's own `locale`. */
export function storyLocale(context: PlayContext): Locale {
  const chosen = context.globals.locale as unknown;
  if (chosen === "he" || chosen === "en") return chosen;
  return (context.args as Partial<StoryEnvironment>).locale === "en" ? "en" : "he";
}

/** The theme the story shows: the toolbar's (the test matrix pins it), else the story's own `theme` (light when none). */
export function storyTheme(context: PlayContext): "light" | "dark" {
  const chosen = (context.globals.theme as unknown) || (context.args as Partial<StoryEnvironment>).theme;
  return chosen === "dark" ? "dark" : "light";
}

/**
 * The strings a story's play function looks for: the catalog of the language the
 * story shows (pass the play's context), or of the given locale.
 */
export function catalog(of: Locale | PlayContext | undefined): Messages {
  const locale = typeof of === "object" ? storyLocale(of) : of;
  return locale === "en" ? en : he;
}

/** What a story shows in each language, for text no catalog holds (dates, formatted numbers). */
export function inLocale<T>(context: PlayContext, values: Record<Locale, T>): T {
  return values[storyLocale(context)];
}

/** A catalog template with its `{placeholders}` filled in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A pattern that finds `text` literally (catalog strings hold dots and brackets). */
export function literal(text: string): RegExp {
  return new RegExp(escaped(text));
}

/**
 * A pattern for what starts with a catalog template: its text literally, each
 * `{placeholder}` as the given pattern (any text where none is given).
 */
export function template(text: string, values: Record<string, RegExp> = {}): RegExp {
  const source = text
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      return name === undefined ? escaped(part) : `(?:${values[name]?.source ?? ".*?"})`;
    })
    .join("");
  return new RegExp(`^${source}`);
}
