import type { Locale } from "../locales";

/**
 * One area's strings in every locale. The catalogs are split by area so that a
 * component's bundle carries only the strings it shows (and a lazy part of it
 * only when it loads); `en` and `he` gather every area for merchants.
 */
export type AreaMessages<K extends string = string> = { readonly [L in Locale]: Readonly<Record<K, string>> };

/** The keys of an area. */
export type AreaKey<A> = A extends AreaMessages<infer K> ? K : never;
