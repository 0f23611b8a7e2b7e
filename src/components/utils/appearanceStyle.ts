import type { CSSProperties } from "react";
import type { Appearance } from "../appearance";

/** Colour tokens have a light and a dark value; the others (radius, fonts, spacing) are one for both. */
function isThemed(name: string): boolean {
  return name.startsWith("color-");
}

function tokenName(name: string): string {
  return name.startsWith("--") ? name.slice("--ching-".length) : name;
}

/**
 * The provider's `appearance` tokens as inline custom properties:
 * `variables` for the light theme (`{ "color-primary": "#0f766e" }` →
 * `--ching-light-color-primary`), `darkVariables` for the dark one
 * (`--ching-dark-color-primary`), and tokens that are not colours for both
 * (`{ radius: "12px" }` → `--ching-radius`). styles.css picks the value of
 * the theme in force, for `"auto"` too, with no script. Inline custom
 * properties are plain attributes, not injected style sheets, so a strict
 * Content-Security-Policy (no `style-src 'unsafe-inline'` for sheets) still works.
 */
export function appearanceStyle(appearance: Appearance | undefined): CSSProperties | undefined {
  const { variables, darkVariables } = appearance ?? {};
  if (!variables && !darkVariables) return undefined;
  const style: Record<string, string> = {};
  for (const [raw, value] of Object.entries(variables ?? {})) {
    const name = tokenName(raw);
    style[isThemed(name) ? `--ching-light-${name}` : `--ching-${name}`] = value;
  }
  for (const [raw, value] of Object.entries(darkVariables ?? {})) {
    const name = tokenName(raw);
    style[isThemed(name) ? `--ching-dark-${name}` : `--ching-${name}`] ??= value;
  }
  return style;
}
