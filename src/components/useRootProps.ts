import { useMemo, type CSSProperties } from "react";
import type { Locale } from "../core/customer";
import type { Direction } from "../core/locale";
import { useAppearance } from "./appearance";
import { appearanceStyle } from "./utils/appearanceStyle";
import { cx } from "./utils/cx";

export interface RootProps {
  className: string;
  dir: Direction;
  lang: Locale;
  style: CSSProperties | undefined;
  "data-ching-theme": "light" | "dark" | "auto" | undefined;
}

/**
 * What every component root carries: `dir` and `lang` of the UI's locale,
 * the theme, the provider's design tokens and the merchant's `className`.
 */
export function useRootProps(
  consumerName: string,
  strings: { locale: Locale; dir: Direction },
  ...classNames: Array<string | false | null | undefined>
): RootProps {
  const appearance = useAppearance(consumerName);
  // One style object per appearance, not one per render (the phone field renders per keystroke).
  const style = useMemo(() => appearanceStyle(appearance), [appearance]);
  return {
    className: cx("ching-root", ...classNames),
    dir: strings.dir,
    lang: strings.locale,
    style,
    "data-ching-theme": appearance?.theme,
  };
}
