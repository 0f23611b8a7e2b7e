/**
 * A catalog string with its `{name}` placeholders filled:
 * `fillMessage("Page {page} of {pages}", { page: 2, pages: 5 })` is `Page 2 of 5`.
 * A placeholder with no value is left as it is, so a merchant's override with a typo shows.
 */
export function fillMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
