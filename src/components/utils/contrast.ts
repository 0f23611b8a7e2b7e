/**
 * WCAG contrast of two colours written as `#rgb`, `#rrggbb` or `rgb(r g b)` /
 * `rgb(r, g, b)`; `undefined` when either is written some other way (a
 * `var()`, a name), which the checks then leave alone.
 *
 * @example
 * contrastRatio("#ffffff", "#4f46e5") // 6.29…
 */
export function contrastRatio(a: string, b: string): number | undefined {
  const first = luminance(a);
  const second = luminance(b);
  if (first === undefined || second === undefined) return undefined;
  const [light, dark] = first > second ? [first, second] : [second, first];
  return (light + 0.05) / (dark + 0.05);
}

function channels(colour: string): number[] | undefined {
  const value = colour.trim().toLowerCase();
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/.exec(value)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join("") : hex;
    return [0, 2, 4].map((index) => parseInt(full.slice(index, index + 2), 16));
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*(?:[,/]\s*1(?:\.0*)?\s*)?\)$/.exec(value);
  return rgb ? rgb.slice(1, 4).map(Number) : undefined;
}

function luminance(colour: string): number | undefined {
  const rgb = channels(colour);
  if (!rgb) return undefined;
  const [r = 0, g = 0, b = 0] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
