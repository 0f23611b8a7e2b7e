/**
 * Catalog text with its `{name}` placeholders filled in; a placeholder with no
 * value is left as it is, so a missing value shows rather than vanishes.
 *
 * @example
 * formatMessage("{brand} ending {last4}", { brand: "Visa", last4: "4242" }) // "Visa ending 4242"
 */
export function formatMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
