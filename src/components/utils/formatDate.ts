import type { Locale } from "../../core/customer";

/** A Ching timestamp as a date in the UI's locale (`19 April 2026`, `19 באפריל 2026`); unparsable input comes back as it was. */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(date);
}
