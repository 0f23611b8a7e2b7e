import * as Dialog from "@radix-ui/react-dialog";
import { useRef, useState } from "react";
import type { PaymentMethod } from "../core/billing";
import { cardsListMessages } from "../core/messages/cardsList";
import { cardsRemoveMessages } from "../core/messages/cardsRemove";
import { closeMessages } from "../core/messages/shared";
import { useRemovePaymentMethod } from "../react";
import { CloseIcon } from "./icons";
import { useMessages } from "./useMessages";
import { useRootProps } from "./useRootProps";
import { cardTitle, isCardInUse, removeButtonId } from "./utils/cardText";
import { formatMessage } from "./utils/formatMessage";

const NAME = "RemoveCardDialog";
const AREAS = [closeMessages, cardsListMessages, cardsRemoveMessages] as const;

/** Where focus goes once the list has re-rendered: the id of a row, of a row's Remove button (`removeButtonId`) or of Add card. */
export type FocusTarget = string;

export interface RemoveCardDialogProps {
  /** The card to remove; the dialog is open while there is one. */
  method: PaymentMethod | null;
  /** The list as it is shown, and its rows' element ids: focus goes to the next row after a removal. */
  cards: PaymentMethod[];
  rowId: (method: PaymentMethod) => string;
  /** Add card's element id: focus goes there after the last card was removed. */
  addId: string;
  /** Cancel, Escape, or Remove card pressed. */
  onClose: () => void;
  /** What the list's status region says: the removal under way, then done. */
  onAnnounce: (announcement: string | null) => void;
  /** The endpoint refused: the card is back in the list, and `reason` is shown under it. */
  onFailed: (failed: { id: string; reason: string }) => void;
  /** Moves focus to `target`, once the list shows it. */
  focusAfterRender: (target: FocusTarget) => void;
}

/**
 * "Remove this card?": names the card, warns when it is the default one, and
 * opens with focus on Cancel (the safe choice); Remove card removes it
 * (`useRemovePaymentMethod`: optimistic, rolled back on failure). Loaded when
 * first wanted, with the removal and its strings, as the customer dialogs
 * are; it stays mounted after, so a removal's outcome still arrives once it
 * has closed. Internal to `PaymentMethods`.
 */
export function RemoveCardDialog({ method, cards, rowId, addId, onClose, onAnnounce, onFailed, focusAfterRender }: RemoveCardDialogProps) {
  const strings = useMessages(NAME, AREAS);
  const { messages } = strings;
  const overlay = useRootProps(NAME, strings, "ching-overlay");
  const panel = useRootProps(NAME, strings, "ching-dialog", "ching-dialog--confirm");
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Keep the last card while the dialog animates out.
  const [shown, setShown] = useState(method);
  if (method && method !== shown) setShown(method);
  const remove = useRemovePaymentMethod();
  // Where focus goes when a removal has closed the dialog.
  const afterRemoval = useRef<FocusTarget | null>(null);

  const confirm = (target: PaymentMethod) => {
    // The row after it (else the one before), else Add card: the card itself is about to go.
    const index = cards.findIndex((card) => card.id === target.id);
    const next = cards[index + 1] ?? cards[index - 1];
    afterRemoval.current = next ? rowId(next) : addId;
    onAnnounce(messages["cards.removing"]);
    onClose();
    remove.mutate(target.id, {
      onSuccess: () => onAnnounce(formatMessage(messages["cards.removed"], { last4: target.card.last4 })),
      onError: (error) => {
        onAnnounce(null);
        afterRemoval.current = null;
        onFailed({ id: target.id, reason: messages[isCardInUse(error) ? "cards.remove.inUse" : "cards.remove.error"] });
        // The card is back: so is focus, on its Remove button, which the reason describes.
        focusAfterRender(removeButtonId(rowId(target)));
      },
    });
  };

  return (
    <Dialog.Root
      open={method !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay {...overlay}>
          <Dialog.Content
            {...panel}
            role="alertdialog"
            onOpenAutoFocus={(event) => {
              event.preventDefault();
              cancelRef.current?.focus();
            }}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              // Removed: on to the next card. Cancelled (or already failed): the Remove button that opened it.
              focusAfterRender(afterRemoval.current ?? removeButtonId(rowId(shown ?? method!)));
              afterRemoval.current = null;
            }}
          >
            <div className="ching-dialog__header">
              <Dialog.Title className="ching-dialog__title">{messages["cards.confirm.title"]}</Dialog.Title>
              <Dialog.Close className="ching-icon-btn" aria-label={messages["dialog.close"]}>
                <CloseIcon />
              </Dialog.Close>
            </div>
            <Dialog.Description asChild>
              <div className="ching-dialog__description">
                <p>{shown ? formatMessage(messages["cards.confirm.body"], { card: cardTitle(shown, messages) }) : null}</p>
                {shown?.is_default ? <p className="ching-alert">{messages["cards.confirm.default"]}</p> : null}
              </div>
            </Dialog.Description>
            <div className="ching-actions">
              <Dialog.Close ref={cancelRef} className="ching-btn ching-btn--secondary">
                {messages["cards.confirm.cancel"]}
              </Dialog.Close>
              <button
                type="button"
                className="ching-btn ching-btn--danger"
                onClick={() => {
                  if (method) confirm(method);
                }}
              >
                {messages["cards.confirm.remove"]}
              </button>
            </div>
          </Dialog.Content>
        </Dialog.Overlay>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
