/**
 * The React measures of `npm run bench`, in this process: a JSDOM page, the
 * library from source, MSW intercepting fetch (nothing leaves the process).
 *
 * - requests made when 50 components mount `useCustomer()` at once (goal: 1);
 * - components rendered per keystroke in `CustomerForm` (goal: only the field typed in),
 *   from React's <Profiler> (commits, actualDuration) and the fibers of each commit.
 *
 * React, react-dom and the library are imported only after the page exists.
 */
import { performance } from "node:perf_hooks";
import type { ReactNode } from "react";
import type { Customer } from "../../src/core/customer";
import { customerObject } from "../../test/fixtures";
import { createRenderCounter, installDom } from "./dom";

export interface MountFigures {
  components: number;
  /** `GET /customers/me` requests the mock endpoint answered. */
  requests: number;
  /** Every request the mock answered, whatever its path. */
  allRequests: number;
  /** How many of the components showed the customer in the end. */
  loaded: number;
  /** From the first render to every component showing the customer. */
  settledMs: number;
}

export interface KeystrokeFigures {
  field: string;
  keystrokes: number;
  /** What the input held afterwards: proof that the keystrokes landed. */
  finalValue: string;
  /** Commits of the <Profiler> around CustomerForm. */
  commits: number;
  /** Sum of the Profiler's actualDuration over the keystrokes, ms. */
  actualDurationMs: number;
  /** Component renders (fibers that did work) over the keystrokes. */
  componentRenders: number;
  /** Those renders by component name, e.g. { PhoneField: 10, Field: 10 }. */
  byComponent: Record<string, number>;
}

export interface ReactFigures {
  useCustomer: MountFigures;
  profiles: MountFigures;
  keystrokes: KeystrokeFigures[];
  /** console.error / console.warn calls during these measures (React warnings would show up here). */
  consoleProblems: string[];
}

const TAL: Customer = customerObject();

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition() && performance.now() < deadline) await new Promise<void>((resolve) => setTimeout(resolve, 1));
}

export async function runReactBench(options: { components?: number; keystrokes?: number } = {}): Promise<ReactFigures> {
  const components = options.components ?? 50;
  const dom = installDom();
  const consoleProblems: string[] = [];
  const original = { error: console.error, warn: console.warn };
  console.error = (...args: unknown[]) => consoleProblems.push(`error: ${args.map(String).join(" ").slice(0, 200)}`);
  console.warn = (...args: unknown[]) => consoleProblems.push(`warn: ${args.map(String).join(" ").slice(0, 200)}`);

  const { Profiler, useEffect } = await import("react");
  const { createRoot } = await import("react-dom/client");
  const { setupServer } = await import("msw/node");
  const { QueryClient } = await import("@tanstack/react-query");
  const { userEvent } = await import("@testing-library/user-event");
  const { BillingPortalProvider, CustomerForm, CustomerProfile, useCustomer } = await import("../../src/index");
  const { createMockBillingPortal } = await import("../../src/testing/index");

  // Each measure gets its own QueryClient; cleared at the end so their 5-minute gc timers do not hold the process open.
  const clients: InstanceType<typeof QueryClient>[] = [];
  const freshClient = () => {
    const client = new QueryClient();
    clients.push(client);
    return client;
  };

  const portal = createMockBillingPortal({ customers: [TAL], signedIn: TAL.id });
  const server = setupServer(...portal.handlers);
  server.listen({ onUnhandledRequest: "error" });

  /** Mounts `count` copies of `Child` under one provider in one render; answers the requests made. */
  async function mountMany(render: (index: number, onLoaded: (index: number) => void) => ReactNode, count: number, isLoaded?: (container: HTMLElement) => number): Promise<MountFigures> {
    portal.reset();
    const loadedSet = new Set<number>();
    const container = dom.document.createElement("div");
    dom.document.body.append(container);
    const root = createRoot(container);
    const started = performance.now();
    root.render(
      <BillingPortalProvider endpoint="/api/billing" queryClient={freshClient()}>
        {Array.from({ length: count }, (_, index) => render(index, (i) => loadedSet.add(i)))}
      </BillingPortalProvider>,
    );
    const loaded = () => (isLoaded ? isLoaded(container) : loadedSet.size);
    await until(() => loaded() >= count, 5000);
    const settledMs = performance.now() - started;
    // Anything late (a refetch, a retry) would land here.
    await new Promise<void>((resolve) => setTimeout(resolve, 50));
    const figures: MountFigures = {
      components: count,
      requests: portal.requests.filter((request) => request.method === "GET" && request.path === "/customers/me").length,
      allRequests: portal.requests.length,
      loaded: loaded(),
      settledMs,
    };
    root.unmount();
    container.remove();
    await nextTask();
    return figures;
  }

  function Consumer({ index, onLoaded }: { index: number; onLoaded: (index: number) => void }) {
    const { data } = useCustomer();
    useEffect(() => {
      if (data) onLoaded(index);
    }, [data, index, onLoaded]);
    return <span>{data ? data.name : "…"}</span>;
  }

  try {
    const useCustomerFigures = await mountMany((index, onLoaded) => <Consumer key={index} index={index} onLoaded={onLoaded} />, components);
    const profileFigures = await mountMany(
      (index) => <CustomerProfile key={index} />,
      components,
      (container) => [...container.querySelectorAll(".ching-profile")].filter((profile) => profile.textContent?.includes(TAL.name)).length,
    );
    const keystrokes = await measureKeystrokes(options.keystrokes ?? 10);
    return { useCustomer: useCustomerFigures, profiles: profileFigures, keystrokes, consoleProblems };
  } finally {
    // React flushes an unmount's passive effects in a later task, which reads `window`: let it run first.
    await new Promise<void>((resolve) => setTimeout(resolve, 50));
    server.close();
    for (const client of clients) client.clear();
    console.error = original.error;
    console.warn = original.warn;
    dom.onCommit(undefined);
    dom.uninstall();
  }

  async function measureKeystrokes(count: number): Promise<KeystrokeFigures[]> {
    let commits = 0;
    let actualDurationMs = 0;
    let renders: string[] = [];
    const countRenders = createRenderCounter();
    dom.onCommit((fiberRoot) => {
      renders.push(...countRenders(fiberRoot).map((component) => component.name));
    });

    const container = dom.document.createElement("div");
    dom.document.body.append(container);
    const root = createRoot(container);
    root.render(
      <BillingPortalProvider endpoint="/api/billing" locale="he" queryClient={freshClient()}>
        <Profiler
          id="CustomerForm"
          onRender={(_id, _phase, actualDuration) => {
            commits++;
            actualDurationMs += actualDuration;
          }}
        >
          <CustomerForm />
        </Profiler>
      </BillingPortalProvider>,
    );
    await until(() => container.querySelector("form") !== null, 5000);
    await nextTask();

    const user = userEvent.setup({ document: dom.document, delay: null });
    const typing: Array<{ field: string; text: string }> = [
      { field: "name", text: "Tal Levine".slice(0, count) },
      { field: "email", text: "tal@ex.com".slice(0, count) },
      { field: "phone", text: "0501234567".slice(0, count) },
      { field: "taxId", text: "5149998740".slice(0, count) },
    ];
    const results: KeystrokeFigures[] = [];
    for (const { field, text } of typing) {
      const input = container.querySelector<HTMLInputElement>(`input[name="${field}"]`);
      if (!input) throw new Error(`CustomerForm has no input named ${field}`);
      await user.click(input);
      await nextTask();
      await nextTask();
      commits = 0;
      actualDurationMs = 0;
      renders = [];
      for (const character of text) {
        await user.keyboard(character);
        // Let a render React scheduled rather than flushed in the event land too.
        await nextTask();
        await nextTask();
      }
      const byComponent: Record<string, number> = {};
      for (const name of renders) byComponent[name] = (byComponent[name] ?? 0) + 1;
      results.push({
        field,
        keystrokes: text.length,
        finalValue: input.value,
        commits,
        actualDurationMs,
        componentRenders: renders.length,
        byComponent,
      });
    }
    root.unmount();
    container.remove();
    await nextTask();
    return results;
  }
}
