import type { AreaMessages } from "./area";

// Strings more than one component shows, each in an area of its own, so that
// every component loads only those it shows.

const loading = { "dialog.loading": "Opening…" } as const;
/** The text a lazy part shows while it loads (CustomerProfile's dialogs, PaymentMethods' confirm dialog). */
export const loadingMessages = {
  en: loading,
  he: { "dialog.loading": "פותח…" } satisfies Record<keyof typeof loading, string>,
} satisfies AreaMessages;

const saved = { "form.saved": "Your details were saved." } as const;
/** The saved notice (CustomerForm, and CustomerProfile once its dialog has closed). */
export const savedMessages = {
  en: saved,
  he: { "form.saved": "הפרטים נשמרו." } satisfies Record<keyof typeof saved, string>,
} satisfies AreaMessages;

const close = { "dialog.close": "Close" } as const;
/** A dialog's Close button (the customer dialogs, PaymentMethods' confirm dialog). */
export const closeMessages = {
  en: close,
  he: { "dialog.close": "סגירה" } satisfies Record<keyof typeof close, string>,
} satisfies AreaMessages;
