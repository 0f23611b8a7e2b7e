import type { Charge } from "../../core/billing";
import type { Locale } from "../../core/customer";
import type { AreaStrings } from "../../core/messages";
import type { historyMessages } from "../../core/messages/history";

type HistoryStrings = AreaStrings<typeof historyMessages>;
import { fillMessage } from "../utils/fillMessage";
import { formatAmount } from "../utils/formatAmount";
import { formatDate } from "../utils/formatDate";
import { brandLabel, refundKind, statusLabel } from "./chargeLabels";
import { fillNodes } from "./fillNodes";
import { Ltr } from "./Ltr";
import { ReceiptLink } from "./ReceiptLink";

interface ChargeRowProps {
  charge: Charge;
  locale: Locale;
  messages: HistoryStrings;
}

/**
 * One payment as a table row. On a narrow container the stylesheet lays the
 * row out as a card; each cell then shows its own label (hidden from screen
 * readers, which have the column header).
 */
export function ChargeRow({ charge, locale, messages }: ChargeRowProps) {
  const status = statusLabel(charge.status, messages);
  const refund = refundKind(charge);
  const cellLabel = (key: Parameters<typeof columnLabel>[0]) => (
    <span className="ching-history__label" aria-hidden="true">
      {columnLabel(key, messages)}
    </span>
  );

  return (
    <tr className="ching-history__row">
      <td className="ching-history__cell ching-history__cell--date">
        {cellLabel("date")}
        <time dateTime={charge.created}>{formatDate(charge.created, locale)}</time>
      </td>
      <th scope="row" className="ching-history__cell ching-history__cell--description">
        {charge.description || messages["history.noDescription"]}
      </th>
      <td className="ching-history__cell ching-history__cell--amount">
        {cellLabel("amount")}
        <span className="ching-history__amount">
          <Ltr>{formatAmount(charge.amount, charge.currency, locale)}</Ltr>
        </span>
        {charge.installments && charge.installments.count > 1 ? (
          <span className="ching-history__note">{fillMessage(messages["history.installments"], { count: charge.installments.count })}</span>
        ) : null}
        {refund === "full" ? <span className="ching-history__note">{messages["history.refunded.full"]}</span> : null}
        {refund === "partial" ? (
          <span className="ching-history__note">
            {fillNodes(messages["history.refunded.partial"], {
              amount: <Ltr>{formatAmount(charge.refunded_amount, charge.currency, locale)}</Ltr>,
            })}
          </span>
        ) : null}
      </td>
      <td className="ching-history__cell ching-history__cell--card">
        {cellLabel("card")}
        <CardLabel charge={charge} messages={messages} />
      </td>
      <td className="ching-history__cell ching-history__cell--status">
        {cellLabel("status")}
        <span className={`ching-charge-status ching-charge-status--${status.tone}`}>{status.label}</span>
      </td>
      <td className="ching-history__cell ching-history__cell--receipt">
        {cellLabel("receipt")}
        {charge.document ? <ReceiptLink documentId={charge.document} messages={messages} /> : <span className="ching-muted">{messages["history.noReceipt"]}</span>}
      </td>
    </tr>
  );
}

/** "Visa •••• 4242" on screen, "Visa ending in 4242" to a screen reader. */
function CardLabel({ charge, messages }: { charge: Charge; messages: HistoryStrings }) {
  if (!charge.card_last4) return <span className="ching-muted">{messages["history.noCard"]}</span>;
  const brand = brandLabel(charge.card_brand, messages);
  return (
    <>
      <span aria-hidden="true">
        {fillNodes(messages["history.card"], {
          brand,
          digits: <Ltr>{fillMessage(messages["history.card.digits"], { last4: charge.card_last4 })}</Ltr>,
        })}
      </span>
      <span className="ching-visually-hidden">{fillMessage(messages["history.card.spoken"], { brand, last4: charge.card_last4 })}</span>
    </>
  );
}

type Column = "date" | "description" | "amount" | "card" | "status" | "receipt";

/** The header of a column, in the table's head and on each narrow row. */
export function columnLabel(column: Column, messages: HistoryStrings): string {
  return messages[`history.column.${column}`];
}

export const COLUMNS: readonly Column[] = ["date", "description", "amount", "card", "status", "receipt"];
