import type { AreaMessages } from "./area";

const en = {
  "cards.title": "Payment methods",
  "cards.loading": "Loading your cards…",
  "cards.error": "We couldn't load your cards.",
  "cards.retry": "Try again",
  "cards.empty.title": "No saved cards",
  "cards.empty.body": "Add a card to pay faster and to keep renewals going.",
  "cards.add": "Add card",
  "cards.add.test": "Add test card",
  "cards.add.starting": "Opening…",
  "cards.add.error": "We couldn't open the add-card page. Please try again.",
} as const;

/**
 * The saved cards (PaymentMethods) on first load: the heading, the loading, empty and error
 * states, Add card. The rows' strings come with the rows (./cardsList.ts).
 */
export const cardsMessages = {
  en,
  he: {
    "cards.title": "אמצעי תשלום",
    "cards.loading": "טוען את הכרטיסים שלכם…",
    "cards.error": "לא הצלחנו לטעון את הכרטיסים שלכם.",
    "cards.retry": "נסו שוב",
    "cards.empty.title": "אין כרטיסים שמורים",
    "cards.empty.body": "הוסיפו כרטיס כדי לשלם מהר יותר ולהמשיך את החידושים בלי הפסקה.",
    "cards.add": "הוספת כרטיס",
    "cards.add.test": "הוספת כרטיס בדיקה",
    "cards.add.starting": "פותח…",
    "cards.add.error": "לא הצלחנו לפתוח את דף הוספת הכרטיס. נסו שוב.",
  } satisfies Record<keyof typeof en, string>,
} satisfies AreaMessages;
