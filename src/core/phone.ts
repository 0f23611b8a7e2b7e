import { AsYouType, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";
import { E164_PATTERN } from "./e164";

/**
 * Phone helpers on libphonenumber-js with its `min` metadata. The `max`
 * metadata checks number ranges and rejects `+972501234567`, the very number
 * Ching's own docs use; `min` checks lengths per country, which accepts every
 * number Ching does and every example mobile number libphonenumber-js ships.
 */

export type { CountryCode };

// Bidi marks and isolates sneak in when numbers are copied from right-to-left text.
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const SEPARATORS = /[\s\u00a0\u2010-\u2015\-./()]/g;

function clean(input: string): string | undefined {
  const stripped = input.replace(BIDI_CONTROLS, "").trim();
  if (!stripped) return undefined;
  const compact = stripped.replace(SEPARATORS, "");
  // Digits with at most one leading plus: letters, extensions and garbage are refused.
  if (!/^\+?\d+$/.test(compact)) return undefined;
  return withPlus(compact) ?? compact;
}

/** "00" is the international prefix in Israel and most of the world: a number starting with it reads as "+". */
function withPlus(number: string): string | undefined {
  return number.startsWith("00") ? `+${number.slice(2)}` : undefined;
}

/**
 * The E.164 form of a phone number as a person typed it, or `undefined` when
 * it is not a valid number.
 *
 * @example
 * toE164("050-123-4567") // "+972501234567"
 * toE164("+972 50-123-4567") // "+972501234567"
 * toE164("00972501234567") // "+972501234567"
 * toE164("(212) 555-0100", "US") // "+12125550100"
 * toE164("hello") // undefined
 */
export function toE164(input: string, defaultCountry: CountryCode = "IL"): string | undefined {
  if (typeof input !== "string") return undefined;
  const compact = clean(input);
  if (!compact) return undefined;
  try {
    const phone = parsePhoneNumberFromString(compact, { defaultCountry });
    // Only what the customer schema takes: the field's error, not the server's, for a number too short.
    return phone && phone.isValid() && E164_PATTERN.test(phone.number) ? phone.number : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An E.164 number formatted for reading (`+972 50 123 4567`); anything that is
 * not a valid number comes back as it was.
 */
export function formatPhone(e164: string): string {
  const phone = parsePhoneNumberFromString(e164);
  return phone && phone.isValid() ? phone.formatInternational() : e164;
}

/**
 * Formats a number while it is being typed: national numbers in the default
 * country's style, international ones (`+…` or `00…`) in theirs.
 */
export function formatAsYouType(input: string, defaultCountry: CountryCode = "IL"): string {
  const stripped = input.replace(BIDI_CONTROLS, "");
  const normalized = withPlus(stripped.trimStart()) ?? stripped;
  return new AsYouType(defaultCountry).input(normalized);
}
