/**
 * `PaymentMethods` on the server: the Expired badge depends on the reader's
 * clock, which the server does not know. The server renders no badge, the same
 * HTML hydrates without a mismatch, and the badge appears right after. The rows
 * are a chunk of their own: a server renders them once it has loaded it (a
 * streaming render waits for it), and a client hydrating them waits for it too.
 */
import { QueryClient } from "@tanstack/react-query";
import { act } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, expect, it, vi, type MockInstance } from "vitest";
import type { PaymentMethod } from "../../src/core/billing";
import { en } from "../../src/core/messages";
import * as ServerComponents from "../../src/components";
import * as ServerReact from "../../src/react";
import { customerObject } from "../fixtures";
import { installDom } from "../jsdomGlobals";
import { loadPaymentMethodList } from "../../src/components/loadPaymentMethodList";

type Library = Omit<typeof ServerReact, keyof typeof ServerComponents> & typeof ServerComponents;

const card = (id: string, last4: string, exp_year: number, is_default = false): PaymentMethod => ({
  id,
  object: "payment_method",
  type: "card",
  status: "active",
  is_default,
  card: { brand: "visa", last4, exp_month: 3, exp_year, issuer_country: "IL" },
  metadata: {},
  livemode: false,
  created: "2026-01-01T00:00:00.000Z",
});
const CARDS = [card("pm_Visa00004242", "4242", 2099, true), card("pm_Visa00001111", "1111", 2001)];

function seeded(keys: Library["billingPortalKeys"]): QueryClient {
  const client = new QueryClient();
  client.setQueryData(keys.me(), customerObject());
  client.setQueryData(keys.paymentMethods(), CARDS);
  return client;
}

const page = (library: Library, queryClient: QueryClient) => (
  <library.BillingPortalProvider endpoint="/api/billing" locale="en" queryClient={queryClient} fetch={() => new Promise<Response>(() => undefined)}>
    <library.PaymentMethods />
  </library.BillingPortalProvider>
);

let errors: MockInstance<typeof console.error>;
beforeEach(() => {
  errors = vi.spyOn(console, "error");
});
afterEach(() => {
  vi.restoreAllMocks();
});

interface Hydrated {
  container: HTMLElement;
  location: Location;
  /** Errors React recovered from while hydrating (a mismatch among them). */
  recoverable: unknown[];
  settle(ms?: number): Promise<void>;
}

/** The server's HTML in a fresh DOM at `url`, hydrated by a fresh copy of the library; cleaned up after `check`. */
async function hydrated(html: string, url: string | undefined, check: (page: Hydrated) => Promise<void>): Promise<void> {
  const dom = installDom(`<!doctype html><html><body><div id="app">${html}</div></body></html>`, url);
  const scope = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  scope.IS_REACT_ACT_ENVIRONMENT = true;
  const recoverable: unknown[] = [];
  let root: { unmount(): void } | undefined;
  try {
    vi.resetModules();
    const { hydrateRoot } = await import("react-dom/client");
    const client: Library = { ...(await import("../../src/react")), ...(await import("../../src/components")) };
    const container = dom.document.getElementById("app")!;
    await act(async () => {
      root = hydrateRoot(container, page(client, seeded(client.billingPortalKeys)), {
        onRecoverableError: (error) => recoverable.push(error),
      });
    });
    const settle = (ms = 20) =>
      act(async () => {
        await new Promise((resolve) => setTimeout(resolve, ms));
      });
    await check({ container, location: dom.window.location, recoverable, settle });
    await act(async () => root?.unmount());
  } finally {
    scope.IS_REACT_ACT_ENVIRONMENT = undefined;
    dom.uninstall();
  }
}

/** `renderToString`, once the server has the rows' chunk (it loads it as the module is imported). */
const serverHtml = async () => {
  await loadPaymentMethodList();
  const server = { ...ServerReact, ...ServerComponents };
  return renderToString(page(server, seeded(server.billingPortalKeys)));
};

it("renders no Expired badge on the server, hydrates without a mismatch, then shows it", async () => {
  const html = await serverHtml();
  expect(html).toContain("pm_Visa00001111-name");
  expect(html).not.toContain("ching-badge--warning");
  expect(errors).not.toHaveBeenCalled();

  await hydrated(html, undefined, async ({ container, recoverable, settle }) => {
    // The client hydrates the rows once their chunk is in (a fresh copy of the library: not yet loaded).
    for (let i = 0; i < 50 && !container.querySelector(".ching-badge--warning"); i++) await settle();
    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    const expired = container.querySelector('[aria-labelledby$="pm_Visa00001111-name"]');
    expect(expired?.querySelector(".ching-badge--warning")?.textContent).toBe("Expired");
    expect(container.querySelectorAll(".ching-badge--warning")).toHaveLength(1);
  });
});

it("on a return from the hosted page renders no notice on the server, hydrates without a mismatch, then says how it went", async () => {
  const html = await serverHtml();
  expect(html).not.toContain("ching-btn--ghost");

  await hydrated(html, "https://shop.example/account?ching_setup=cancel", async ({ container, location, recoverable, settle }) => {
    const notice = container.querySelector(".ching-setup-notice__text");
    for (let i = 0; i < 50 && !notice?.textContent; i++) await settle();
    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    expect(notice?.textContent).toBe(en["cards.return.canceled"]);
    expect(container.querySelector(".ching-setup-notice .ching-btn--ghost")?.textContent).toBe(en["cards.return.dismiss"]);
    expect(location.search).toBe("");
  });
});

it("a streaming server render waits for the rows' chunk, also in a server that has just started", async () => {
  vi.resetModules();
  const fresh: Library = { ...(await import("../../src/react")), ...(await import("../../src/components")) };
  const html = await new Promise<string>((resolve, reject) => {
    let out = "";
    const sink = new PassThrough();
    sink.on("data", (chunk: Buffer) => (out += chunk.toString()));
    sink.on("end", () => resolve(out));
    const stream = renderToPipeableStream(page(fresh, seeded(fresh.billingPortalKeys)), {
      onAllReady: () => stream.pipe(sink),
      onError: reject,
    });
  });
  expect(html).toContain("pm_Visa00004242-name");
  expect(html).toContain("pm_Visa00001111-name");
  expect(html).not.toContain("ching-pm--skeleton");
  expect(errors).not.toHaveBeenCalled();
});
