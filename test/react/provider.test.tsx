import { QueryClient } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import { setupServer } from "msw/node";
import { useState } from "react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { BillingPortalProvider, useCustomer, useLocale } from "../../src/react";
import { createMockBillingPortal } from "../../src/testing";

function customerJson(id: string, name: string, locale = "he") {
  return {
    success: true,
    data: { id, object: "customer", name, email: null, phone: null, locale, taxId: null, metadata: {}, default_payment_method: null, livemode: false, created: "2026-04-19T09:12:43.000Z" },
  };
}

function fetchAnswering(name: string, locale = "he") {
  return vi.fn(async () => Response.json(customerJson("cus_V8ltq1pK_MWH", name, locale)));
}

function Name() {
  const { data } = useCustomer();
  return <p>{data ? data.name : "…"}</p>;
}

function LocaleProbe() {
  const { locale, dir } = useLocale();
  return <p data-testid="locale">{`${locale} ${dir}`}</p>;
}

describe("BillingPortalProvider", () => {
  it("gives every provider its own QueryClient: two users never see each other's customer", async () => {
    render(
      <>
        <BillingPortalProvider endpoint="/api/billing" fetch={fetchAnswering("Tal Levi")}>
          <Name />
        </BillingPortalProvider>
        <BillingPortalProvider endpoint="/api/billing" fetch={fetchAnswering("Dana Cohen")}>
          <Name />
        </BillingPortalProvider>
      </>,
    );
    expect(await screen.findByText("Tal Levi")).toBeInTheDocument();
    expect(await screen.findByText("Dana Cohen")).toBeInTheDocument();
  });

  it("keeps billing data in the QueryClient it is given, without taking over the merchant's own", async () => {
    const queryClient = new QueryClient();
    render(
      <BillingPortalProvider endpoint="/api/billing" queryClient={queryClient} fetch={fetchAnswering("Tal Levi")}>
        <Name />
      </BillingPortalProvider>,
    );
    await screen.findByText("Tal Levi");
    expect(queryClient.getQueryCache().getAll()).toHaveLength(1);
  });

  it("calls the newest fetch and headers props after a re-render", async () => {
    const first = fetchAnswering("Tal Levi");
    const second = fetchAnswering("Tal Levi");
    const queryClient = new QueryClient();
    const { rerender } = render(
      <BillingPortalProvider endpoint="/api/billing" queryClient={queryClient} fetch={first} headers={{ "X-Session": "one" }}>
        <Name />
      </BillingPortalProvider>,
    );
    await screen.findByText("Tal Levi");
    rerender(
      <BillingPortalProvider endpoint="/api/billing" queryClient={queryClient} fetch={second} headers={{ "X-Session": "two" }}>
        <Name />
      </BillingPortalProvider>,
    );
    await queryClient.refetchQueries();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    const init = (second.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(new Headers(init.headers).get("x-session")).toBe("two");
  });
});

describe("useLocale", () => {
  const portal = createMockBillingPortal({
    customers: [{ id: "cus_V8ltq1pK_MWH", name: "Ann", locale: "en" }],
    signedIn: "cus_V8ltq1pK_MWH",
  });
  const server = setupServer(...portal.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => portal.reset());
  afterAll(() => server.close());

  it("is Hebrew, right to left, by default", () => {
    render(
      <BillingPortalProvider endpoint="/api/billing" fetch={vi.fn()}>
        <LocaleProbe />
      </BillingPortalProvider>,
    );
    expect(screen.getByTestId("locale")).toHaveTextContent("he rtl");
  });

  it("follows the customer's own locale once it is loaded", async () => {
    render(
      <BillingPortalProvider endpoint="/api/billing">
        <Name />
        <LocaleProbe />
      </BillingPortalProvider>,
    );
    await screen.findByText("Ann");
    expect(screen.getByTestId("locale")).toHaveTextContent("en ltr");
  });

  it("takes the provider's locale over the customer's, and switches in place", async () => {
    function Switcher() {
      const [locale, setLocale] = useState<"he" | "en">("he");
      return (
        <BillingPortalProvider endpoint="/api/billing" locale={locale}>
          <button onClick={() => setLocale("en")}>English</button>
          <Name />
          <LocaleProbe />
        </BillingPortalProvider>
      );
    }
    render(<Switcher />);
    await screen.findByText("Ann");
    expect(screen.getByTestId("locale")).toHaveTextContent("he rtl");
    await userEvent.click(screen.getByRole("button", { name: "English" }));
    await waitFor(() => expect(screen.getByTestId("locale")).toHaveTextContent("en ltr"));
    expect(portal.requests.filter((r) => r.path === "/customers/me")).toHaveLength(1);
  });
});
