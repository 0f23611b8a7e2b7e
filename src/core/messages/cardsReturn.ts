import type { AreaMessages } from "./area";

const en = {
  "cards.return.checking": "Checking your new card…",
  "cards.return.succeeded": "Card •••• {last4} added.",
  "cards.return.succeededNoCard": "Your card was added.",
  "cards.return.canceled": "Adding a card was canceled. No card was saved.",
  "cards.return.failed": "The card couldn't be added. Try again or use another card.",
  "cards.return.expired": "The add-card page expired before the card was saved. Please start again.",
  "cards.return.timeout": "We're still confirming your card. Refresh the page in a moment to see it.",
  "cards.return.dismiss": "Dismiss",
} as const;

/** The return from the hosted add-card page (PaymentMethods, loaded only on such a return). */
export const cardsReturnMessages = {
  en,
  he: {
    "cards.return.checking": "בודק את הכרטיס החדש…",
    "cards.return.succeeded": "הכרטיס •••• {last4} נוסף.",
    "cards.return.succeededNoCard": "הכרטיס נוסף.",
    "cards.return.canceled": "הוספת הכרטיס בוטלה. לא נשמר כרטיס.",
    "cards.return.failed": "לא הצלחנו להוסיף את הכרטיס. נסו שוב או השתמשו בכרטיס אחר.",
    "cards.return.expired": "תוקף דף הוספת הכרטיס פג לפני שהכרטיס נשמר. נא להתחיל מחדש.",
    "cards.return.timeout": "אנחנו עדיין מאשרים את הכרטיס. רעננו את הדף בעוד רגע כדי לראות אותו.",
    "cards.return.dismiss": "סגירה",
  } satisfies Record<keyof typeof en, string>,
} satisfies AreaMessages;
