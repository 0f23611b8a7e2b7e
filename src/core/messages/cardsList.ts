import type { AreaMessages } from "./area";

const en = {
  "cards.list": "Saved cards",
  "cards.brand.visa": "Visa",
  "cards.brand.mastercard": "Mastercard",
  "cards.brand.amex": "American Express",
  "cards.brand.diners": "Diners Club",
  "cards.brand.isracard": "Isracard",
  "cards.brand.other": "Card",
  "cards.expires": "Expires {expiry}",
  "cards.expiredOn": "Expired {expiry}",
  "cards.name": "{brand} ending {last4}, expires {expiry}",
  "cards.name.expired": "{brand} ending {last4}, expired {expiry}",
  "cards.name.default": "default",
  "cards.badge.default": "Default",
  "cards.badge.expired": "Expired",
  "cards.remove": "Remove",
} as const;

/**
 * The saved cards' rows (PaymentMethods' list, loaded with the cards): brand names, expiry,
 * the row's accessible name, the badges and Remove. The confirm dialog names the card with them.
 */
export const cardsListMessages = {
  en,
  he: {
    "cards.list": "כרטיסים שמורים",
    "cards.brand.visa": "ויזה",
    "cards.brand.mastercard": "מאסטרקארד",
    "cards.brand.amex": "אמריקן אקספרס",
    "cards.brand.diners": "דיינרס",
    "cards.brand.isracard": "ישראכרט",
    "cards.brand.other": "כרטיס",
    "cards.expires": "בתוקף עד {expiry}",
    "cards.expiredOn": "פג תוקף ב־{expiry}",
    "cards.name": "{brand} שמסתיים ב־{last4}, בתוקף עד {expiry}",
    "cards.name.expired": "{brand} שמסתיים ב־{last4}, פג תוקף ב־{expiry}",
    "cards.name.default": "ברירת מחדל",
    "cards.badge.default": "ברירת מחדל",
    "cards.badge.expired": "פג תוקף",
    "cards.remove": "הסרה",
  } satisfies Record<keyof typeof en, string>,
} satisfies AreaMessages;
