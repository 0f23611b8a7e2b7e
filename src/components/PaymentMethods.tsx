import { lazy, Suspense, useId, useRef, useState, useSyncExternalStore, type ComponentType, type RefObject } from "react";
import type { PaymentMethod } from "../core/billing";
import type { Customer } from "../core/customer";
import { cardsMessages } from "../core/messages/cards";
import { loadingMessages } from "../core/messages/shared";
import { usePaymentMethods, type UseAddPaymentMethodOptions } from "../react";
import { assignLocation, dismissSetupReturn, maySetupReturn, useBillingPortalContext, useCustomerSelect } from "../react/internal";
import type { ReturnNotice } from "./AddCardFlow";
import type { FocusTarget } from "./RemoveCardDialog";
import { LoadError } from "./LoadError";
import { loadedPaymentMethodList, loadPaymentMethodList } from "./loadPaymentMethodList";
import type { PaymentMethodListProps } from "./PaymentMethodList";
import { useMessages } from "./useMessages";
import { useRootProps } from "./useRootProps";
import { useIsomorphicLayoutEffect } from "./utils/useIsomorphicLayoutEffect";

const NAME = "PaymentMethods";
const AREAS = [loadingMessages, cardsMessages] as const;
const isTestCustomer = (customer: Customer | null) => customer?.livemode === false;

// What only a click or a return from the hosted page needs loads then, not with the list (a
// failed prefetch is retried by the click):
// - the confirm dialog, with Radix and the removal itself, when a Remove button is hovered,
//   focused or pressed;
// - the add-card flow: the start when Add card is hovered, focused or pressed, the polling
//   only after a return from the hosted page.
const loadDialog = () => import("./RemoveCardDialog");
const RemoveCardDialog = lazy(() => loadDialog().then((module) => ({ default: module.RemoveCardDialog })));
const loadAddCard = () => import("./AddCardFlow");
const SetupReturnWatch = lazy(() => loadAddCard().then((module) => ({ default: module.SetupReturnWatch })));
// The URL and the cache are read on each render: nothing to subscribe to.
const noSubscription = () => () => undefined;
const notReturning = () => false;
const prefetch = (load: () => Promise<unknown>) => () => {
  load().catch(() => undefined);
};

// The rows (brand marks, expiry, badges, Remove, their strings) are a chunk of their own, asked for
// as the list first renders, alongside the cards: the first load is the frame. Once it is in, the
// lazy answers at once (a thenable that calls back synchronously), so the rows replace the
// skeleton in the render that brings the cards, also on the server, and a page hydrating rows the
// server rendered waits for the chunk instead of mismatching. A chunk that failed to arrive is the
// list's error, with Retry.
interface ListProps extends PaymentMethodListProps {
  reload: () => void;
  /** Where focus goes once a retry brought the rows. */
  titleRef: RefObject<HTMLHeadingElement | null>;
}
const lazyList = () =>
  lazy<ComponentType<ListProps>>(() => {
    const list = loadedPaymentMethodList;
    return list
      ? ({ then: (resolve: (module: { default: typeof list }) => void) => resolve({ default: list }) } as unknown as Promise<{ default: typeof list }>)
      : loadPaymentMethodList().then(
          (loaded) => ({ default: loaded }),
          () => ({ default: ListFailed }),
        );
  });
let List = lazyList();

function ListFailed({ reload, titleRef }: ListProps) {
  const { messages } = useMessages(NAME, AREAS);
  return (
    <LoadError
      message={messages["cards.error"]}
      retryLabel={messages["cards.retry"]}
      isFetching={false}
      onRetry={() => {
        List = lazyList();
        reload();
      }}
      focusAfterRecovery={titleRef}
    />
  );
}

/** The skeleton's rows, of the rows' height. */
const skeleton = (
  <ul className="ching-pm-list" aria-hidden="true">
    {[0, 1].map((row) => (
      <li key={row} className="ching-pm ching-pm--skeleton">
        <div className="ching-pm__main">
          <span className="ching-brand-mark ching-skeleton" />
          <div className="ching-pm__text">
            <span className="ching-skeleton ching-skeleton--value" />
            <span className="ching-skeleton" />
          </div>
        </div>
      </li>
    ))}
  </ul>
);

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
  const { client, queryClient } = useBillingPortalContext(NAME);
  const baseId = `ching-cards-${useId()}`;
  const rowId = (method: PaymentMethod) => `${baseId}-${method.id}`;
  const titleId = `${baseId}-title`;
  const addId = `${baseId}-add`;
  const addErrorId = `${addId}-error`;
  const Heading = `h${headingLevel}` as const;

  const { data: cards, error, isPending, isFetching, refetch } = usePaymentMethods();
  // Only whether the customer is a test one: their new name does not re-render the cards.
  const testMode = useCustomerSelect(NAME, isTestCustomer) === true;
  // The rows' chunk is asked for with the cards, once per mount (a server loads it as the module loads).
  useState(prefetch(loadPaymentMethodList));
  const [, setAttempt] = useState(0);

  const [confirming, setConfirming] = useState<PaymentMethod | null>(null);
  const [dialogMounted, setDialogMounted] = useState(false);
  const [failed, setFailed] = useState<{ id: string; reason: string } | null>(null);
  const [starting, setStarting] = useState(false);
  const [addFailed, setAddFailed] = useState(false);
  // Whether the page may be a return from the hosted page: only then is the reading of the return
  // loaded, with its polling. The server cannot tell, so it is known right after hydration; it ends
  // with the return (Dismiss, or Add card), and so does its notice.
  const returning = useSyncExternalStore(noSubscription, () => maySetupReturn(queryClient), notReturning);
  const [notice, setNotice] = useState<ReturnNotice | null>(null);
  const shown = returning ? notice : null;
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  // Focus is moved after the render that shows its target (a row that came
  // back, the new card, the row after a removed one): the element of that id.
  const pendingFocus = useRef<FocusTarget | null>(null);
  const applyFocus = () => {
    const element = pendingFocus.current && document.getElementById(pendingFocus.current);
    if (element) {
      pendingFocus.current = null;
      element.focus();
    }
  };
  useIsomorphicLayoutEffect(applyFocus);

  const focusAfterRender = (target: FocusTarget) => {
    pendingFocus.current = target;
    applyFocus();
  };

  /** Add card: to the hosted page, in this tab, from the click (the flow's code loads first if it has not yet). */
  const startAdd = () => {
    if (starting) return;
    if (returning) dismissSetupReturn(queryClient);
    setAddFailed(false);
    setStarting(true);
    loadAddCard()
      .then((flow) => flow.startAddCard(client, addOptions?.navigate ?? assignLocation))
      .catch(() => setAddFailed(true))
      .finally(() => setStarting(false));
  };

  const busy = isPending || (Boolean(error) && isFetching);

  let body;
  if (cards && cards.length > 0) {
    body = (
      <Suspense fallback={skeleton}>
        <List
          cards={cards}
          rowId={rowId}
          failed={failed}
          onRemove={
            allowRemove
              ? (target) => {
                  setFailed(null);
                  setDialogMounted(true);
                  setConfirming(target);
                }
              : undefined
          }
          onPrefetch={allowRemove ? prefetch(loadDialog) : undefined}
          reload={() => setAttempt((attempt) => attempt + 1)}
          titleRef={titleRef}
        />
      </Suspense>
    );
  } else if (cards) {
    body = (
      <div className="ching-empty ching-cards__empty">
        <p className="ching-empty__title">{messages["cards.empty.title"]}</p>
        <p className="ching-empty__text">{messages["cards.empty.body"]}</p>
      </div>
    );
  } else if (isPending) {
    body = skeleton;
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

  return (
    <section {...root} aria-labelledby={titleId} aria-busy={busy || undefined}>
      <header className="ching-card__header">
        <Heading className="ching-title" id={titleId} ref={titleRef} tabIndex={-1}>
          {messages["cards.title"]}
        </Heading>
      </header>

      {/* The live region is there from the first render: a message that fills it is announced. The
          return's watch adds Dismiss, and focuses the new card. */}
      <div className="ching-setup-notice" data-tone={shown?.tone}>
        <p className="ching-setup-notice__text" role="status">
          {shown?.text}
        </p>
        {returning ? (
          <Suspense fallback={null}>
            <SetupReturnWatch options={addOptions} onNotice={setNotice} focusAfterRender={focusAfterRender} rowId={rowId} addId={addId} />
          </Suspense>
        ) : null}
      </div>

      {body}

      {cards || !error ? (
        <div className="ching-cards__footer">
          <button
            id={addId}
            type="button"
            className={cards?.length === 0 ? "ching-btn ching-btn--primary" : "ching-btn ching-btn--secondary"}
            aria-disabled={starting || undefined}
            aria-describedby={addFailed ? addErrorId : undefined}
            onClick={startAdd}
            onPointerEnter={prefetch(loadAddCard)}
            onFocus={prefetch(loadAddCard)}
          >
            {starting ? messages["cards.add.starting"] : messages[testMode ? "cards.add.test" : "cards.add"]}
          </button>
          <p className="ching-error" id={addErrorId} role="alert">
            {addFailed ? messages["cards.add.error"] : null}
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
            cards={cards ?? []}
            rowId={rowId}
            addId={addId}
            onClose={() => setConfirming(null)}
            onAnnounce={setAnnouncement}
            onFailed={setFailed}
            focusAfterRender={focusAfterRender}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
