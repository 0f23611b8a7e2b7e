/**
 * Arabic-Indic (٠١٢…, U+0660–0669) and Extended Arabic-Indic (۰۱۲…,
 * U+06F0–06F9) digits as ASCII digits: Arabic keyboards in Israel type them.
 *
 * @example
 * normalizeDigits("٠٥٠-١٢٣-٤٥٦٧") // "050-123-4567"
 */
export function normalizeDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String((digit.charCodeAt(0) & 0xf)));
}
