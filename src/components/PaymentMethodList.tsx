import type { PaymentMethod } from "../core/billing";
import { cardsListMessages } from "../core/messages/cardsList";
import { PaymentMethodRow } from "./PaymentMethodRow";
import { useMessages } from "./useMessages";
import { isExpired } from "./utils/cardText";
import { useMonthNow } from "./utils/useMonthNow";

const AREAS = [cardsListMessages] as const;

export interface PaymentMethodListProps {
  cards: PaymentMethod[];
  /** A row's element id, so focus can be moved to it. */
  rowId: (method: PaymentMethod) => string;
  /** A removal the endpoint refused: its reason is shown under that card's row. */
  failed: { id: string; reason: string } | null;
  /** Without it, no Remove buttons. */
  onRemove?: (method: PaymentMethod) => void;
  /** Starts loading the confirm dialog before a Remove is pressed. */
  onPrefetch?: () => void;
}

/**
 * The saved cards' rows, with their brand marks and strings. `PaymentMethods`
 * loads it as it first renders, alongside the cards themselves, so its first
 * load carries only the frame: heading, skeleton, empty and error states, Add
 * card. Internal.
 */
export function PaymentMethodList({ cards, rowId, failed, onRemove, onPrefetch }: PaymentMethodListProps) {
  const { messages } = useMessages("PaymentMethods", AREAS);
  // The reader's month, known after hydration: the server renders no Expired badge.
  const month = useMonthNow();
  return (
    <ul className="ching-pm-list" aria-label={messages["cards.list"]}>
      {cards.map((method) => (
        <PaymentMethodRow
          key={method.id}
          id={rowId(method)}
          method={method}
          messages={messages}
          expired={isExpired(method.card, month)}
          error={failed?.id === method.id ? failed.reason : null}
          onRemove={onRemove}
          onPrefetch={onPrefetch}
        />
      ))}
    </ul>
  );
}
