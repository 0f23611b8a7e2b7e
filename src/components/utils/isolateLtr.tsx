import type { ReactNode } from "react";

// Phone numbers like `050-123-4567` or `+44 20 7946 0958`, and email addresses.
const LTR_RUN = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d-]*(?:[ \u00a0]\+?\d[\d-]*)*/g;

/**
 * Catalog text with its phone numbers and email addresses isolated left to
 * right, so inside Hebrew `+44 20 7946 0958` does not read `0958 7946 20 44+`
 * (and, with the `ching-ltr` class, a number never breaks across lines).
 * Anything that is not a string comes back as it is.
 *
 * @example
 * isolateLtr("למשל +44 20 7946 0958") // ["למשל ", <bdi className="ching-ltr" dir="ltr">+44 20 7946 0958</bdi>]
 */
export function isolateLtr(text: ReactNode): ReactNode {
  if (typeof text !== "string") return text;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(LTR_RUN)) {
    const start = match.index;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <bdi className="ching-ltr" dir="ltr" key={start}>
        {match[0]}
      </bdi>,
    );
    last = start + match[0].length;
  }
  if (parts.length === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
