/**
 * styles.css inside `@layer ching` (dist/styles.layered.css, built by
 * vite.config.ts, and the layered case of the global-CSS tests).
 */
export function layered(css: string): string {
  return `/* @ching/billing-portal-react styles in @layer ching: any unlayered CSS of yours wins, and so do
   layers you declare after it, e.g. @layer theme, base, ching, components, utilities; (Tailwind v4). */
@layer ching {
${css}
}
`;
}
