import { lazy, Suspense, useId, useRef, useState } from "react";
import { profileMessages } from "../core/messages/profile";
import { loadingMessages, savedMessages } from "../core/messages/shared";
import { useCreateDefaults, useCustomer } from "../react";
import { SuccessIcon } from "./icons";
import { LoadError } from "./LoadError";
import { ProfileDetails, ProfileSkeleton } from "./ProfileDetails";
import { useMessages } from "./useMessages";
import { useRootProps } from "./useRootProps";
import { isolateLtr } from "./utils/isolateLtr";

const NAME = "CustomerProfile";
const AREAS = [loadingMessages, savedMessages, profileMessages] as const;

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

/** A heading level: `2` is `<h2>`. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface CustomerProfileProps {
  /** Whose profile: default the signed-in person's own; an id needs your handler's `authorize` to allow it. */
  customerId?: string;
  /**
   * The level of the profile's title in your page's outline; the empty
   * state's title is one level below it. Default `2`.
   * @example <CustomerProfile headingLevel={3} />
   */
  headingLevel?: HeadingLevel;
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
export function CustomerProfile({ customerId, headingLevel = 2, className }: CustomerProfileProps) {
  const Title = `h${headingLevel}` as const;
  const SubTitle = `h${Math.min(headingLevel + 1, 6) as HeadingLevel}` as const;
  const strings = useMessages(NAME, AREAS);
  const { messages, locale } = strings;
  const root = useRootProps(NAME, strings, "ching-card", "ching-profile", className);
  const titleId = `ching-profile-${useId()}`;
  const { data: customer, error, isPending, isFetching, refetch } = useCustomer(customerId);
  // No customer yet: what the create form will start from is asked for now, so it opens filled in.
  useCreateDefaults({ enabled: customer === null });

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

  const busy = isPending || (Boolean(error) && isFetching);

  let body;
  if (customer) {
    body = <ProfileDetails customer={customer} locale={locale} messages={messages} />;
  } else if (isPending) {
    body = <ProfileSkeleton />;
  } else if (error) {
    body = (
      <LoadError
        message={messages["profile.error"]}
        retryLabel={messages["profile.retry"]}
        isFetching={isFetching}
        onRetry={() => void refetch()}
        focusAfterRecovery={titleRef}
      />
    );
  } else {
    body = (
      <div className="ching-empty">
        <SubTitle className="ching-empty__title">{messages["profile.noCustomer.title"]}</SubTitle>
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
        <Title className="ching-title" id={titleId} ref={titleRef} tabIndex={-1}>
          {messages["profile.title"]}
        </Title>
        {customer ? (
          <button ref={editRef} className="ching-btn ching-btn--secondary" {...opener("edit")}>
            {messages["profile.edit"]}
          </button>
        ) : isPending ? (
          // Where the Edit button will be, so the header does not grow when it comes.
          <span className="ching-skeleton ching-skeleton--button" aria-hidden="true" />
        ) : null}
      </header>

      {/* Seen and heard: after a save the dialog is gone, and this says it worked. */}
      <div className={saved && !busy ? "ching-notice" : "ching-visually-hidden"} role="status">
        {busy ? (
          messages["profile.loading"]
        ) : saved ? (
          <>
            <SuccessIcon />
            <span>{messages["form.saved"]}</span>
          </>
        ) : null}
      </div>

      {body}

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
