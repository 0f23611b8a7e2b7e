/**
 * The fix for axe-core's reading of text colours under forced colours
 * (./forcedColours.ts), with Windows High Contrast emulated: axe then weighs the
 * colours on screen, and still finds text whose own colours stay low-contrast.
 *
 * matrix.test.tsx runs these first in the "stories-forced-colors" project, in its
 * own frame: in a test file's frame opened after a dark story has run in the same
 * browser page, Chromium's emulation no longer paints forced colours (the media
 * query still matches), so they cannot live in a test file of their own, which
 * vitest may well run after the matrix.
 */
import axe from "axe-core";
import { afterEach, describe, expect, test } from "vitest";
import { paintedTextColours } from "./forcedColours";

function fixture(html: string): HTMLElement {
  const root = document.createElement("div");
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

async function contrastFailures(root: HTMLElement): Promise<string[]> {
  const result = await axe.run(root, { runOnly: ["color-contrast"] });
  return result.violations.flatMap((violation) => violation.nodes.map((node) => node.any.map((check) => check.message).join(" ")));
}

export function describeForcedColoursInAxe(): void {
  describe("axe under forced colours", () => {
    afterEach(() => {
      document.body.replaceChildren();
    });

    test("the emulation is on: forced colours paint author colours over with system colours", () => {
      expect(matchMedia("(forced-colors: active)").matches).toBe(true);
      const text = fixture(`<p style="color: #a3abb8; background: #0d0f12">muted</p>`).firstElementChild as HTMLElement;
      expect(getComputedStyle(text).color).not.toBe("rgb(163, 171, 184)");
    });

    test("axe alone weighs the author's text colour against the forced background (axe-core#3978); with the fix, what is painted", async () => {
      const root = fixture(`<div style="background: #0d0f12; color: #f2f4f7; padding: 8px"><p style="color: #a3abb8">The dark theme's muted text</p></div>`);
      // If this stops failing, axe-core reads forced colours itself and ./forcedColours.ts can go.
      expect((await contrastFailures(root)).join("\n")).toMatch(/foreground color: #a3abb8/);
      paintedTextColours();
      expect(await contrastFailures(root)).toEqual([]);
    });

    test("text that opts out of forced colours keeps its own colours, and a low contrast there still fails", async () => {
      const root = fixture(`<p style="forced-color-adjust: none; color: #9ca3af; background: #ffffff">Grey on white</p>`);
      paintedTextColours();
      expect((await contrastFailures(root)).join("\n")).toMatch(/foreground color: #9ca3af, background color: #ffffff/);
    });
  });
}
