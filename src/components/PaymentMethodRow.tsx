import type { PaymentMethod } from "../core/billing";
import type { AreaStrings } from "../core/messages";
import type { cardsListMessages } from "../core/messages/cardsList";
import { CardBrandMark } from "./CardBrandMark";
import { ErrorIcon } from "./icons";
import { brandName, cardAccessibleName, formatExpiry, removeButtonId } from "./utils/cardText";

export interface PaymentMethodRowProps {
  method: PaymentMethod;
  messages: AreaStrings<typeof cardsListMessages>;
  expired: boolean;
  /** The row's element id, so focus can be moved to it (its Remove button's is `removeButtonId(id)`). */
  id: string;
  /** Shown under the row, announced (a failed removal). */
  error: string | null;
  /** Without it, no Remove button. */
  onRemove?: (method: PaymentMethod) => void;
  /** Starts loading the confirm dialog before the click. */
  onPrefetch?: () => void;
}

/**
 * One saved card: brand mark, `Visa •••• 4242` (the digits isolated left to
 * right), expiry, Default and Expired badges, and Remove. The row is named as
 * a whole ("Visa ending 4242, expires 12/2030, default") and takes focus
 * programmatically, so focus can land on it after an add or a removal. Internal.
 */
export function PaymentMethodRow({ method, messages, expired, id, error, onRemove, onPrefetch }: PaymentMethodRowProps) {
  const errorId = `${id}-error`;
  const nameId = `${id}-name`;
  const removeId = removeButtonId(id);
  const { card } = method;
  const expiry = formatExpiry(card);
  // The date is isolated left to right wherever the locale puts it in the sentence.
  const [before = "", after = ""] = messages[expired ? "cards.expiredOn" : "cards.expires"].split("{expiry}");
  return (
    <li
      id={id}
      className="ching-pm"
      data-expired={expired || undefined}
      tabIndex={-1}
      aria-labelledby={nameId}
      aria-describedby={error ? errorId : undefined}
    >
      <span id={nameId} hidden>
        {cardAccessibleName(method, messages, expired)}
      </span>
      <div className="ching-pm__main">
        <CardBrandMark brand={card.brand} />
        <div className="ching-pm__text">
          <span className="ching-pm__title">
            <span className="ching-pm__brand">{brandName(card.brand, messages)}</span>{" "}
            <bdi className="ching-ltr ching-pm__digits" dir="ltr">
              •••• {card.last4}
            </bdi>
          </span>
          <span className="ching-pm__expiry">
            {before}
            <bdi className="ching-ltr" dir="ltr">
              {expiry}
            </bdi>
            {after}
          </span>
        </div>
        {method.is_default || expired ? (
          <span className="ching-pm__badges">
            {method.is_default ? <span className="ching-badge">{messages["cards.badge.default"]}</span> : null}
            {expired ? <span className="ching-badge ching-badge--warning">{messages["cards.badge.expired"]}</span> : null}
          </span>
        ) : null}
        {onRemove ? (
          <button
            type="button"
            id={removeId}
            className="ching-btn ching-btn--secondary ching-pm__remove"
            aria-haspopup="dialog"
            aria-labelledby={`${removeId} ${nameId}`}
            aria-describedby={error ? errorId : undefined}
            onClick={() => onRemove(method)}
            onPointerEnter={onPrefetch}
            onFocus={onPrefetch}
          >
            {messages["cards.remove"]}
          </button>
        ) : null}
      </div>
      <p className="ching-error ching-pm__error" id={errorId} aria-live="polite">
        {error ? (
          <>
            <ErrorIcon />
            <span>{error}</span>
          </>
        ) : null}
      </p>
    </li>
  );
}
