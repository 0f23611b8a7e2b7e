import type { Locale } from "../locales";
import { en, type MessageKey, type Messages } from "./en";
import { he } from "./he";

export type { MessageKey, Messages };
export { en, he };

/** Per-locale partial overrides, as the provider's `messages` prop takes them. */
export type MessageOverrides = Partial<Record<Locale, Partial<Messages>>>;

export const catalogs: Record<Locale, Messages> = { he, en };

/** The catalog of `locale` with the merchant's overrides laid over it. */
export function messagesFor(locale: Locale, overrides?: MessageOverrides): Messages {
  const own = overrides?.[locale];
  return own ? { ...catalogs[locale], ...own } : catalogs[locale];
}
