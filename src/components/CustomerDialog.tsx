import { composeEventHandlers } from "@radix-ui/primitive";
import * as Dialog from "@radix-ui/react-dialog";
import { useControllableState } from "@radix-ui/react-use-controllable-state";
import { useId, useRef, useState, type ReactElement } from "react";
import type { Customer } from "../core/customer";
import { dialogMessages } from "../core/messages/dialog";
import { closeMessages } from "../core/messages/shared";
import { useCreateDefaults } from "../react";
import { CustomerForm } from "./CustomerForm";
import { CloseIcon } from "./icons";
import { useMessages } from "./useMessages";
import { useRootProps } from "./useRootProps";
import { useIsomorphicLayoutEffect } from "./utils/useIsomorphicLayoutEffect";

const AREAS = [closeMessages, dialogMessages] as const;

/** What both customer dialogs take. */
export interface CustomerDialogBaseProps {
  /** Open state, controlled; pair it with `onOpenChange`. */
  open?: boolean;
  /** Open state at first render, uncontrolled. Default `false`. */
  defaultOpen?: boolean;
  /** Called when the dialog asks to open or close (trigger, Escape, close button, Cancel, success). */
  onOpenChange?: (open: boolean) => void;
  /**
   * The element that opens the dialog, such as a `<button>`; focus returns to
   * it on close. It must forward a ref and props (it is rendered `asChild`).
   */
  trigger?: ReactElement;
  /** Called with the saved customer; the dialog then closes. */
  onSuccess?: (customer: Customer) => void;
  /**
   * Runs when the dialog closes, before focus moves; call `event.preventDefault()`
   * to move focus yourself. Default: focus returns to the trigger, or to
   * whatever was focused when the dialog opened.
   */
  onCloseAutoFocus?: (event: Event) => void;
  /** Added to the dialog's panel. */
  className?: string;
}

interface CustomerDialogProps extends CustomerDialogBaseProps {
  consumerName: string;
  customer: Customer | undefined;
}

/** The dialog shell of `CreateCustomerDialog` and `EditCustomerDialog`. Internal. */
export function CustomerDialog(props: CustomerDialogProps) {
  const { consumerName, customer, open, defaultOpen = false, onOpenChange, trigger, onSuccess, onCloseAutoFocus, className } = props;
  const strings = useMessages(consumerName, AREAS);
  const { messages } = strings;
  const overlay = useRootProps(consumerName, strings, "ching-overlay");
  const panel = useRootProps(consumerName, strings, "ching-dialog", className);
  const kind = customer ? "edit" : "create";
  // Asked for while the dialog is still closed, so the create form opens with them filled in.
  useCreateDefaults({ enabled: !customer });

  const [isOpen, setOpenState] = useControllableState({ prop: open, defaultProp: defaultOpen, onChange: onOpenChange, caller: consumerName });
  const confirmId = `ching-discard-${useId()}`;

  // Unsaved edits are not thrown away by a stray Escape or tap outside: the dialog asks first.
  const dirty = useRef(false);
  const [confirming, setConfirming] = useState(false);
  const focusBeforeConfirm = useRef<HTMLElement | null>(null);
  const setOpen = (next: boolean) => {
    if (!next) {
      dirty.current = false;
      setConfirming(false);
    }
    setOpenState(next);
  };
  /** Escape or a pointer outside: closes a clean form; with unsaved edits, asks. */
  const askBeforeDismiss = (event: Event) => {
    if (!dirty.current) return;
    event.preventDefault();
    if (!confirming) {
      focusBeforeConfirm.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setConfirming(true);
    }
  };
  const keepEditing = () => {
    setConfirming(false);
    const target = focusBeforeConfirm.current;
    focusBeforeConfirm.current = null;
    // After the confirmation has gone, back to where the person was typing.
    requestAnimationFrame(() => (target?.isConnected ? target : panelRef.current?.querySelector<HTMLElement>("input"))?.focus());
  };

  // Without a trigger (controlled from outside) Radix has nowhere to return
  // focus to; remember what had it. A layout effect runs before Radix's focus
  // scope moves focus into the dialog.
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  useIsomorphicLayoutEffect(() => {
    if (isOpen && document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
      returnFocusTo.current = document.activeElement;
    }
  }, [isOpen]);

  function restoreFocus(event: Event) {
    if (trigger) return;
    event.preventDefault();
    const target = returnFocusTo.current;
    returnFocusTo.current = null;
    if (target?.isConnected) target.focus();
  }

  return (
    <Dialog.Root open={isOpen} onOpenChange={setOpen}>
      {trigger ? <Dialog.Trigger asChild>{trigger}</Dialog.Trigger> : null}
      <Dialog.Portal>
        {/* The panel sits inside the overlay, which centres it and scrolls it on small screens. */}
        <Dialog.Overlay {...overlay}>
          <Dialog.Content
            {...panel}
            ref={panelRef}
            onEscapeKeyDown={askBeforeDismiss}
            onPointerDownOutside={askBeforeDismiss}
            onOpenAutoFocus={(event) => {
              // Into the first field, not onto the close button that comes first.
              const first = panelRef.current?.querySelector<HTMLElement>("input:not([disabled])");
              if (first) {
                event.preventDefault();
                first.focus();
              }
            }}
            // The merchant's handler first; unless it prevented the default, ours.
            onCloseAutoFocus={(event) => composeEventHandlers(onCloseAutoFocus, restoreFocus)(event)}
          >
            <div className="ching-dialog__header">
              <Dialog.Title className="ching-dialog__title">{messages[`dialog.${kind}.title`]}</Dialog.Title>
              <Dialog.Close className="ching-icon-btn" aria-label={messages["dialog.close"]}>
                <CloseIcon />
              </Dialog.Close>
            </div>
            <Dialog.Description className="ching-dialog__description">
              {messages[`dialog.${kind}.description`]}
            </Dialog.Description>
            <CustomerForm
              customer={customer}
              onDirtyChange={(next) => {
                dirty.current = next;
              }}
              onCancel={() => setOpen(false)}
              onSuccess={(saved) => {
                setOpen(false);
                onSuccess?.(saved);
              }}
            />
            {confirming ? (
              <div
                className="ching-confirm"
                role="group"
                aria-labelledby={`${confirmId}-title`}
                aria-describedby={`${confirmId}-body`}
              >
                <p className="ching-confirm__title" id={`${confirmId}-title`}>
                  {messages["dialog.discard.title"]}
                </p>
                <p className="ching-confirm__body" id={`${confirmId}-body`}>
                  {messages["dialog.discard.body"]}
                </p>
                <div className="ching-confirm__actions">
                  <button type="button" className="ching-btn ching-btn--secondary" onClick={() => setOpen(false)}>
                    {messages["dialog.discard.confirm"]}
                  </button>
                  <button
                    type="button"
                    className="ching-btn ching-btn--primary"
                    onClick={keepEditing}
                    // The safe choice has focus: a second Escape or Enter keeps the edits.
                    autoFocus
                  >
                    {messages["dialog.discard.keep"]}
                  </button>
                </div>
              </div>
            ) : null}
          </Dialog.Content>
        </Dialog.Overlay>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
