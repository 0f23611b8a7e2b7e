import type { Appearance } from "./appearance";

/**
 * Ready-made colour themes for `appearance`, each with light and dark values
 * whose text on the primary colour reads at 4.5:1 or more (a test checks it).
 * Spread one and add your own tokens or `theme`.
 *
 * @example
 * <BillingPortalProvider endpoint="/api/billing" appearance={{ ...themes.teal, theme: "auto" }}>
 */
export const themes = {
  teal: {
    variables: { "color-primary": "#0f766e", "color-primary-hover": "#115e59", "color-primary-text": "#ffffff", "color-focus": "#0f766e" },
    darkVariables: { "color-primary": "#5eead4", "color-primary-hover": "#99f6e4", "color-primary-text": "#042f2e", "color-focus": "#5eead4" },
  },
  rose: {
    variables: { "color-primary": "#be123c", "color-primary-hover": "#9f1239", "color-primary-text": "#ffffff", "color-focus": "#be123c" },
    darkVariables: { "color-primary": "#fda4af", "color-primary-hover": "#fecdd3", "color-primary-text": "#4c0519", "color-focus": "#fda4af" },
  },
  graphite: {
    variables: { "color-primary": "#1f2937", "color-primary-hover": "#111827", "color-primary-text": "#ffffff", "color-focus": "#1f2937", radius: "6px", "radius-control": "4px" },
    darkVariables: { "color-primary": "#e5e7eb", "color-primary-hover": "#f9fafb", "color-primary-text": "#111827", "color-focus": "#e5e7eb" },
  },
} as const satisfies Record<string, Appearance>;
