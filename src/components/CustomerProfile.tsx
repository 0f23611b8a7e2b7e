import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import { useCustomer } from "../react";
import { ProfileDetails, ProfileSkeleton } from "./ProfileDetails";
import { useMessages } from "./useMessages";
import { useRootProps } from "./useRootProps";
import { isolateLtr } from "./utils/isolateLtr";

const NAME = "CustomerProfile";

// The dialogs bring react-hook-form, Radix and the phone metadata: they load
// when first wanted (or hovered), never with the profile itself.
const loadDialog = {
  edit: () => import("./EditCustomerDialog"),
  create: () => import("./CreateCustomerDialog"),
};
const EditCustomerDialog = lazy(() => loadDialog.edit().then((module) => ({ default: module.EditCustomerDialog })));
const CreateCustomerDialog = lazy(() =>
  loadDialog.create().then((module) => ({ default: module.CreateCustomerDialog })),
);

export interface CustomerProfileProps {
  /** Whose profile: default the signed-in person's own; an id needs your handler's `authorize` to allow it. */
  customerId?: string;
  className?: string;
}

type DialogKind = "edit" | "create";

/**
 * The customer's billing details: name, email, phone, preferred language,
 * tax id and customer-since date, with an Edit button. While loading it shows
 * a skeleton; on failure a message and a retry button; for a person with no
 * customer yet an offer to create one.
 *
 * @example
 * <BillingPortalProvider endpoint="/api/billing">
 *   <CustomerProfile />
 * </BillingPortalProvider>
 */
export function CustomerProfile({ customerId, className }: CustomerProfileProps) {
  const strings = useMessages(NAME);
  const { messages, locale } = strings;
  const root = useRootProps(NAME, strings, "ching-card", "ching-profile", className);
  const titleId = `ching-profile-${useId()}`;
  const { data: customer, error, isPending, isFetching, refetch } = useCustomer(customerId);

  const [openDialog, setOpenDialog] = useState<DialogKind | null>(null);
  // A dialog mounts on first use and then stays, so reopening is instant.
  const [mounted, setMounted] = useState<Record<DialogKind, boolean>>({ edit: false, create: false });
  const [saved, setSaved] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const createRef = useRef<HTMLButtonElement>(null);

  function open(kind: DialogKind) {
    setSaved(false);
    setMounted((current) => (current[kind] ? current : { ...current, [kind]: true }));
    setOpenDialog(kind);
  }

  /** A button that opens a dialog, and starts loading it when hovered or focused. */
  const opener = (kind: DialogKind) => {
    const prefetch = () => {
      loadDialog[kind]().catch(() => undefined); // a failed prefetch is retried by the click
    };
    return {
      type: "button" as const,
      "aria-haspopup": "dialog" as const,
      onClick: () => open(kind),
      onPointerEnter: prefetch,
      onFocus: prefetch,
    };
  };

  /** What both dialogs take: open state, the saved note, and where focus goes on close. */
  const dialogProps = (kind: DialogKind) => ({
    open: openDialog === kind,
    onOpenChange: (next: boolean) => setOpenDialog(next ? kind : null),
    onSuccess: () => setSaved(true),
    // Back to the button that opened the dialog; after a create that button is
    // gone, and Edit takes its place.
    onCloseAutoFocus: (event: Event) => {
      event.preventDefault();
      (createRef.current ?? editRef.current ?? titleRef.current)?.focus();
    },
  });

  // After a retry succeeds the retry button is gone: focus the heading rather than lose it.
  const retrying = useRef(false);
  useEffect(() => {
    if (retrying.current && !isFetching) {
      retrying.current = false;
      if (document.activeElement === document.body) titleRef.current?.focus();
    }
  }, [isFetching]);

  const busy = isPending || (Boolean(error) && isFetching);

  let body;
  if (customer) {
    body = <ProfileDetails customer={customer} locale={locale} messages={messages} />;
  } else if (isPending) {
    body = <ProfileSkeleton />;
  } else if (error) {
    body = (
      <div className="ching-problem">
        <p className="ching-problem__text" role="alert">
          {isolateLtr(messages["profile.error"])}
        </p>
        <button
          type="button"
          className="ching-btn ching-btn--secondary"
          aria-disabled={isFetching || undefined}
          onClick={() => {
            if (isFetching) return;
            retrying.current = true;
            void refetch();
          }}
        >
          {messages["profile.retry"]}
        </button>
      </div>
    );
  } else {
    body = (
      <div className="ching-empty">
        <p className="ching-empty__title">{messages["profile.noCustomer.title"]}</p>
        <p className="ching-empty__text">{isolateLtr(messages["profile.noCustomer.body"])}</p>
        <button ref={createRef} className="ching-btn ching-btn--primary" {...opener("create")}>
          {messages["profile.noCustomer.create"]}
        </button>
      </div>
    );
  }

  const dialogLoading = <span className="ching-visually-hidden">{messages["dialog.loading"]}</span>;

  return (
    <section {...root} aria-labelledby={titleId} aria-busy={busy || undefined}>
      <header className="ching-card__header">
        <h2 className="ching-title" id={titleId} ref={titleRef} tabIndex={-1}>
          {messages["profile.title"]}
        </h2>
        {customer ? (
          <button ref={editRef} className="ching-btn ching-btn--secondary" {...opener("edit")}>
            {messages["profile.edit"]}
          </button>
        ) : null}
      </header>

      {body}

      <p className="ching-visually-hidden" role="status">
        {busy ? messages["profile.loading"] : saved ? messages["form.saved"] : null}
      </p>

      {mounted.edit && customer ? (
        <Suspense fallback={dialogLoading}>
          <EditCustomerDialog customer={customer} {...dialogProps("edit")} />
        </Suspense>
      ) : null}
      {mounted.create ? (
        <Suspense fallback={dialogLoading}>
          <CreateCustomerDialog {...dialogProps("create")} />
        </Suspense>
      ) : null}
    </section>
  );
}
