import type { AreaMessages } from "./area";

const en = {
  "page.label": "Billing",
  "page.loading": "Loading…",
  "page.manage.title": "Subscriptions and invoices",
  "page.manage.body": "Change your plan, cancel a subscription or download any invoice in Ching's billing portal.",
} as const;

/** The drop-in page (BillingPage): its landmark, loading text and the manage section. */
export const pageMessages = {
  en,
  he: {
    "page.label": "חיוב",
    "page.loading": "טוען…",
    "page.manage.title": "מינויים וחשבוניות",
    "page.manage.body": "שינוי מסלול, ביטול מינוי והורדת כל חשבונית נמצאים בפורטל החיוב של Ching.",
  } satisfies Record<keyof typeof en, string>,
} satisfies AreaMessages;
