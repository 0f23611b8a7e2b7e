/** The locales of Ching's customer-facing pages, and of this library's UI. */
export const locales = ["he", "en"] as const;
export type Locale = (typeof locales)[number];
