import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { pageMessages } from "../core/messages/page";
import { chargesQueryOptions, customerQueryOptions, paymentMethodsQueryOptions } from "../react";
import { retryFor, useBillingPortalContext } from "../react/internal";
import { prefetchFirstPageReceipts } from "./history/receipts";
import { SectionSkeleton } from "./page/SectionSkeleton";
import { useMessages } from "./useMessages";
import { dateFormatter } from "./utils/formatDate";
import { useRootProps } from "./useRootProps";

const NAME = "BillingPage";
const AREAS = [pageMessages] as const;

// Each section is its own chunk: the page's first load is the frame and the
// skeletons, and a merchant who hides a section never downloads it.
const CustomerProfile = lazy(() => import("./CustomerProfile").then((module) => ({ default: module.CustomerProfile })));
const CardsSection = lazy(() => import("./page/CardsSection").then((module) => ({ default: module.CardsSection })));
const BillingHistory = lazy(() => import("./BillingHistory").then((module) => ({ default: module.BillingHistory })));
const ManageSection = lazy(() => import("./page/ManageSection").then((module) => ({ default: module.ManageSection })));

/** The sections of `BillingPage`, in the order they appear. */
export type BillingPageSection = "profile" | "cards" | "history" | "manage";

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
  const { messages, locale } = strings;
  const root = useRootProps(NAME, strings, "ching-page", className);
  const shown = (section: BillingPageSection) => !hide.includes(section);

  // The sections' data is asked for with the page, alongside their code, rather than once each
  // chunk has loaded and rendered: one round trip less before the page shows. Only for the
  // sections shown. On the client the first render asks (as TanStack's usePrefetchQuery does),
  // before the sections' Suspense boundaries ask for their chunks: the data's requests then take
  // the browser's first connections (HTTP/1.1 gives a host six) instead of queueing behind the
  // chunks. A server render fetches nothing: there only the effect would, and effects do not run.
  const { client, queryClient } = useBillingPortalContext(NAME);
  const [customer, cards, charges] = [shown("profile") || shown("cards"), shown("cards"), shown("history")];
  const fetchData = () => {
    const retry = retryFor(queryClient);
    if (customer) void queryClient.prefetchQuery({ ...customerQueryOptions(client), retry });
    if (cards) void queryClient.prefetchQuery({ ...paymentMethodsQueryOptions(client), retry });
    // The first page's receipts as soon as the charges arrive, not once the history's chunk has
    // rendered its links: the documents no longer wait for the history's code.
    if (charges)
      void queryClient.fetchQuery({ ...chargesQueryOptions(client), retry }).then(
        (list) => prefetchFirstPageReceipts(queryClient, client, list, historyPageSize),
        () => undefined,
      );
  };
  // Once per mount; asking again is harmless (a request under way or fresh data is reused).
  useState(() => typeof window !== "undefined" && (fetchData(), true));
  // A section shown later, or another endpoint.
  useEffect(fetchData, [client, queryClient, customer, cards, charges, historyPageSize]);
  // The profile and the history print dates: their formatter is made while the page waits for
  // the network (after the skeletons are painted), not in the render that shows the data.
  const dates = shown("profile") || charges;
  useEffect(() => {
    if (dates) dateFormatter(locale);
  }, [dates, locale]);
  const lazySection = (section: BillingPageSection, node: ReactNode) =>
    shown(section) ? (
      <div className={`ching-page__section ching-page__section--${section}`} data-ching-section={section}>
        <Suspense fallback={<SectionSkeleton messages={messages} />}>{node}</Suspense>
      </div>
    ) : null;

  return (
    <div {...root}>
      {lazySection("profile", <CustomerProfile headingLevel={headingLevel} />)}
      {lazySection("cards", <CardsSection headingLevel={headingLevel} />)}
      {lazySection("history", <BillingHistory headingLevel={headingLevel} pageSize={historyPageSize} />)}
      {lazySection("manage", <ManageSection headingLevel={headingLevel} />)}
    </div>
  );
}
