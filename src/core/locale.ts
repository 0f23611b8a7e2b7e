// Not from ./customer: that module builds the zod schemas, which the profile's first load must not carry.
import { locales, type Locale } from "./locales";

/** Writing direction of a locale: Hebrew is right to left. */
export type Direction = "rtl" | "ltr";

const DEFAULT_LOCALE: Locale = "he";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): Direction {
  return locale === "he" ? "rtl" : "ltr";
}

/**
 * The UI's locale: the one the merchant chose, else the customer's own
 * preferred locale, else Hebrew.
 */
export function resolveLocale(chosen: Locale | undefined, customerLocale: string | null | undefined): Locale {
  if (chosen !== undefined) return chosen;
  return isLocale(customerLocale) ? customerLocale : DEFAULT_LOCALE;
}
