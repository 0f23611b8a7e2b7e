// @vitest-environment node
/**
 * `styles.css` writes the dark tokens twice: for `theme: "dark"`, and for
 * `theme: "auto"` under `prefers-color-scheme: dark` (only `light-dark()`
 * would say it once, and it breaks every token before 2024's browsers). An
 * "auto" page on a dark system must look exactly like a "dark" one.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const css = readFileSync(new URL("../../src/components/styles.css", import.meta.url), "utf8");

function declarations(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, `${selector} is in styles.css`).toBeGreaterThan(-1);
  const body = css.slice(css.indexOf("{", start) + 1, css.indexOf("}", start));
  return Object.fromEntries(
    body
      .split(";")
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf(":")).trim(), line.slice(line.indexOf(":") + 1).trim()]),
  );
}

describe("styles.css themes", () => {
  it('gives theme "auto" on a dark system the very tokens of theme "dark"', () => {
    const dark = declarations('.ching-root[data-ching-theme="dark"]');
    expect(Object.keys(dark).length).toBeGreaterThan(10);
    expect(declarations('.ching-root[data-ching-theme="auto"]')).toEqual(dark);
  });
});
