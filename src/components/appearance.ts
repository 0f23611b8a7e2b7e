import { useBillingPortalContext } from "../react/internal";

/** Theme and design tokens for the styled components. */
export interface Appearance {
  /** `"light"` (default), `"dark"`, or `"auto"` to follow the person's system setting. */
  theme?: "light" | "dark" | "auto";
  /**
   * Design tokens, by name without the `--ching-` prefix, e.g.
   * `{ "color-primary": "#0f766e", radius: "12px" }`.
   */
  variables?: Record<string, string>;
}

/**
 * The provider's `appearance`. The hooks layer carries it without knowing its
 * type; the package's `BillingPortalProvider` (./BillingPortalProvider.ts)
 * only takes an `Appearance`, so that is what arrives here.
 */
export function useAppearance(consumerName: string): Appearance | undefined {
  return useBillingPortalContext(consumerName).appearance as Appearance | undefined;
}
