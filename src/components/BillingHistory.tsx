import { useId, useRef, useState } from "react";
import type { Charge } from "../core/billing";
import { historyMessages } from "../core/messages/history";
import { useCharges } from "../react";
import { useBillingPortalContext } from "../react/internal";
import { ChargeRow, COLUMNS, columnLabel } from "./history/ChargeRow";
import { HistorySkeleton } from "./history/HistorySkeleton";
import { Pagination } from "./history/Pagination";
import { DEFAULT_PAGE_SIZE, prefetchReceipts, rowsPerPage } from "./history/receipts";
import { LoadError } from "./LoadError";
import { ManageBillingButton } from "./ManageBillingButton";
import { useMessages } from "./useMessages";
import { useRootProps } from "./useRootProps";
import { isolateLtr } from "./utils/isolateLtr";

const NAME = "BillingHistory";
const AREAS = [historyMessages] as const;
const NO_CHARGES: readonly Charge[] = [];

export interface BillingHistoryProps {
  /**
   * The level of the history's title in your page's outline; the empty state's
   * title is one level below it. Default `2`.
   * @example <BillingHistory headingLevel={3} />
   */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** Payments per page. Default `10`. */
  pageSize?: number;
  className?: string;
}

/**
 * What the customer paid: date, description, amount (refunds and installments
 * shown), card, status and a link to each receipt, ten to a page. A table on a
 * wide container, a list of cards on a narrow one (same markup). Ching keeps
 * the 100 newest payments in reach: the footer says so and leads to the hosted
 * portal for the rest.
 *
 * @example
 * <BillingPortalProvider endpoint="/api/billing">
 *   <BillingHistory />
 * </BillingPortalProvider>
 */
export function BillingHistory({ headingLevel = 2, pageSize = DEFAULT_PAGE_SIZE, className }: BillingHistoryProps) {
  const Title = `h${headingLevel}` as const;
  const SubTitle = `h${Math.min(headingLevel + 1, 6) as 2 | 3 | 4 | 5 | 6}` as const;
  const strings = useMessages(NAME, AREAS);
  const { messages, locale } = strings;
  const root = useRootProps(NAME, strings, "ching-card", "ching-history", className);
  const titleId = `ching-history-${useId()}`;
  const query = useCharges();
  const { isPending, isFetching, refetch } = query;
  // A person with no customer yet has paid nothing: the endpoint's 404 is an empty history, not a failure.
  const noCustomerYet = query.error?.status === 404;
  const charges = noCustomerYet ? NO_CHARGES : query.data;
  const error = noCustomerYet ? null : query.error;
  const [page, setPage] = useState(1);
  const titleRef = useRef<HTMLHeadingElement>(null);

  const size = rowsPerPage(pageSize);
  const pages = Math.max(1, Math.ceil((charges?.length ?? 0) / size));
  // Fewer payments after a refresh: stay on the last page that still exists.
  const current = Math.min(page, pages);
  const visible = charges?.slice((current - 1) * size, current * size) ?? [];
  // The page's receipts in one request, asked as the page renders (as TanStack's usePrefetchQuery
  // asks), so its links, mounting in this render, find their documents under way instead of each
  // asking for its own. Nothing is asked again once read or under way (BillingPage asks for the
  // first page's as soon as the charges arrive). Not in a server render: effects would not clean up there.
  const { client, queryClient } = useBillingPortalContext(NAME);
  if (typeof window !== "undefined") prefetchReceipts(queryClient, client, visible);

  const busy = isPending || (Boolean(error) && isFetching);

  let body;
  if (charges && charges.length > 0) {
    body = (
      <>
        <div className="ching-history__scroll">
          <table className="ching-history__table" aria-labelledby={titleId}>
            <thead className="ching-history__head">
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className={`ching-history__cell ching-history__cell--${column}`}>
                    {columnLabel(column, messages)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {visible.map((charge) => (
                <ChargeRow key={charge.id} charge={charge} locale={locale} messages={messages} />
              ))}
            </tbody>
          </table>
        </div>
        {pages > 1 ? <Pagination page={current} pages={pages} onPageChange={setPage} messages={messages} /> : null}
      </>
    );
  } else if (charges) {
    body = (
      <div className="ching-empty">
        <SubTitle className="ching-empty__title">{messages["history.empty.title"]}</SubTitle>
        <p className="ching-empty__text">{isolateLtr(messages["history.empty.body"])}</p>
      </div>
    );
  } else if (isPending) {
    body = <HistorySkeleton rows={Math.min(size, 5)} />;
  } else {
    body = (
      <LoadError
        message={messages["history.error"]}
        retryLabel={messages["history.retry"]}
        isFetching={isFetching}
        onRetry={() => void refetch()}
        focusAfterRecovery={titleRef}
      />
    );
  }

  return (
    <section {...root} aria-labelledby={titleId} aria-busy={busy || undefined}>
      <header className="ching-card__header">
        <Title className="ching-title" id={titleId} ref={titleRef} tabIndex={-1}>
          {messages["history.title"]}
        </Title>
      </header>

      {body}

      <p className="ching-visually-hidden" role="status">
        {busy ? messages["history.loading"] : null}
      </p>

      {charges && charges.length > 0 ? (
        <footer className="ching-history__footer">
          <p className="ching-history__footnote">{messages["history.footer"]}</p>
          <ManageBillingButton variant="link">{messages["history.footer.portal"]}</ManageBillingButton>
        </footer>
      ) : null}
    </section>
  );
}
