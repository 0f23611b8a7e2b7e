import type { AreaMessages } from "./area";

const en = {
  "cards.ending": "{brand} ending {last4}",
  "cards.removing": "Removing the card…",
  "cards.removed": "Card •••• {last4} removed.",
  "cards.remove.error": "We couldn't remove this card. Please try again.",
  "cards.remove.inUse": "This card is in use (for example by an active subscription or a pending payment), so it can't be removed now. Add another card first, or contact us.",
  "cards.confirm.title": "Remove this card?",
  "cards.confirm.body": "{card} will be removed from your account. You can add it again later.",
  "cards.confirm.default": "This is your default card: renewals and future payments will need another card.",
  "cards.confirm.cancel": "Cancel",
  "cards.confirm.remove": "Remove card",
} as const;

/** Removing a card (PaymentMethods' confirm dialog, loaded on first use): the confirmation and how the removal went. */
export const cardsRemoveMessages = {
  en,
  he: {
    "cards.ending": "{brand} שמסתיים ב־{last4}",
    "cards.removing": "מסיר את הכרטיס…",
    "cards.removed": "הכרטיס •••• {last4} הוסר.",
    "cards.remove.error": "לא הצלחנו להסיר את הכרטיס. נסו שוב.",
    "cards.remove.inUse": "הכרטיס הזה בשימוש (למשל במנוי פעיל או בתשלום שממתין), ולכן אי אפשר להסיר אותו כרגע. הוסיפו קודם כרטיס אחר, או פנו אלינו.",
    "cards.confirm.title": "להסיר את הכרטיס?",
    "cards.confirm.body": "{card} יוסר מהחשבון שלכם. אפשר להוסיף אותו שוב בהמשך.",
    "cards.confirm.default": "זה כרטיס ברירת המחדל שלכם: לחידושים ולתשלומים הבאים יידרש כרטיס אחר.",
    "cards.confirm.cancel": "ביטול",
    "cards.confirm.remove": "הסרת הכרטיס",
  } satisfies Record<keyof typeof en, string>,
} satisfies AreaMessages;
