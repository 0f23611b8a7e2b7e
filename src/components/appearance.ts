import { useEffect } from "react";
import { useBillingPortalContext } from "../react/internal";
import { contrastRatio } from "./utils/contrast";

/** Theme and design tokens for the styled components. */
export interface Appearance {
  /** `"light"` (default), `"dark"`, or `"auto"` to follow the person's system setting. */
  theme?: "light" | "dark" | "auto";
  /**
   * Design tokens of the light theme, by name without the `--ching-` prefix,
   * e.g. `{ "color-primary": "#0f766e", radius: "12px" }`. Tokens that are
   * not colours (`radius`, `font-family`, …) apply to both themes.
   */
  variables?: Record<string, string>;
  /**
   * Colour tokens of the dark theme (`theme: "dark"`, or `"auto"` on a dark
   * system), e.g. `{ "color-primary": "#5eead4", "color-primary-text": "#042f2e" }`.
   * Without them the dark theme keeps its own colours.
   */
  darkVariables?: Record<string, string>;
}

/** The default colours of text on the primary colour, per theme (styles.css). */
const DEFAULTS = {
  light: { primary: "#4f46e5", text: "#fff" },
  dark: { primary: "#a5b4fc", text: "#111827" },
} as const;

/** AA for normal text: buttons and the selected language carry text on the primary colour. */
const MIN_CONTRAST = 4.5;

/**
 * Where the text on the primary colour falls under 4.5:1, one line per
 * theme; colours written other than as `#hex` or `rgb()` are not checked.
 *
 * @example
 * appearanceContrastProblems({ variables: { "color-primary": "#5eead4" } })
 * // ["light: #fff on #5eead4 is 1.6:1 …"]
 */
export function appearanceContrastProblems(appearance: Appearance | undefined): string[] {
  const problems: string[] = [];
  for (const theme of ["light", "dark"] as const) {
    const tokens = (theme === "light" ? appearance?.variables : appearance?.darkVariables) ?? {};
    const primary = tokens["color-primary"] ?? DEFAULTS[theme].primary;
    const text = tokens["color-primary-text"] ?? DEFAULTS[theme].text;
    const ratio = contrastRatio(text, primary);
    if (ratio !== undefined && ratio < MIN_CONTRAST) {
      problems.push(
        `${theme}: ${text} on ${primary} is ${ratio.toFixed(2)}:1, under ${MIN_CONTRAST}:1; set "color-primary-text" in ${theme === "light" ? "variables" : "darkVariables"}`,
      );
    }
  }
  return problems;
}

const warned = new WeakSet<Appearance>();

/** The provider's `appearance`; in development, a console warning when its text on primary is hard to read. */
export function useAppearance(consumerName: string): Appearance | undefined {
  // The package's `BillingPortalProvider` only takes an `Appearance`; the hooks layer carries it untyped.
  const appearance = useBillingPortalContext(consumerName).appearance as Appearance | undefined;
  useEffect(() => {
    // The whole check sits under the condition, so a production build drops it and the contrast maths.
    if (process.env.NODE_ENV !== "production" && appearance && !warned.has(appearance)) {
      warned.add(appearance);
      for (const problem of appearanceContrastProblems(appearance)) {
        console.warn(`[@ching/billing-portal-react] appearance ${problem}.`);
      }
    }
  }, [appearance]);
  return appearance;
}
