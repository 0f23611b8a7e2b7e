import type { AreaMessages } from "./area";

const en = {
  "form.saved": "Your details were saved.",
  "dialog.close": "Close",
  "dialog.loading": "Opening…",
} as const;

/** Strings more than one component shows: the lazy parts' loading text, a dialog's Close, the saved notice (CustomerProfile and CustomerForm). */
export const sharedMessages = {
  en,
  he: {
    "form.saved": "הפרטים נשמרו.",
    "dialog.close": "סגירה",
    "dialog.loading": "פותח…",
  } satisfies Record<keyof typeof en, string>,
} satisfies AreaMessages;
