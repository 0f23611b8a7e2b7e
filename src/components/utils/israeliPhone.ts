/**
 * Israeli numbers formatted without libphonenumber-js, so a profile shows
 * `050-123-4567` with no phone metadata loaded: mobile and VoIP numbers
 * (`+9725…`, `+9727…`, 9 digits after the country code) and landlines
 * (`+9722…`, `3`, `4`, `8`, `9`: 8 digits). Anything else answers `undefined`.
 *
 * @example
 * formatIsraeliPhone("+972501234567", "national") // "050-123-4567"
 * formatIsraeliPhone("+972501234567", "international") // "+972 50 123 4567"
 * formatIsraeliPhone("+442079460958", "national") // undefined
 */
export function formatIsraeliPhone(e164: string, style: "national" | "international"): string | undefined {
  const match = /^\+972(?:([57]\d)(\d{3})(\d{4})|([23489])(\d{3})(\d{4}))$/.exec(e164);
  if (!match) return undefined;
  const [area = "", first = "", last = ""] = match[1] ? match.slice(1, 4) : match.slice(4, 7);
  return style === "national" ? `0${area}-${first}-${last}` : `+972 ${area} ${first} ${last}`;
}
