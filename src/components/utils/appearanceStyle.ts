import type { CSSProperties } from "react";
import type { Appearance } from "../appearance";

/**
 * The provider's `appearance.variables` as inline custom properties
 * (`{ radius: "12px" }` → `{ "--ching-radius": "12px" }`). Inline custom
 * properties are plain attributes, not injected style sheets, so a strict
 * Content-Security-Policy (no `style-src 'unsafe-inline'` for sheets) still works.
 */
export function appearanceStyle(appearance: Appearance | undefined): CSSProperties | undefined {
  const variables = appearance?.variables;
  if (!variables) return undefined;
  const style: Record<string, string> = {};
  for (const [name, value] of Object.entries(variables)) {
    style[name.startsWith("--") ? name : `--ching-${name}`] = value;
  }
  return style as CSSProperties;
}
