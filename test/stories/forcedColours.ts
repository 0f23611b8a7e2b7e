/**
 * axe-core reads a text's colour from `-webkit-text-fill-color`, which Chromium
 * leaves at the author's colour in forced-colours mode while it paints the text
 * (and reports `color` and backgrounds) in the forced system colours
 * (https://github.com/dequelabs/axe-core/issues/3978). Under Windows High Contrast
 * emulation axe would then weigh, say, the dark theme's light grey against the
 * forced white Canvas: a contrast failure nobody sees.
 *
 * After a story, in forced-colours mode only, each element's text fill is set to the
 * colour Chromium paints it in (its computed `color`: the forced system colour, or the
 * author's own under `forced-color-adjust: none`), so axe weighs what is on screen.
 * Nothing changes on screen, and no rule is turned off.
 */
export function paintedTextColours(): void {
  if (!matchMedia("(forced-colors: active)").matches) return;
  for (const element of document.body.querySelectorAll<HTMLElement | SVGElement>("*")) {
    element.style.setProperty("-webkit-text-fill-color", getComputedStyle(element).color);
  }
}
