/**
 * Issue 12, item 2: the default styles.css holds under the global CSS that app
 * templates ship, copied unchanged into test/fixtures/global-css/
 * (create-next-app 16 `app/globals.css`, create-vite 9 react-ts `src/index.css`,
 * Tailwind v4 `preflight.css`, which Tailwind imports in `@layer base`), in
 * either import order. Each case renders the profile and the edit form and
 * compares every element's computed style and a screenshot with the bare render.
 * styles.layered.css lets a Tailwind utility win, as the README says.
 */
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { page } from "vitest/browser";
import { billingPortalKeys, CustomerForm, CustomerProfile } from "@ching/billing-portal-react";
import chingCss from "../../src/components/styles.css?raw";
import nextGlobals from "../fixtures/global-css/create-next-app-globals.css?raw";
import viteIndex from "../fixtures/global-css/create-vite-index.css?raw";
import preflight from "../fixtures/global-css/tailwind-preflight.css?raw";
import { layered } from "../../scripts/layeredCss";
import { customerObject } from "../fixtures";
import { TestPortal, testQueryClient } from "../support/TestPortal";

// React's act() outside Testing Library.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CUSTOMER = customerObject({ name: "Tal Levi", locale: "en" });
const tailwindPreflight = `@layer theme, base, components, utilities;\n@layer base {\n${preflight}\n}`;
// A Tailwind utility as Tailwind emits it.
const utilities = "@layer utilities { .p-8 { padding: calc(0.25rem * 8); } }";
// create-vite sets `:root { font: 18px/145% }`: our rem sizes follow a page's root size by design,
// so that case compares at the bare page's 16 px; everything else of the template stays.
const sameRootSize = ":root { font-size: 16px; }";

const PROPS = [
  "display", "box-sizing", "width", "height",
  "margin-top", "margin-right", "margin-bottom", "margin-left",
  "padding-top", "padding-right", "padding-bottom", "padding-left",
  "border-top-width", "border-top-style", "border-top-color", "border-right-width", "border-bottom-width", "border-left-width",
  "border-top-left-radius",
  "text-align", "font-family", "font-size", "font-weight", "line-height", "letter-spacing", "text-transform",
  "color", "background-color", "outline-style", "opacity", "cursor", "appearance",
  "text-rendering", "font-synthesis", "font-kerning", "word-spacing",
];

let root: Root | undefined;
let sheets: HTMLStyleElement[] = [];

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  for (const sheet of sheets) sheet.remove();
  sheets = [];
  document.body.replaceChildren();
});

function addSheets(...css: string[]) {
  sheets = css.map((text) => {
    const sheet = document.createElement("style");
    sheet.textContent = text;
    document.head.append(sheet);
    return sheet;
  });
}

async function renderPage(formClassName?: string): Promise<HTMLElement> {
  const app = document.createElement("div");
  app.id = "root"; // create-vite's #root rules apply as in a real app
  const frame = document.createElement("div");
  // The page around the components is the test's, not theirs: the same box at the same whole-pixel
  // place in every case (create-vite centres #root, which would put text on half pixels).
  // Inside #root, so the components still inherit whatever it sets (text-align: center, colours).
  frame.style.cssText =
    "position: absolute; inset-block-start: 0; inset-inline-start: 0; box-sizing: content-box; width: 640px; padding: 16px; margin: 0; background: #fff;";
  app.append(frame);
  document.body.append(app);
  const queryClient = testQueryClient();
  queryClient.setQueryData(billingPortalKeys.me(), CUSTOMER);
  const ui: ReactNode = (
    <TestPortal locale="en" queryClient={queryClient} fetch={() => new Promise<Response>(() => undefined)}>
      <CustomerProfile />
      <CustomerForm customer={CUSTOMER} onCancel={() => undefined} className={formClassName} />
    </TestPortal>
  );
  root = createRoot(frame);
  await act(async () => root?.render(ui));
  return frame;
}

/** Every element's computed style, in document order, keyed by its path. */
function computed(frame: HTMLElement): Record<string, Record<string, string>> {
  const result: Record<string, Record<string, string>> = {};
  frame.querySelectorAll(".ching-root, .ching-root *").forEach((element, index) => {
    const style = getComputedStyle(element);
    const key = `${index} ${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`;
    const values = Object.fromEntries(PROPS.map((prop) => [prop, style.getPropertyValue(prop)]));
    // A border of width 0 draws nothing, whatever its style (Tailwind's preflight sets `0 solid`).
    if (values["border-top-width"] === "0px") {
      delete values["border-top-style"];
      delete values["border-top-color"];
    }
    result[key] = values;
  });
  return result;
}

async function snapshot(frame: HTMLElement) {
  const shot = await page.screenshot({ element: frame, save: false });
  return { styles: computed(frame), shot };
}

/**
 * Pixels of two screenshots that differ by more than anti-aliasing noise
 * (2 of 255 in a channel: the edge of a rounded corner can land a shade apart).
 */
async function pixelDifference(a: string, b: string) {
  const [first, second] = await Promise.all([a, b].map(pixels));
  if (!first || !second || first.width !== second.width || first.height !== second.height) return { size: "different", differing: -1 };
  let differing = 0;
  for (let index = 0; index < first.data.length; index++) {
    if (Math.abs((first.data[index] ?? 0) - (second.data[index] ?? 0)) > 2) differing++;
  }
  return { size: "same", differing };
}

async function pixels(base64: string): Promise<ImageData | undefined> {
  const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext("2d");
  context?.drawImage(bitmap, 0, 0);
  return context?.getImageData(0, 0, bitmap.width, bitmap.height);
}

async function bare() {
  addSheets(chingCss);
  const frame = await renderPage();
  const result = await snapshot(frame);
  afterEachCleanup();
  return result;
}

function afterEachCleanup() {
  act(() => root?.unmount());
  root = undefined;
  for (const sheet of sheets) sheet.remove();
  sheets = [];
  document.body.replaceChildren();
}

const CASES: Array<[string, string[]]> = [
  ["create-next-app globals.css, imported before styles.css", [nextGlobals, chingCss]],
  ["create-next-app globals.css, imported after styles.css", [chingCss, nextGlobals]],
  ["create-vite index.css, imported before styles.css", [viteIndex, sameRootSize, chingCss]],
  ["create-vite index.css, imported after styles.css", [chingCss, viteIndex, sameRootSize]],
  ["Tailwind v4 preflight, imported before styles.css", [tailwindPreflight, chingCss]],
  ["Tailwind v4 preflight, imported after styles.css", [chingCss, tailwindPreflight]],
];

describe("styles.css under app templates' global CSS", () => {
  it.each(CASES)("%s: the same computed styles and pixels as the bare render", async (_name, css) => {
    const reference = await bare();
    addSheets(...css);
    const frame = await renderPage();
    const result = await snapshot(frame);
    expect(Object.keys(reference.styles).length).toBeGreaterThan(50);
    const differences = Object.entries(reference.styles).flatMap(([element, props]) =>
      Object.entries(props)
        .filter(([prop, value]) => result.styles[element]?.[prop] !== value)
        .map(([prop, value]) => `${element} ${prop}: ${result.styles[element]?.[prop]} (bare: ${value})`),
    );
    expect(differences).toEqual([]);
    expect(await pixelDifference(result.shot, reference.shot)).toEqual({ size: "same", differing: 0 });
  });

  it("without layers a lone Tailwind utility does not beat it; with styles.layered.css before utilities it does", async () => {
    addSheets(tailwindPreflight, chingCss, utilities);
    let frame = await renderPage("p-8");
    expect(getComputedStyle(frame.querySelector("form") as HTMLElement).paddingTop).toBe("0px");
    afterEachCleanup();

    addSheets("@layer theme, base, ching, components, utilities;", tailwindPreflight, layered(chingCss), utilities);
    frame = await renderPage("p-8");
    expect(getComputedStyle(frame.querySelector("form") as HTMLElement).paddingTop).toBe("32px");
    // Everything else as the bare render: preflight (in base, before ching) strips nothing.
    const label = frame.querySelector(".ching-label") as HTMLElement;
    expect(getComputedStyle(label).fontWeight).toBe("500");
    const button = frame.querySelector(".ching-btn--primary") as HTMLElement;
    expect(getComputedStyle(button).paddingInlineStart).toBe("16px");
    expect(getComputedStyle(button).backgroundColor).toBe("rgb(79, 70, 229)");
  });
});
