import type { Locale } from "../../core/customer";

// Intl formatters are costly to make; one per locale and currency serves every render.
const formatters = new Map<string, Intl.NumberFormat>();

// The Hebrew format carries right-to-left marks around the sign; the amount is
// isolated left to right where it is shown (`isolateLtr`-style `<bdi>`), so the
// marks would only make `149.00 ₪` jump in a left-to-right box.
const BIDI_MARKS = /[\u200e\u200f\u061c]/g;

/**
 * An amount in minor units (agorot for `"ils"`) as money in the UI's locale:
 * `formatAmount(14_900, "ils", "en")` is `₪149.00`, in Hebrew `149.00 ₪`.
 */
export function formatAmount(minor: number, currency: string, locale: Locale): string {
  const code = currency.toUpperCase();
  const key = `${locale}:${code}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency: code });
    formatters.set(key, formatter);
  }
  return formatter.format(minor / 100).replace(BIDI_MARKS, "");
}
