import type { Locale } from "../locales";
import type { AreaKey, AreaMessages } from "./area";
import { en, type MessageKey, type Messages } from "./en";
import { he } from "./he";

export type { MessageKey, Messages, AreaKey, AreaMessages };

/** The strings of an area (or of a union of areas) in one locale, as a component reads them. */
export type AreaStrings<A> = Record<AreaKey<A>, string>;
export { en, he };

/** Per-locale partial overrides, as the provider's `messages` prop takes them. */
export type MessageOverrides = Partial<Record<Locale, Partial<Messages>>>;

/**
 * The strings of `areas` in `locale`, with the merchant's overrides laid over
 * them (an override of a key of another area is carried along, unread).
 */
export function messagesFor<A extends AreaMessages>(locale: Locale, overrides: MessageOverrides | undefined, areas: readonly A[]): AreaStrings<A> {
  return Object.assign({}, ...areas.map((area) => area[locale]), overrides?.[locale]) as AreaStrings<A>;
}
