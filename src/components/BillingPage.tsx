import { Suspense, useEffect, useState, type ReactNode } from "react";
import { pageMessages } from "../core/messages/page";
import { chargesQueryOptions, customerQueryOptions, paymentMethodsQueryOptions } from "../react";
import { retryFor, useBillingPortalContext } from "../react/internal";
import { prefetchFirstPageReceipts } from "./history/receipts";
import { loadPaymentMethodList } from "./loadPaymentMethodList";
import { SectionSkeleton } from "./page/SectionSkeleton";
import { useMessages } from "./useMessages";
import { useRootProps } from "./useRootProps";

const NAME = "BillingPage";
const AREAS = [pageMessages] as const;

// Each section is its own chunk: the page's first load is the frame and the
// skeletons, and a merchant who hides a section never downloads it.
const CHUNKS = {
  profile: () => import("./CustomerProfile"),
  // The cards' rows are a chunk of PaymentMethods' own: asked for with the section's, not after it.
  // Should it fail, the section still shows, and the list offers Retry.
  cards: () => Promise.all([import("./page/CardsSection"), loadPaymentMethodList().catch(() => undefined)]).then(([module]) => module),
  history: () => import("./BillingHistory"),
  manage: () => import("./page/ManageSection"),
};
type Chunks = { [S in BillingPageSection]: Awaited<ReturnType<(typeof CHUNKS)[S]>> };
/** The sections' modules once loaded (kept: a page mounted again shows them at once), and the loads under way. */
const loaded: Partial<Chunks> = {};
const loading: Partial<Record<BillingPageSection, Promise<unknown>>> = {};

function loadSection(section: BillingPageSection): Promise<unknown> {
  return (loading[section] ??= CHUNKS[section]().then(
    (module) => {
      (loaded as Record<BillingPageSection, unknown>)[section] = module;
    },
    (error: unknown) => {
      // A chunk that failed to arrive is asked for again by the next page that needs it.
      delete loading[section];
      throw error;
    },
  ));
}

/** The sections of `BillingPage`, in the order they appear. */
export type BillingPageSection = "profile" | "cards" | "history" | "manage";
const SECTIONS: readonly BillingPageSection[] = ["profile", "cards", "history", "manage"];

export interface BillingPageProps {
  /**
   * The level of each section's title in your page's outline (your page has
   * the `<h1>`). Default `2`.
   * @example <BillingPage headingLevel={3} />
   */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /**
   * Sections to leave out; they are then not loaded at all.
   * @example <BillingPage hide={["profile"]} />
   */
  hide?: readonly BillingPageSection[];
  /** Payments per page in the history. Default `10`. */
  historyPageSize?: number;
  className?: string;
}

/**
 * The whole billing page in one drop-in: the customer's billing details, their
 * saved cards, the payment history with receipts, and the way into Ching's hosted portal for
 * subscriptions. Each section loads on its own, with a skeleton meanwhile.
 *
 * @example
 * <BillingPortalProvider endpoint="/api/billing">
 *   <h1>Billing</h1>
 *   <BillingPage />
 * </BillingPortalProvider>
 */
export function BillingPage({ headingLevel = 2, hide = [], historyPageSize, className }: BillingPageProps) {
  const strings = useMessages(NAME, AREAS);
  const { messages } = strings;
  const root = useRootProps(NAME, strings, "ching-page", className);
  const shown = (section: BillingPageSection) => !hide.includes(section);

  // The sections' data is asked for with the page, alongside their code, rather than once each
  // chunk has loaded and rendered: one round trip less before the page shows. Only for the
  // sections shown. On the client the first render asks (as TanStack's usePrefetchQuery does),
  // before it asks for the sections' chunks: the data's requests then take the browser's first
  // connections (HTTP/1.1 gives a host six) instead of queueing behind the chunks. A server
  // render fetches and loads nothing: there only the effects would, and effects do not run.
  const { client, queryClient } = useBillingPortalContext(NAME);
  const [customer, cards, charges] = [shown("profile") || shown("cards"), shown("cards"), shown("history")];
  const fetchData = () => {
    const retry = retryFor(queryClient);
    if (customer) void queryClient.prefetchQuery({ ...customerQueryOptions(client), retry });
    if (cards) void queryClient.prefetchQuery({ ...paymentMethodsQueryOptions(client), retry });
    // The first page's receipts as soon as the charges arrive, in one request, not once the
    // history's chunk has rendered its links: the documents no longer wait for the history's code.
    if (charges)
      void queryClient.fetchQuery({ ...chargesQueryOptions(client), retry }).then(
        (list) => prefetchFirstPageReceipts(queryClient, client, list, historyPageSize),
        () => undefined,
      );
  };
  // The sections' code, asked for after their data (the same render, on the client) and shown
  // together when the last shown chunk has arrived, by a plain state update. Not React.lazy
  // under Suspense: React holds back a Suspense boundary's reveal until 300 ms after the
  // previous fallback or reveal, so sections whose chunks arrive a little apart show in waves
  // 300 ms apart (measured in bench:page: profile and cards 300 ms after the history).
  const wanted = SECTIONS.filter(shown);
  const startLoads = () => {
    for (const section of wanted) void loadSection(section);
  };
  // Once per mount, in the first render on the client (a server render asks for nothing). The
  // effect below asks again as the page mounts: harmless, a request under way or fresh data is reused.
  useState(() => {
    if (typeof window === "undefined") return;
    fetchData();
    startLoads();
  });
  // A section shown later, or another endpoint.
  useEffect(fetchData, [client, queryClient, customer, cards, charges, historyPageSize]);
  const [, sectionsArrived] = useState(0);
  const [loadError, setLoadError] = useState<{ error: unknown }>();
  const waitingFor = wanted.filter((section) => !loaded[section]).join();
  useEffect(() => {
    if (!waitingFor) return;
    let live = true;
    Promise.all(waitingFor.split(",").map((section) => loadSection(section as BillingPageSection))).then(
      () => live && sectionsArrived((count) => count + 1),
      // As React.lazy would: the nearest error boundary gets the failure.
      (error: unknown) => live && setLoadError({ error }),
    );
    return () => {
      live = false;
    };
  }, [waitingFor]);
  if (loadError) throw loadError.error;

  const lazySection = (section: BillingPageSection, node: () => ReactNode) => {
    if (!shown(section)) return null;
    const skeleton = <SectionSkeleton messages={messages} />;
    return (
      <div className={`ching-page__section ching-page__section--${section}`} data-ching-section={section}>
        {/* Nothing in a section suspends as it loads; the boundary keeps a later suspension (a dialog's code) inside it. */}
        {loaded[section] ? <Suspense fallback={skeleton}>{node()}</Suspense> : skeleton}
      </div>
    );
  };
  const { profile, cards: cardsChunk, history, manage } = loaded;

  return (
    <div {...root}>
      {lazySection("profile", () => profile && <profile.CustomerProfile headingLevel={headingLevel} />)}
      {lazySection("cards", () => cardsChunk && <cardsChunk.CardsSection headingLevel={headingLevel} />)}
      {lazySection("history", () => history && <history.BillingHistory headingLevel={headingLevel} pageSize={historyPageSize} />)}
      {lazySection("manage", () => manage && <manage.ManageSection headingLevel={headingLevel} />)}
    </div>
  );
}
