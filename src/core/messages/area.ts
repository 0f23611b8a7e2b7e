import type { Locale } from "../locales";
import type { MessageOverrides } from "./index";

/**
 * One area's strings in every locale. The catalogs are split by area so that a
 * component's bundle carries only the strings it shows (and a lazy part of it
 * only when it loads); `en` and `he` gather every area for merchants.
 */
export type AreaMessages<K extends string = string> = { readonly [L in Locale]: Readonly<Record<K, string>> };

/** The keys of an area. */
export type AreaKey<A> = A extends AreaMessages<infer K> ? K : never;

/** The strings of an area (or of a union of areas) in one locale, as a component reads them. */
export type AreaStrings<A> = Record<AreaKey<A>, string>;

/**
 * The strings of `areas` in `locale`, with the merchant's overrides laid over
 * them (an override of a key of another area is carried along, unread).
 * Here, not in ./index.ts: a component's first load must not reach `en` and `he`.
 */
export function messagesFor<A extends AreaMessages>(locale: Locale, overrides: MessageOverrides | undefined, areas: readonly A[]): AreaStrings<A> {
  return Object.assign({}, ...areas.map((area) => area[locale]), overrides?.[locale]) as AreaStrings<A>;
}
