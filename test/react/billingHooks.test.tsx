/**
 * The second wave's hooks in jsdom, against the mock endpoint (the real
 * handler in front of the in-memory Ching, over MSW).
 */
import { act, waitFor } from "@testing-library/react";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  useAddPaymentMethod,
  useBillingPortal,
  useCharges,
  useDocumentPdfUrl,
  usePaymentMethods,
  useRemovePaymentMethod,
} from "../../src/react";
import { createMockBillingPortal } from "../../src/testing";
import { TAL } from "../fixtures";
import { renderHookInProvider } from "../render";

// The library's own retry policy, with retries that wait 0 ms.
const renderHookWithClient = <T,>(hook: () => T) => renderHookInProvider(hook, { retries: "fast" });

const VISA = { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 };
const AMEX = { brand: "amex", last4: "0005", exp_month: 3, exp_year: 2031 };

const portal = createMockBillingPortal({
  customers: [TAL],
  signedIn: TAL.id,
  paymentMethods: [
    { customer: TAL.id, id: "pm_Visa00000001", card: VISA, created: "2026-01-01T00:00:00.000Z" },
    { customer: TAL.id, id: "pm_Amex00000001", card: AMEX, created: "2026-03-01T00:00:00.000Z" },
  ],
  charges: [{ customer: TAL.id, amount: 12_900, description: "Pro plan", id: "ch_Paid00000001" }],
});
const server = setupServer(...portal.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => window.history.replaceState(null, "", "/account/billing?tab=cards"));
afterEach(() => {
  portal.reset();
  window.sessionStorage.clear();
});
afterAll(() => server.close());

const last4s = (cards: { card: { last4: string } }[] | undefined) => cards?.map((card) => card.card.last4);

describe("usePaymentMethods()", () => {
  it("answers the saved cards, the default first", async () => {
    const { result } = renderHookWithClient(() => usePaymentMethods());
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(last4s(result.current.data)).toEqual(["4242", "0005"]);
    expect(result.current.data?.[0]?.is_default).toBe(true);
  });
});

describe("useRemovePaymentMethod()", () => {
  it("takes the card off the list at once, and it stays off", async () => {
    const { result } = renderHookWithClient(() => ({ cards: usePaymentMethods(), remove: useRemovePaymentMethod() }));
    await waitFor(() => expect(result.current.cards.isSuccess).toBe(true));
    act(() => result.current.remove.mutate("pm_Amex00000001"));
    await waitFor(() => expect(last4s(result.current.cards.data)).toEqual(["4242"]));
    await waitFor(() => expect(result.current.remove.isSuccess).toBe(true));
    expect(portal.ching.paymentMethods(TAL.id).map((card) => card.id)).toEqual(["pm_Visa00000001"]);
    expect(last4s(result.current.cards.data)).toEqual(["4242"]);
  });

  it("puts the card back and says why when the endpoint refuses", async () => {
    const { result } = renderHookWithClient(() => ({ cards: usePaymentMethods(), remove: useRemovePaymentMethod() }));
    await waitFor(() => expect(result.current.cards.isSuccess).toBe(true));
    portal.setLatency(300);
    portal.failWith({ method: "POST", status: 409, code: "PAYMENT_METHOD_IN_USE", message: "The card pays an active subscription" });
    act(() => result.current.remove.mutate("pm_Amex00000001"));
    await waitFor(() => expect(last4s(result.current.cards.data)).toEqual(["4242"]));
    await waitFor(() => expect(result.current.remove.isError).toBe(true));
    expect(result.current.remove.error).toMatchObject({ status: 409, code: "PAYMENT_METHOD_IN_USE" });
    expect(last4s(result.current.cards.data)).toEqual(["4242", "0005"]);
  });
});

describe("useAddPaymentMethod()", () => {
  it("starts the hosted page for this page and goes there", async () => {
    const navigate = vi.fn();
    const { result } = renderHookWithClient(() => useAddPaymentMethod({ navigate }));
    act(() => result.current.start());
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    const [session] = portal.ching.setupSessions();
    expect(navigate).toHaveBeenCalledWith(session!.url);
    expect(session!.success_url).toBe("http://localhost:3000/account/billing?tab=cards&ching_setup=success");
    expect(window.sessionStorage.getItem("ching-billing-portal:setup-session")).toBe(session!.id);
    expect(result.current.returned).toBeNull();
  });

  it("on a return, checks the session until it succeeded, then shows the new card and cleans the URL", async () => {
    const navigate = vi.fn();
    const first = renderHookWithClient(() => useAddPaymentMethod({ navigate }));
    act(() => first.result.current.start());
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    first.unmount();
    const [session] = portal.ching.setupSessions();

    // Back from the hosted page, before Ching has finished.
    window.history.replaceState(null, "", "/account/billing?tab=cards&ching_setup=success");
    const { result } = renderHookWithClient(() => useAddPaymentMethod({ pollIntervalMs: 10 }));
    await waitFor(() => expect(result.current.returned?.status).toBe("checking"));
    expect(window.location.search).toBe("?tab=cards");
    portal.ching.completeSetupSession(session!.id, { cardIndex: 1 });
    await waitFor(() => expect(result.current.returned?.status).toBe("succeeded"));
    await waitFor(() => expect(result.current.returned?.paymentMethod?.card.last4).toBe("5555"));
    act(() => result.current.returned?.dismiss());
    await waitFor(() => expect(result.current.returned).toBeNull());
  });

  it("tells a canceled return, and one that never finishes", async () => {
    window.history.replaceState(null, "", "/account/billing?ching_setup=cancel");
    const canceled = renderHookWithClient(() => useAddPaymentMethod());
    await waitFor(() => expect(canceled.result.current.returned?.status).toBe("canceled"));
    canceled.unmount();

    const started = await portal.ching.fetch("https://api.ching.test/ching/v1/setup_sessions", {
      method: "POST",
      headers: { authorization: `Bearer ${portal.ching.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ customer: TAL.id, success_url: "http://localhost:3000/a", cancel_url: "http://localhost:3000/b" }),
    });
    const { data } = (await started.json()) as { data: { id: string } };
    window.history.replaceState(null, "", `/account/billing?ching_setup=success&ching_setup_id=${data.id}`);
    const pending = renderHookWithClient(() => useAddPaymentMethod({ pollIntervalMs: 10, pollTimeoutMs: 80 }));
    await waitFor(() => expect(pending.result.current.returned?.status).toBe("checking"));
    await waitFor(() => expect(pending.result.current.returned?.status).toBe("timeout"));
  });

  it("says why the hosted page could not be started, and goes nowhere", async () => {
    const navigate = vi.fn();
    portal.failWith({ method: "POST", status: 502, code: "UPSTREAM_UNAVAILABLE", message: "The billing service could not be reached" });
    const { result } = renderHookWithClient(() => useAddPaymentMethod({ navigate }));
    act(() => result.current.start());
    await waitFor(() => expect(result.current.error?.code).toBe("UPSTREAM_UNAVAILABLE"));
    expect(navigate).not.toHaveBeenCalled();
  });
});

describe("useBillingPortal()", () => {
  it("goes to a fresh portal session in this tab by default", async () => {
    const navigate = vi.fn();
    const { result } = renderHookWithClient(() => useBillingPortal({ navigate }));
    act(() => result.current.open());
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    act(() => result.current.open());
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(2));
    const [second, first] = portal.ching.portalSessions();
    expect(navigate.mock.calls.map(([url]) => url)).toEqual([first!.url, second!.url]);
    expect(first!.url).not.toBe(second!.url);
    expect(first!.return_url).toBe("http://localhost:3000/account/billing?tab=cards");
  });

  it("with target _blank opens the tab inside the click, then points it at the portal", async () => {
    const tab = { closed: false, opener: {} as unknown, location: { href: "about:blank" }, close: vi.fn() };
    const open = vi.spyOn(window, "open").mockReturnValue(tab as unknown as Window);
    const { result } = renderHookWithClient(() => useBillingPortal({ target: "_blank" }));
    act(() => result.current.open());
    expect(open).toHaveBeenCalledWith("", "_blank");
    expect(tab.opener).toBeNull();
    await waitFor(() => expect(tab.location.href).toBe(portal.ching.portalSessions()[0]!.url));
    open.mockRestore();
  });

  it("falls back to this tab when the tab is blocked, and closes the tab when the call fails", async () => {
    const navigate = vi.fn();
    const blocked = vi.spyOn(window, "open").mockReturnValue(null);
    const first = renderHookWithClient(() => useBillingPortal({ target: "_blank", navigate }));
    act(() => first.result.current.open());
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(portal.ching.portalSessions()[0]!.url));
    blocked.mockRestore();

    const tab = { closed: false, opener: null, location: { href: "about:blank" }, close: vi.fn() };
    const open = vi.spyOn(window, "open").mockReturnValue(tab as unknown as Window);
    portal.failWith({ method: "POST", status: 500, code: "INTERNAL_ERROR", message: "Something went wrong on the server" });
    const { result } = renderHookWithClient(() => useBillingPortal({ target: "_blank" }));
    act(() => result.current.open());
    await waitFor(() => expect(result.current.error?.code).toBe("INTERNAL_ERROR"));
    expect(tab.close).toHaveBeenCalled();
    expect(tab.location.href).toBe("about:blank");
    open.mockRestore();
  });

  it("refreshes billing data when the person comes back to this tab", async () => {
    const navigate = vi.fn();
    const { result, queryClient } = renderHookWithClient(() => ({ portal: useBillingPortal({ navigate }), charges: useCharges() }));
    await waitFor(() => expect(result.current.charges.isSuccess).toBe(true));
    act(() => result.current.portal.open());
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    const before = portal.requests.filter((r) => r.path === "/customers/me/charges").length;
    act(() => {
      window.dispatchEvent(new Event("focus"));
    });
    await waitFor(() => expect(portal.requests.filter((r) => r.path === "/customers/me/charges").length).toBe(before + 1));
    expect(queryClient.isFetching()).toBeGreaterThanOrEqual(0);
  });
});

describe("useCharges() and useDocumentPdfUrl()", () => {
  it("answers the charges with their receipts, and a link to each receipt's PDF on the endpoint", async () => {
    const { result } = renderHookWithClient(() => ({ charges: useCharges(), pdfUrl: useDocumentPdfUrl() }));
    await waitFor(() => expect(result.current.charges.isSuccess).toBe(true));
    const [charge] = result.current.charges.data!;
    expect(charge).toMatchObject({ id: "ch_Paid00000001", amount: 12_900, document: expect.stringMatching(/^doc_/) });
    expect(result.current.pdfUrl(charge!.document!)).toBe(`/api/billing/customers/me/documents/${charge!.document}/pdf`);
  });
});
