import type { AreaStrings } from "../../core/messages";
import type { historyMessages } from "../../core/messages/history";

type HistoryStrings = AreaStrings<typeof historyMessages>;
import { fillMessage } from "../utils/fillMessage";

interface PaginationProps {
  /** 1-based. */
  page: number;
  pages: number;
  onPageChange: (page: number) => void;
  messages: HistoryStrings;
}

/**
 * Previous and next page of the history. The buttons are `aria-disabled` at
 * the ends rather than `disabled`, so the one that was just pressed keeps the
 * focus; the page number is announced politely.
 */
export function Pagination({ page, pages, onPageChange, messages }: PaginationProps) {
  const button = (label: string, target: number, atEnd: boolean) => (
    <button
      type="button"
      className="ching-btn ching-btn--secondary"
      aria-disabled={atEnd || undefined}
      onClick={() => {
        if (!atEnd) onPageChange(target);
      }}
    >
      {label}
    </button>
  );
  return (
    <nav className="ching-pagination" aria-label={messages["history.pagination"]}>
      {button(messages["history.pagination.previous"], page - 1, page <= 1)}
      <p className="ching-pagination__status" aria-live="polite">
        {fillMessage(messages["history.pagination.status"], { page, pages })}
      </p>
      {button(messages["history.pagination.next"], page + 1, page >= pages)}
    </nav>
  );
}
