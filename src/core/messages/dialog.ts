import type { AreaMessages } from "./area";

const en = {
  "dialog.create.title": "Add billing details",
  "dialog.create.description": "These details appear on your receipts and invoices.",
  "dialog.edit.title": "Edit billing details",
  "dialog.edit.description": "Changes apply to future receipts and invoices.",
  "dialog.discard.title": "Discard your changes?",
  "dialog.discard.body": "What you typed here has not been saved.",
  "dialog.discard.confirm": "Discard changes",
  "dialog.discard.keep": "Keep editing",
} as const;

/** The customer dialogs (CreateCustomerDialog, EditCustomerDialog): titles, descriptions and the discard confirmation. */
export const dialogMessages = {
  en,
  he: {
    "dialog.create.title": "הוספת פרטי חיוב",
    "dialog.create.description": "הפרטים האלה יופיעו בקבלות ובחשבוניות שלכם.",
    "dialog.edit.title": "עריכת פרטי חיוב",
    "dialog.edit.description": "השינויים יחולו על קבלות וחשבוניות עתידיות.",
    "dialog.discard.title": "לבטל את השינויים?",
    "dialog.discard.body": "מה שהקלדתם כאן עדיין לא נשמר.",
    "dialog.discard.confirm": "ביטול השינויים",
    "dialog.discard.keep": "המשך עריכה",
  } satisfies Record<keyof typeof en, string>,
} satisfies AreaMessages;
