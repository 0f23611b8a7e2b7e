import * as Dialog from "@radix-ui/react-dialog";
import { useRef, useState } from "react";
import type { PaymentMethod } from "../core/billing";
import { cardsMessages } from "../core/messages/cards";
import { cardsRemoveMessages } from "../core/messages/cardsRemove";
import { sharedMessages } from "../core/messages/shared";
import { useRemovePaymentMethod } from "../react";
import { CloseIcon } from "./icons";
import { useMessages } from "./useMessages";
import { useRootProps } from "./useRootProps";
import { cardTitle, isCardInUse } from "./utils/cardText";
import { formatMessage } from "./utils/formatMessage";

const NAME = "RemoveCardDialog";
const AREAS = [sharedMessages, cardsMessages, cardsRemoveMessages] as const;

export interface RemoveCardDialogProps {
  /** The card to remove; the dialog is open while there is one. */
  method: PaymentMethod | null;
  onOpenChange: (open: boolean) => void;
  /** Remove card was pressed: the removal starts (the card leaves the list at once); `announcement` says so. */
  onRemoving: (method: PaymentMethod, announcement: string) => void;
  /** The endpoint removed it. */
  onRemoved: (announcement: string) => void;
  /** The endpoint refused: the card is back in the list, and `reason` is to be shown under it. */
  onFailed: (method: PaymentMethod, reason: string) => void;
  /** Where focus goes on close is the list's decision (the row may be gone). */
  onCloseAutoFocus: (event: Event) => void;
}

/**
 * "Remove this card?": names the card, warns when it is the default one, and
 * opens with focus on Cancel (the safe choice); Remove card removes it
 * (`useRemovePaymentMethod`: optimistic, rolled back on failure). Loaded when
 * first wanted, with the removal and its strings, as the customer dialogs
 * are; it stays mounted after, so a removal's outcome still arrives once it
 * has closed. Internal to `PaymentMethods`.
 */
export function RemoveCardDialog({ method, onOpenChange, onRemoving, onRemoved, onFailed, onCloseAutoFocus }: RemoveCardDialogProps) {
  const strings = useMessages(NAME, AREAS);
  const { messages } = strings;
  const overlay = useRootProps(NAME, strings, "ching-overlay");
  const panel = useRootProps(NAME, strings, "ching-dialog", "ching-dialog--confirm");
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Keep the last card while the dialog animates out.
  const [shown, setShown] = useState(method);
  if (method && method !== shown) setShown(method);
  const remove = useRemovePaymentMethod();

  const confirm = (target: PaymentMethod) => {
    onRemoving(target, messages["cards.removing"]);
    remove.mutate(target.id, {
      onSuccess: () => onRemoved(formatMessage(messages["cards.removed"], { last4: target.card.last4 })),
      onError: (error) => onFailed(target, messages[isCardInUse(error) ? "cards.remove.inUse" : "cards.remove.error"]),
    });
  };

  return (
    <Dialog.Root open={method !== null} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay {...overlay}>
          <Dialog.Content
            {...panel}
            role="alertdialog"
            onOpenAutoFocus={(event) => {
              event.preventDefault();
              cancelRef.current?.focus();
            }}
            onCloseAutoFocus={onCloseAutoFocus}
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
