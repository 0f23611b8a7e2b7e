/**
 * Server rendering (Vitest "node" project: no window, no document): the
 * provider with the profile and the form renders through react-dom/server in
 * both locales without an error or a warning, the same HTML hydrates in jsdom
 * without a mismatch, and two server renders never share a QueryClient.
 */
import { PassThrough } from "node:stream";
import { QueryClient, type QueryClient as QueryClientType } from "@tanstack/react-query";
import { setupServer } from "msw/node";
import { act, type ReactElement } from "react";
import { renderToPipeableStream, renderToReadableStream, renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import type { Customer, Locale } from "../../src/core/customer";
import * as ServerComponents from "../../src/components";
import * as ServerReact from "../../src/react";
import { useBillingPortalContext } from "../../src/react/context";
import { createMockBillingPortal } from "../../src/testing";
import { customerObject } from "../fixtures";
import { installDom, type InstalledDom } from "../jsdomGlobals";

const TAL: Customer = customerObject();
const DANA: Customer = { ...TAL, id: "cus_Dana0000000A", name: "Dana Cohen", email: "dana@example.com", phone: null, taxId: null, locale: "en" };

const LOCALES: Array<{ locale: Locale; dir: "rtl" | "ltr"; title: string }> = [
  { locale: "he", dir: "rtl", title: "פרטי חיוב" },
  { locale: "en", dir: "ltr", title: "Billing details" },
];

/** A fetch that never answers: hydration starts the profile's request, and nothing leaves the test. */
function pendingFetch() {
  return vi.fn<typeof fetch>(() => new Promise<Response>(() => undefined));
}

interface AppProps {
  locale: Locale;
  fetch: typeof globalThis.fetch;
  queryClient?: QueryClientType;
  children?: ReactElement;
}

/** The page under test, built from one copy of the library's modules. */
function makeApp(library: Pick<Library, "BillingPortalProvider" | "CustomerProfile" | "CustomerForm">) {
  const { BillingPortalProvider: Provider, CustomerProfile: Profile, CustomerForm: Form } = library;
  return function App({ locale, fetch, queryClient, children }: AppProps) {
    return (
      <Provider endpoint="/api/billing" locale={locale} fetch={fetch} queryClient={queryClient}>
        {children}
        <Profile />
        <Form />
      </Provider>
    );
  };
}

// The components' entry types the provider with their `Appearance`, over the hooks' own (as the root entry does).
type Library = Omit<typeof ServerReact, keyof typeof ServerComponents> & typeof ServerComponents;

/** The server's copy of the library: the modules this file imported. */
const App = makeApp({ ...ServerReact, ...ServerComponents });
const { BillingPortalProvider, billingPortalKeys } = ServerReact;
const { CustomerProfile } = ServerComponents;

/**
 * The browser's copy: a fresh evaluation of the library's modules, loaded
 * once the page exists, as a client bundle would be. Server and browser are
 * different processes in real life; sharing module instances here would make
 * React warn about two renderers using one context object, which no
 * application can hit.
 */
async function clientLibrary(): Promise<Library> {
  vi.resetModules();
  return { ...(await import("../../src/react")), ...(await import("../../src/components")) };
}

let errors: MockInstance<typeof console.error>;
let warnings: MockInstance<typeof console.warn>;
beforeEach(() => {
  errors = vi.spyOn(console, "error");
  warnings = vi.spyOn(console, "warn");
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Records whether a DOM existed while this component rendered on the server. */
function ServerWitness({ seen }: { seen: string[] }) {
  seen.push(`${typeof window}/${typeof document}`);
  return null;
}

async function streamToString(stream: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let html = "";
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) html += decoder.decode(chunk, { stream: true });
  return html + decoder.decode();
}

function pipeToString(element: ReactElement): Promise<string> {
  return new Promise((resolve, reject) => {
    const sink = new PassThrough();
    let html = "";
    sink.on("data", (chunk: Buffer) => (html += chunk.toString("utf8")));
    sink.on("end", () => resolve(html));
    const { pipe } = renderToPipeableStream(element, {
      onAllReady: () => pipe(sink),
      onShellError: reject,
      onError: (error) => reject(error instanceof Error ? error : new Error(String(error))),
    });
  });
}

const renderers: Array<{ name: string; render: (element: ReactElement) => Promise<string> }> = [
  { name: "renderToString", render: (element) => Promise.resolve(renderToString(element)) },
  {
    name: "renderToReadableStream",
    render: async (element) => {
      const stream = await renderToReadableStream(element, {
        onError: (error) => {
          throw error;
        },
      });
      await stream.allReady;
      return streamToString(stream);
    },
  },
  { name: "renderToPipeableStream", render: pipeToString },
];

/** Every root element the components render (`ching-root`), with its dir and lang. */
function roots(html: string): Array<{ tag: string; dir: string | undefined; lang: string | undefined }> {
  return [...html.matchAll(/<(\w+)\s[^>]*class="[^"]*\bching-root\b[^"]*"[^>]*>/g)].map(([tag, name]) => ({
    tag: name!,
    dir: /\sdir="([^"]*)"/.exec(tag)?.[1],
    lang: /\slang="([^"]*)"/.exec(tag)?.[1],
  }));
}

/**
 * Hydrates `html` in a fresh jsdom page with the same tree, flushes with act,
 * and answers what React reported. The page's globals are removed afterwards.
 */
async function hydrate(
  html: string,
  tree: (library: Library) => ReactElement,
  beforeHydrate?: () => Promise<void>,
  until?: (container: HTMLElement) => boolean,
) {
  const dom: InstalledDom = installDom(`<!doctype html><html><head><title>Account</title></head><body><div id="app">${html}</div></body></html>`);
  const scope = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  const previousAct = scope.IS_REACT_ACT_ENVIRONMENT;
  scope.IS_REACT_ACT_ENVIRONMENT = true;
  const recoverable: unknown[] = [];
  const caught: unknown[] = [];
  try {
    const { hydrateRoot } = await import("react-dom/client");
    const library = await clientLibrary();
    await beforeHydrate?.();
    const container = dom.document.getElementById("app")!;
    const serverMarkup = container.innerHTML;
    let root: ReturnType<typeof hydrateRoot> | undefined;
    await act(async () => {
      root = hydrateRoot(container, tree(library), {
        onRecoverableError: (error) => recoverable.push(error),
        onCaughtError: (error) => caught.push(error),
      });
    });
    // Let effects, lazy imports and state updates after hydration settle; with `until`, wait (up to 2 s) for it too.
    const settle = () =>
      act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
      });
    await settle();
    for (let waited = 0; until && !until(container) && waited < 2000; waited += 20) await settle();
    const after = {
      markup: container.innerHTML,
      roots: [...container.querySelectorAll(".ching-root")].map((element) => ({
        tag: element.tagName.toLowerCase(),
        dir: element.getAttribute("dir") ?? undefined,
        lang: element.getAttribute("lang") ?? undefined,
      })),
      text: container.textContent ?? "",
      // Whether hydration adopted the server's nodes rather than replacing them.
      adopted: container.querySelector(".ching-profile"),
      /** The text inputs' values (a property, not in the markup). */
      values: Object.fromEntries(
        [...container.querySelectorAll<HTMLInputElement>("input[name]:not([type=radio])")].map((input) => [input.name, input.value]),
      ),
    };
    await act(async () => root?.unmount());
    return { recoverable, caught, serverMarkup, after };
  } finally {
    scope.IS_REACT_ACT_ENVIRONMENT = previousAct;
    dom.uninstall();
  }
}

const hydrationWarnings = (spy: MockInstance<(...args: unknown[]) => void>) =>
  spy.mock.calls.map((args) => args.map(String).join(" ")).filter((text) => /hydrat|did not match|server rendered|mismatch/i.test(text));

describe.each(LOCALES)("server rendering in $locale", ({ locale, dir, title }) => {
  describe.each(renderers)("$name", ({ render }) => {
    it(`renders the provider, profile and form with no DOM, no error, no warning, and dir="${dir}" lang="${locale}" on every root`, async () => {
      const seen: string[] = [];
      const fetch = pendingFetch();
      const html = await render(
        <App locale={locale} fetch={fetch}>
          <ServerWitness seen={seen} />
        </App>,
      );

      expect(seen).toEqual(["undefined/undefined"]);
      expect(errors).not.toHaveBeenCalled();
      expect(warnings).not.toHaveBeenCalled();
      // The server never fetches: the profile renders its loading state.
      expect(fetch).not.toHaveBeenCalled();

      const found = roots(html);
      expect(found.map((root) => root.tag)).toEqual(["section", "form", "div"]); // profile, form, the form's PhoneField
      for (const root of found) expect(root).toMatchObject({ dir, lang: locale });
      expect(html).toContain(title);
      expect(html).toContain('aria-busy="true"');
    });

    it("hydrates that same HTML in jsdom without a mismatch", async () => {
      const html = await render(<App locale={locale} fetch={pendingFetch()} />);
      expect(typeof window).toBe("undefined");

      const clientFetch = pendingFetch();
      const result = await hydrate(html, (library) => {
        const ClientApp = makeApp(library);
        return <ClientApp locale={locale} fetch={clientFetch} />;
      });

      expect(result.recoverable).toEqual([]);
      expect(result.caught).toEqual([]);
      expect(hydrationWarnings(errors)).toEqual([]);
      expect(errors).not.toHaveBeenCalled();
      expect(warnings).not.toHaveBeenCalled();
      // Hydrated, not re-rendered from scratch: the markup React found is the markup it kept.
      expect(result.after.adopted).not.toBeNull();
      expect(result.after.markup).toBe(result.serverMarkup);
      expect(result.after.roots).toEqual(roots(html));
      // Once hydrated, through the provider's fetch only: the profile asked for the signed-in customer,
      // and the create form for the name and email it starts from.
      expect(clientFetch.mock.calls.map(([url]) => String(url)).sort()).toEqual([
        "/api/billing/customers/me",
        "/api/billing/customers/me/defaults",
      ]);
      // And globalThis is back to a DOM-less server.
      expect(typeof window).toBe("undefined");
      expect(typeof document).toBe("undefined");
    });
  });

  it("renders and hydrates a loaded customer (data prefetched on the server, the same on the client) without a mismatch", async () => {
    const seeded = (keys = billingPortalKeys) => {
      const client = new QueryClient();
      client.setQueryData(keys.me(), TAL);
      client.setQueryData(keys.createDefaults(), { name: null, email: null });
      return client;
    };
    const html = renderToString(<App locale={locale} fetch={pendingFetch()} queryClient={seeded()} />);
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
    expect(html).toContain("Tal Levi");
    // The email carries <wbr> where it may wrap (before its @, after its dots).
    expect(html.replaceAll("<wbr/>", "")).toContain("tal@example.com");
    for (const root of roots(html)) expect(root).toMatchObject({ dir, lang: locale });

    const clientFetch = pendingFetch();
    const result = await hydrate(html, (library) => {
      const ClientApp = makeApp(library);
      return <ClientApp locale={locale} fetch={clientFetch} queryClient={seeded(library.billingPortalKeys)} />;
    });
    expect(result.recoverable).toEqual([]);
    expect(result.caught).toEqual([]);
    expect(hydrationWarnings(errors)).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
    expect(result.after.text).toContain("Tal Levi");
    // Fresh data (30 s stale time): no request after hydration.
    expect(clientFetch).not.toHaveBeenCalled();
  });

  it("hydrates the create form filled from defaults prefetched on the server, with no request and no mismatch", async () => {
    const seeded = (keys = billingPortalKeys) => {
      const client = new QueryClient();
      client.setQueryData(keys.me(), null);
      client.setQueryData(keys.createDefaults(), { name: "Tal Levi", email: "tal@example.com" });
      return client;
    };
    const html = renderToString(<App locale={locale} fetch={pendingFetch()} queryClient={seeded()} />);
    expect(errors).not.toHaveBeenCalled();

    const clientFetch = pendingFetch();
    const result = await hydrate(html, (library) => {
      const ClientApp = makeApp(library);
      return <ClientApp locale={locale} fetch={clientFetch} queryClient={seeded(library.billingPortalKeys)} />;
    });
    expect(result.recoverable).toEqual([]);
    expect(result.caught).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
    expect(result.after.values).toMatchObject({ name: "Tal Levi", email: "tal@example.com" });
    expect(clientFetch).not.toHaveBeenCalled();
  });

  it("fills the hydrated create form when the endpoint's defaults answer after hydration, with no error or warning", async () => {
    const html = await renderers[0]!.render(<App locale={locale} fetch={pendingFetch()} />);
    expect(html).not.toContain("tal@example.com");

    // The mock endpoint is the real handler: it answers the profile (no customer yet) and the defaults.
    const portal = createMockBillingPortal({ signedIn: null, identity: { email: "tal@example.com" } });
    const server = setupServer(...portal.handlers);
    server.listen({ onUnhandledRequest: "error" });
    try {
      const endpointFetch: typeof fetch = (input, init) => fetch(new URL(String(input), "https://shop.test"), init);
      const result = await hydrate(
        html,
        (library) => {
          const ClientApp = makeApp(library);
          return <ClientApp locale={locale} fetch={endpointFetch} />;
        },
        undefined,
        (container) => container.querySelector<HTMLInputElement>('input[name="email"]')?.value !== "",
      );
      expect(result.recoverable).toEqual([]);
      expect(result.caught).toEqual([]);
      expect(hydrationWarnings(errors)).toEqual([]);
      expect(errors).not.toHaveBeenCalled();
      expect(warnings).not.toHaveBeenCalled();
      expect(result.after.values).toMatchObject({ name: "", email: "tal@example.com" });
      expect(portal.requests.map((request) => `${request.method} ${request.path}`).sort()).toEqual([
        "GET /customers/me",
        "GET /customers/me/defaults",
      ]);
    } finally {
      server.close();
    }
  });
});

describe("hydration that once failed", () => {
  const previousTz = process.env.TZ;
  afterEach(() => {
    if (previousTz === undefined) delete process.env.TZ;
    else process.env.TZ = previousTz;
  });

  it("prints the same customer-since day on a server in UTC and a browser in Jerusalem, with the phone formatter already loaded", async () => {
    // 22:30 UTC is April 19 in UTC and April 20 in Jerusalem.
    // A number from abroad: Israeli ones are formatted without the phone formatter, on the server too.
    const lateEvening = { ...TAL, phone: "+442079460958", created: "2026-04-19T22:30:00.000Z" };
    const seeded = (keys = billingPortalKeys) => {
      const client = new QueryClient();
      client.setQueryData(keys.me(), lateEvening);
      return client;
    };
    process.env.TZ = "UTC";
    const html = renderToString(<App locale="en" fetch={pendingFetch()} queryClient={seeded()} />);
    expect(html).toContain("April 20, 2026");
    expect(html).toContain("+442079460958");

    process.env.TZ = "Asia/Jerusalem";
    const result = await hydrate(
      html,
      (library) => {
        const ClientApp = makeApp(library);
        return <ClientApp locale="en" fetch={pendingFetch()} queryClient={seeded(library.billingPortalKeys)} />;
      },
      // The page loaded the phone formatter before this profile hydrated (another profile, a later Suspense boundary).
      async () => {
        await (await import("../../src/components/utils/phoneDisplay")).loadPhoneFormatter();
      },
    );
    expect(result.recoverable).toEqual([]);
    expect(hydrationWarnings(errors)).toEqual([]);
    expect(result.after.text).toContain("April 20, 2026");
    // Formatted right after hydration, not during it.
    expect(result.after.text).toContain("+44 20 7946 0958");
  });
});

describe("two server renders", () => {
  /** Puts a customer in the provider's own QueryClient during the render (as a prefetch would), before the profile reads it. */
  function Seed({ customer, clients }: { customer?: Customer; clients: QueryClientType[] }) {
    const { queryClient } = useBillingPortalContext("Seed");
    clients.push(queryClient);
    if (customer) queryClient.setQueryData(billingPortalKeys.me(), customer);
    return null;
  }

  function page(clients: QueryClientType[], customer?: Customer) {
    return (
      <BillingPortalProvider endpoint="/api/billing" fetch={pendingFetch()}>
        <Seed customer={customer} clients={clients} />
        <CustomerProfile />
      </BillingPortalProvider>
    );
  }

  it("never share a QueryClient: each provider without `queryClient` gets its own, and one user's customer never shows on another's page", async () => {
    const clients: QueryClientType[] = [];

    const talPage = renderToString(page(clients, TAL));
    const danaPage = await renderers[1]!.render(page(clients, DANA));
    const nobodyPage = renderToString(page(clients));

    expect(clients).toHaveLength(3);
    expect(new Set(clients).size).toBe(3);
    const [talClient, danaClient, nobodyClient] = clients as [QueryClientType, QueryClientType, QueryClientType];
    expect(talClient.getQueryData(billingPortalKeys.me())).toBe(TAL);
    expect(danaClient.getQueryData(billingPortalKeys.me())).toBe(DANA);
    expect(nobodyClient.getQueryData(billingPortalKeys.me())).toBeUndefined();
    expect(nobodyClient.getQueryCache().getAll().every((query) => query.state.data === undefined)).toBe(true);

    // What each person sees.
    expect(talPage).toContain("Tal Levi");
    expect(talPage).not.toContain("Dana Cohen");
    expect(danaPage).toContain("Dana Cohen");
    expect(danaPage).not.toContain("Tal Levi");
    expect(nobodyPage).not.toContain("Tal Levi");
    expect(nobodyPage).not.toContain("Dana Cohen");
    expect(nobodyPage).toContain('aria-busy="true"');
    // The UI follows each customer's own locale when the merchant sets none.
    expect(roots(talPage)[0]).toMatchObject({ dir: "rtl", lang: "he" });
    expect(roots(danaPage)[0]).toMatchObject({ dir: "ltr", lang: "en" });
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
  });

  it("keep their clients apart when rendered at the same time (interleaved streams)", async () => {
    const clients: QueryClientType[] = [];
    const [talPage, danaPage] = await Promise.all([renderers[1]!.render(page(clients, TAL)), renderers[2]!.render(page(clients, DANA))]);
    expect(new Set(clients).size).toBe(2);
    expect(talPage).toContain("Tal Levi");
    expect(talPage).not.toContain("Dana Cohen");
    expect(danaPage).toContain("Dana Cohen");
    expect(danaPage).not.toContain("Tal Levi");
  });
});
