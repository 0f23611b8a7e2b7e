import { QueryClient } from "@tanstack/react-query";
import { render, type RenderOptions } from "@testing-library/react";
import axe from "axe-core";
import type { ReactElement, ReactNode } from "react";
import { expect } from "vitest";
import type { Customer } from "../../src/core/customer";
import { BillingPortalProvider, type BillingPortalProviderProps } from "../../src/react";

export const TAL = {
  id: "cus_V8ltq1pK_MWH",
  name: "Tal Levi",
  email: "tal@example.com",
  phone: "+972501234567",
  locale: "he",
  taxId: "514999874",
  created: "2026-04-19T09:12:43.000Z",
} as const;

export const DANA = { id: "cus_Dana0000000A", name: "Dana Cohen", email: "dana@example.com" } as const;

/** A whole customer object, as the API answers it. */
export function customerObject(overrides: Partial<Customer> = {}): Customer {
  return {
    id: TAL.id,
    object: "customer",
    name: TAL.name,
    email: TAL.email,
    phone: TAL.phone,
    locale: TAL.locale,
    taxId: TAL.taxId,
    metadata: {},
    default_payment_method: null,
    livemode: false,
    created: TAL.created,
    ...overrides,
  };
}

/** No retries: an error shows at once. */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

type ProviderProps = Partial<Omit<BillingPortalProviderProps, "children">>;

/** Renders `ui` in a provider; `rerenderWith` changes the provider's props (e.g. the locale) in place. */
export function renderInProvider(ui: ReactElement, props: ProviderProps = {}, options?: Omit<RenderOptions, "wrapper">) {
  const queryClient = props.queryClient ?? testQueryClient();
  let current: ProviderProps = { ...props, queryClient };
  const tree = (node: ReactNode) => (
    <BillingPortalProvider endpoint="/api/billing" {...current}>
      {node}
    </BillingPortalProvider>
  );
  const result = render(tree(ui), options);
  return {
    ...result,
    queryClient,
    rerenderWith(next: ProviderProps, nextUi: ReactElement = ui) {
      current = { ...current, ...next };
      result.rerender(tree(nextUi));
    },
  };
}

/** axe finds nothing. jsdom does not lay out or paint, so colour contrast is left to the browser stories. */
export async function expectNoAxeViolations(context: Element = document.body) {
  const results = await axe.run(context, { rules: { "color-contrast": { enabled: false } } });
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}
