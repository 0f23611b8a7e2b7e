import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import type { PaymentMethod } from "../core/billing";
import { cardsMessages } from "../core/messages/cards";
import { cardsRemoveMessages } from "../core/messages/cardsRemove";
import { cardsReturnMessages } from "../core/messages/cardsReturn";
import { sharedMessages } from "../core/messages/shared";
import { useAddPaymentMethod, useCustomer, usePaymentMethods, useRemovePaymentMethod, type UseAddPaymentMethodOptions } from "../react";
import { LoadError } from "./LoadError";
import { PaymentMethodRow, PaymentMethodSkeleton } from "./PaymentMethodRow";
import { SetupReturnNotice } from "./SetupReturnNotice";
import { useMessages } from "./useMessages";
import { useRootProps } from "./useRootProps";
import { isCardInUse, isExpired } from "./utils/cardText";
import { formatMessage } from "./utils/formatMessage";
import { useIsomorphicLayoutEffect } from "./utils/useIsomorphicLayoutEffect";
import { useMonthNow } from "./utils/useMonthNow";

const NAME = "PaymentMethods";
const AREAS = [sharedMessages, cardsMessages, cardsRemoveMessages, cardsReturnMessages] as const;

// The confirm dialog brings Radix: it loads when first wanted (or a Remove button is hovered or focused).
const loadDialog = () => import("./RemoveCardDialog");
const RemoveCardDialog = lazy(() => loadDialog().then((module) => ({ default: module.RemoveCardDialog })));
const prefetchDialog = () => {
  loadDialog().catch(() => undefined); // a failed prefetch is retried by the click
};

/** Props of `PaymentMethods`. */
export interface PaymentMethodsProps {
  /** Offer a Remove button on each card. Default `true`; your handler's `allowRemovePaymentMethods` is the real switch. */
  allowRemove?: boolean;
  /** The level of the section's heading, to fit your page's outline. Default `2`. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Options of the add-card flow (`useAddPaymentMethod`): polling after the return, and how to go to the hosted page. */
  addOptions?: UseAddPaymentMethodOptions;
  /** Added to the root `<section>`, next to `ching-root ching-card ching-cards`. */
  className?: string;
}

/** Where focus goes once the list has re-rendered. */
type FocusTarget = { row: string } | { remove: string } | "add"; // row ids

/**
 * The signed-in person's saved cards: brand, `•••• 4242`, expiry, Default and
 * Expired badges, a Remove button with a confirm dialog, and Add card, which
 * goes to Ching's hosted add-card page in the same tab. On the way back it
 * says how it went ("Card •••• 4242 added") and focuses the new card. There is
 * no way to change the default card (Ching offers none).
 *
 * @example
 * <BillingPortalProvider endpoint="/api/billing">
 *   <PaymentMethods headingLevel={2} />
 * </BillingPortalProvider>
 */
export function PaymentMethods({ allowRemove = true, headingLevel = 2, addOptions, className }: PaymentMethodsProps) {
  const strings = useMessages(NAME, AREAS);
  const { messages } = strings;
  const root = useRootProps(NAME, strings, "ching-card", "ching-cards", className);
  const baseId = `ching-cards-${useId()}`;
  const rowId = (method: PaymentMethod) => `${baseId}-${method.id}`;
  const titleId = `${baseId}-title`;
  const addErrorId = `${baseId}-add-error`;
  const Heading = `h${headingLevel}` as const;

  const { data: cards, error, isPending, isFetching, refetch } = usePaymentMethods();
  const { data: customer } = useCustomer();
  const add = useAddPaymentMethod(addOptions);
  const remove = useRemovePaymentMethod();
  const month = useMonthNow();

  const [confirming, setConfirming] = useState<PaymentMethod | null>(null);
  const [dialogMounted, setDialogMounted] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  // Focus is moved after the render that shows its target (a row that came
  // back, the new card, the row after a removed one).
  const pendingFocus = useRef<FocusTarget | null>(null);
  const applyFocus = () => {
    const target = pendingFocus.current;
    if (!target) return;
    const element =
      target === "add"
        ? addRef.current
        : "row" in target
          ? document.getElementById(target.row)
          : document.getElementById(`${target.remove}-remove`);
    if (element) {
      pendingFocus.current = null;
      element.focus();
    }
  };
  useIsomorphicLayoutEffect(applyFocus);

  /** The row after `method` (else the one before), else Add card: where focus goes once it is gone. */
  const afterRemoval = (method: PaymentMethod): FocusTarget => {
    const list = cards ?? [];
    const index = list.findIndex((card) => card.id === method.id);
    const next = list[index + 1] ?? list[index - 1];
    return next ? { row: rowId(next) } : "add";
  };

  const lastOpened = useRef<string | null>(null);
  const removing = useRef<{ method: PaymentMethod; focus: FocusTarget } | null>(null);
  const confirm = (method: PaymentMethod) => {
    removing.current = { method, focus: afterRemoval(method) };
    setAnnouncement(messages["cards.removing"]);
    remove.mutate(method.id, {
      onSuccess: () => setAnnouncement(formatMessage(messages["cards.removed"], { last4: method.card.last4 })),
      onError: () => {
        setAnnouncement(null);
        removing.current = null;
        // The card is back: so is focus, on its Remove button, which the message describes.
        pendingFocus.current = { remove: rowId(method) };
      },
    });
    setConfirming(null);
  };

  // After a return from the hosted page the new card is focused, once.
  const returned = add.returned;
  const added = returned?.status === "succeeded" ? returned.paymentMethod : null;
  const focusedAdded = useRef<string | null>(null);
  useEffect(() => {
    if (added && focusedAdded.current !== added.id) {
      focusedAdded.current = added.id;
      pendingFocus.current = { row: rowId(added) };
      applyFocus();
    }
  });

  const failedId = remove.isError ? remove.variables : undefined;
  const removeError = isCardInUse(remove.error) ? messages["cards.remove.inUse"] : messages["cards.remove.error"];
  const busy = isPending || (Boolean(error) && isFetching);

  let body;
  if (cards && cards.length > 0) {
    body = (
      <ul className="ching-pm-list" aria-label={messages["cards.list"]}>
        {cards.map((method) => (
          <PaymentMethodRow
            key={method.id}
            id={rowId(method)}
            method={method}
            messages={messages}
            expired={isExpired(method.card, month)}
            error={failedId === method.id ? removeError : null}
            onRemove={
              allowRemove
                ? (target) => {
                    remove.reset();
                    lastOpened.current = rowId(target);
                    setDialogMounted(true);
                    setConfirming(target);
                  }
                : undefined
            }
            onPrefetch={allowRemove ? prefetchDialog : undefined}
          />
        ))}
      </ul>
    );
  } else if (cards) {
    body = (
      <div className="ching-empty ching-cards__empty">
        <p className="ching-empty__title">{messages["cards.empty.title"]}</p>
        <p className="ching-empty__text">{messages["cards.empty.body"]}</p>
      </div>
    );
  } else if (isPending) {
    body = (
      <ul className="ching-pm-list" aria-hidden="true">
        <PaymentMethodSkeleton />
        <PaymentMethodSkeleton />
      </ul>
    );
  } else {
    body = (
      <LoadError
        message={messages["cards.error"]}
        retryLabel={messages["cards.retry"]}
        isFetching={isFetching}
        onRetry={() => void refetch()}
        focusAfterRecovery={titleRef}
      />
    );
  }

  const testMode = customer?.livemode === false;

  return (
    <section {...root} aria-labelledby={titleId} aria-busy={busy || undefined}>
      <header className="ching-card__header">
        <Heading className="ching-title" id={titleId} ref={titleRef} tabIndex={-1}>
          {messages["cards.title"]}
        </Heading>
      </header>

      <SetupReturnNotice returned={returned} messages={messages} onDismiss={() => addRef.current?.focus()} />

      {body}

      {cards || !error ? (
        <div className="ching-cards__footer">
          <button
            ref={addRef}
            type="button"
            className={cards?.length === 0 ? "ching-btn ching-btn--primary" : "ching-btn ching-btn--secondary"}
            aria-disabled={add.isStarting || undefined}
            aria-describedby={add.error ? addErrorId : undefined}
            onClick={() => {
              if (add.isStarting) return;
              returned?.dismiss();
              add.start();
            }}
          >
            {add.isStarting ? messages["cards.add.starting"] : messages[testMode ? "cards.add.test" : "cards.add"]}
          </button>
          <p className="ching-error" id={addErrorId} role="alert">
            {add.error ? messages["cards.add.error"] : null}
          </p>
        </div>
      ) : null}

      <p className="ching-visually-hidden" role="status">
        {busy ? messages["cards.loading"] : announcement}
      </p>

      {dialogMounted ? (
        <Suspense fallback={<span className="ching-visually-hidden">{messages["dialog.loading"]}</span>}>
          <RemoveCardDialog
            method={confirming}
            onOpenChange={(open) => {
              if (!open) setConfirming(null);
            }}
            onConfirm={confirm}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              // Removed: on to the next card. Cancelled: back to the Remove button that opened it.
              // (A removal that already failed has put focus on its Remove button.)
              if (removing.current) pendingFocus.current = removing.current.focus;
              else if (!pendingFocus.current && lastOpened.current) pendingFocus.current = { remove: lastOpened.current };
              removing.current = null;
              applyFocus();
            }}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
