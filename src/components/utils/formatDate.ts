import type { Locale } from "../../core/customer";

/**
 * Dates are read in Israel's time zone, where Ching and its merchants are: the
 * server and every browser then print the same day (with the runtime's own
 * zone, 22:30 UTC is April 19 on a server in UTC and April 20 in a browser in
 * Jerusalem, and hydration fails).
 */
const TIME_ZONE = "Asia/Jerusalem";

// Intl formatters are costly to make; one per locale serves every render.
const formatters = new Map<Locale, Intl.DateTimeFormat>();

/** A Ching timestamp as a date in the UI's locale (`19 April 2026`, `19 באפריל 2026`); unparsable input comes back as it was. */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: TIME_ZONE });
    formatters.set(locale, formatter);
  }
  return formatter.format(date);
}
