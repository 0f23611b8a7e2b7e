import type { AreaMessages } from "./area";

const en = {
  "portal.manage": "Manage billing",
  "portal.opening": "Opening the billing portal…",
  "portal.error": "We couldn't open the billing portal. Please try again.",
} as const;

/** The hand-off to Ching's hosted portal (ManageBillingButton). */
export const portalMessages = {
  en,
  he: {
    "portal.manage": "ניהול החיוב",
    "portal.opening": "פותח את פורטל החיוב…",
    "portal.error": "לא הצלחנו לפתוח את פורטל החיוב. נסו שוב.",
  } satisfies Record<keyof typeof en, string>,
} satisfies AreaMessages;
