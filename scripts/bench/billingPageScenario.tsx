/**
 * One run of `BillingPage` in whatever page it is given: JSDOM in Node (the
 * development build of React, MSW in front of the endpoint) or Chromium (a
 * production build, the real handler over 127.0.0.1). The same steps
 * and the same counting in both:
 *
 *   1. render the page and note the commit at which every section shows its data
 *      (the customer's name, each saved card, a page of charges with every receipt
 *      labelled, the manage button), then wait until nothing commits for a while;
 *   2. change only the charges, then only the customer, then only the cards (as a
 *      refetch with new data would) and note which sections rendered each time.
 *
 * Sections are told apart by their wrappers (`data-ching-section`), not by component
 * names, so a minified build counts the same. A section *renders* in a commit when
 * any component inside its wrapper renders (what React DevTools' "highlight updates"
 * would flash), e.g. one receipt link whose document arrived; of those, its *own*
 * renders are the commits in which one of its top components (the section's own
 * component, or the skeleton before it) rendered. After a change, another section's
 * data must not render a section at all. No timing is asserted: the caller prints it.
 */
import { Profiler } from "react";
import { createRoot } from "react-dom/client";
import type { QueryClient } from "@tanstack/react-query";
import type { Charge, PaymentMethod } from "../../src/core/billing";
import type { Customer } from "../../src/core/customer";
import { BillingPage, BillingPortalProvider, billingPortalKeys } from "../../src/index";
import { CHANGES, SECTIONS, type Change, type PerSection, type Section } from "./billingPageData";
import { createRenderCounter, type CommitListener, type RenderedComponent } from "./fibers";

export interface PageRun {
  /** History rows on screen (one page) and saved cards listed, once shown. */
  rows: number;
  cards: number;
  /** From `root.render()` to the commit after which every section showed its data. */
  shownMs: number;
  /** `performance.now()` at that commit: in a browser, milliseconds since the navigation started. */
  shownAt: number;
  /** `performance.now()` at the commit after which each section first showed its data. */
  sectionShownAt: PerSection;
  /** Commits in which each section rendered (any component inside it), from the first render until the page went quiet. */
  renders: PerSection;
  /** Of those, the commits in which one of its top components rendered: the section as a whole. */
  ownRenders: PerSection;
  /** Component renders inside each section over the same span. */
  componentRenders: PerSection;
  /** Commits of a <Profiler> around the page over that span, and their summed actualDuration (0 in a production build, where <Profiler> does not report). */
  commits: number;
  actualDurationMs: number;
  /** Until shown: each commit's time since `root.render()` and the sections that rendered in it. */
  timeline: Array<{ ms: number; sections: string[] }>;
  /** Commits in which each section rendered after each change. */
  after: Record<Change, PerSection>;
  /** The components that rendered in a section whose data did not change, e.g. "customer → cards: CardsSection, PaymentMethods". */
  crossRenders: string[];
}

export interface PageEnvironment {
  document: Document;
  /** Sets (or clears) the listener of every React commit (a DevTools hook installed before react-dom loaded). */
  onCommit(listener: CommitListener | undefined): void;
  queryClient: QueryClient;
  endpoint: string;
  /** What the page should end up showing. */
  expected: { customerName: string; cards: number };
  /** The longest the page may take to show every section (the run fails past it). */
  timeoutMs?: number;
  /** Called (and awaited) once the page has settled, before the changes: e.g. to count the requests of the load. */
  onSettled?: () => void | Promise<void>;
}

/** How long nothing must commit for the page to count as settled. */
const QUIET_MS = 150;
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const zero = (): PerSection => ({ profile: 0, cards: 0, history: 0, manage: 0 });

export async function runBillingPageScenario(env: PageEnvironment): Promise<PageRun> {
  const { document, queryClient, expected } = env;
  const timeoutMs = env.timeoutMs ?? 15_000;
  const countRenders = createRenderCounter();
  let lastCommitAt = performance.now();
  let rendered: RenderedComponent[] = [];
  let sectionCommits = zero();
  let sectionRenders = zero();
  let onEveryCommit: (() => void) | undefined;
  let started = 0;
  const timeline: PageRun["timeline"] = [];
  const hookCommits = { count: 0 };
  env.onCommit((fiberRoot) => {
    hookCommits.count++;
    lastCommitAt = performance.now();
    const components = countRenders(fiberRoot);
    rendered.push(...components);
    const sectionsOf = (list: RenderedComponent[]) =>
      [...new Set(list.map((component) => component.section))].filter((section): section is Section => section !== undefined && section in sectionCommits);
    const sections = sectionsOf(components);
    for (const section of sections) sectionCommits[section]++;
    for (const section of sectionsOf(components.filter((component) => component.top))) sectionRenders[section]++;
    if (onEveryCommit) timeline.push({ ms: lastCommitAt - started, sections });
    onEveryCommit?.();
  });
  const componentTally = (): PerSection => {
    const tally = zero();
    for (const component of rendered) if (component.section && component.section in tally) tally[component.section as Section]++;
    return tally;
  };
  async function quiet(): Promise<void> {
    const deadline = performance.now() + 5_000;
    await wait(QUIET_MS);
    while (performance.now() - lastCommitAt < QUIET_MS && performance.now() < deadline) await wait(QUIET_MS / 3);
  }

  const container = document.createElement("div");
  document.body.append(container);
  const section = (name: Section) => container.querySelector(`[data-ching-section="${name}"]`);
  // Checked after every commit until all are shown, so each check is cheap and a section once shown is not checked again.
  const isShown: Record<Section, () => boolean> = {
    profile: () => section("profile")?.textContent?.includes(expected.customerName) === true,
    cards: () => section("cards")?.querySelectorAll(".ching-pm-list:not([aria-hidden]) > li").length === expected.cards,
    history: () => {
      const receipts = [...(section("history")?.querySelectorAll("tbody a") ?? [])];
      return receipts.length > 0 && receipts.every((link) => /\d/.test(link.textContent ?? ""));
    },
    manage: () => section("manage")?.querySelector("button") != null,
  };
  const shownSections = new Set<Section>();
  const sectionShownAt = zero();
  const missing = (): Section[] => {
    for (const name of SECTIONS)
      if (!shownSections.has(name) && isShown[name]()) {
        shownSections.add(name);
        sectionShownAt[name] = performance.now();
      }
    return SECTIONS.filter((name) => !shownSections.has(name));
  };

  let commits = 0;
  let actualDurationMs = 0;
  const root = createRoot(container);
  try {
    let shownAt: number | undefined;
    const shown = new Promise<void>((resolve) => {
      onEveryCommit = () => {
        if (shownAt === undefined && missing().length === 0) {
          shownAt = performance.now();
          resolve();
        }
      };
    });
    started = performance.now();
    root.render(
      <BillingPortalProvider endpoint={env.endpoint} locale="he" queryClient={queryClient}>
        <Profiler
          id="BillingPage"
          onRender={(_id, _phase, duration) => {
            commits++;
            actualDurationMs += duration;
          }}
        >
          <BillingPage />
        </Profiler>
      </BillingPortalProvider>,
    );
    const timedOut = Symbol("timed out");
    const outcome = await Promise.race([shown, wait(timeoutMs).then(() => timedOut)]);
    if (outcome === timedOut || shownAt === undefined) {
      if (hookCommits.count === 0) throw new Error("no commit reached the DevTools hook: it must be installed before react-dom loads");
      throw new Error(`BillingPage did not show every section within ${timeoutMs} ms; still missing: ${missing().join(", ")}`);
    }
    onEveryCommit = undefined;
    await quiet();
    await env.onSettled?.();
    const run: Omit<PageRun, "after" | "crossRenders"> = {
      rows: section("history")?.querySelectorAll("tbody tr").length ?? 0,
      cards: section("cards")?.querySelectorAll(".ching-pm-list:not([aria-hidden]) > li").length ?? 0,
      shownMs: shownAt - started,
      shownAt,
      sectionShownAt,
      renders: sectionCommits,
      ownRenders: sectionRenders,
      componentRenders: componentTally(),
      commits,
      actualDurationMs,
      timeline,
    };

    const changes: Record<Change, () => void> = {
      charges: () =>
        queryClient.setQueryData<Charge[]>(billingPortalKeys.charges(), (old) =>
          old?.map((charge, index) => (index === 0 ? { ...charge, refunded_amount: charge.amount } : charge)),
        ),
      customer: () => queryClient.setQueryData<Customer | null>(billingPortalKeys.me(), (old) => (old ? { ...old, name: `${old.name} (renamed)` } : old)),
      cards: () =>
        queryClient.setQueryData<PaymentMethod[]>(billingPortalKeys.paymentMethods(), (old) =>
          old?.map((card, index) => (index === old.length - 1 ? { ...card, card: { ...card.card, exp_year: card.card.exp_year + 1 } } : card)),
        ),
    };
    const after = {} as Record<Change, PerSection>;
    const crossRenders: string[] = [];
    for (const change of Object.keys(changes) as Change[]) {
      rendered = [];
      sectionCommits = zero();
      sectionRenders = zero();
      changes[change]();
      await quiet();
      after[change] = sectionCommits;
      for (const other of SECTIONS) {
        if (other === CHANGES[change] || sectionCommits[other] === 0) continue;
        const names = [...new Set(rendered.filter((component) => component.section === other).map((component) => component.name))];
        crossRenders.push(`${change} → ${other}: ${names.join(", ")}`);
      }
    }
    return { ...run, after, crossRenders };
  } finally {
    env.onCommit(undefined);
    root.unmount();
    container.remove();
  }
}
