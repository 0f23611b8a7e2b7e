import type { AreaMessages } from "./area";

const en = {
/** English strings. Every string a person reads comes from this catalog or `he`. */
  "profile.title": "Billing details",
  "profile.loading": "Loading billing details…",
  "profile.name": "Name",
  "profile.email": "Email",
  "profile.phone": "Phone",
  "profile.locale": "Preferred language",
  "profile.taxId": "Tax ID",
  "profile.created": "Customer since",
  "profile.empty": "Not set",
  "profile.edit": "Edit",
  "profile.retry": "Try again",
  "profile.error": "We couldn't load your billing details.",
  "profile.noCustomer.title": "No billing details yet",
  "profile.noCustomer.body": "Add your details to start paying and receiving receipts.",
  "profile.noCustomer.create": "Add billing details",
  "locale.he": "Hebrew",
  "locale.en": "English",
} as const;

/** The profile (CustomerProfile): its details, states and actions, and the language names it shows. */
export const profileMessages = {
  en,
  he: {
    "profile.title": "פרטי חיוב",
    "profile.loading": "טוען את פרטי החיוב…",
    "profile.name": "שם",
    "profile.email": "דוא״ל",
    "profile.phone": "טלפון",
    "profile.locale": "שפה מועדפת",
    "profile.taxId": "מספר עוסק / ח״פ",
    "profile.created": "לקוח מאז",
    "profile.empty": "לא הוגדר",
    "profile.edit": "עריכה",
    "profile.retry": "נסו שוב",
    "profile.error": "לא הצלחנו לטעון את פרטי החיוב.",
    "profile.noCustomer.title": "עדיין אין פרטי חיוב",
    "profile.noCustomer.body": "הוסיפו את הפרטים שלכם כדי לשלם ולקבל קבלות.",
    "profile.noCustomer.create": "הוספת פרטי חיוב",
    "locale.he": "עברית",
    "locale.en": "אנגלית",
  } satisfies Record<keyof typeof en, string>,
} satisfies AreaMessages;
