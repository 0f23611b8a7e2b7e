import { describe, expect, it } from "vitest";
import { en, he, messagesFor, type AreaMessages } from "../../src/core/messages";
import { cardsMessages } from "../../src/core/messages/cards";
import { loadingMessages } from "../../src/core/messages/shared";

/**
 * The catalogs are written by area (a component loads only its areas' strings);
 * `en` and `he` gather them. Every area file found here must be gathered whole,
 * and no key may live in two areas (a component reading one would show another
 * string than `en`/`he` and the docs say).
 */
const files = import.meta.glob<Record<string, unknown>>("../../src/core/messages/*.ts", { eager: true });
const isArea = (value: unknown): value is AreaMessages =>
  typeof value === "object" && value !== null && "en" in value && "he" in value && Object.keys(value).length === 2;
const areas = Object.entries(files).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([name, value]) => name !== "en" && name !== "he" && isArea(value))
    .map(([name, value]) => ({ name: `${file.split("/").pop()} ${name}`, area: value as AreaMessages })),
);

describe("the catalogs by area", () => {
  it("finds the areas (cards, profile, history, …)", () => {
    expect(areas.length).toBeGreaterThanOrEqual(8);
    expect(areas.map(({ area }) => area)).toContain(cardsMessages);
  });

  it("gathers every area's strings into `en` and `he`, each key in one area only", () => {
    const seen = new Map<string, string>();
    for (const { name, area } of areas) {
      expect(Object.keys(area.he).sort(), name).toEqual(Object.keys(area.en).sort());
      for (const [key, text] of Object.entries(area.en)) {
        expect(seen.get(key), `${key} is in ${seen.get(key)} and ${name}`).toBeUndefined();
        seen.set(key, name);
        expect(en[key as keyof typeof en], key).toBe(text);
        expect(he[key as keyof typeof he], key).toBe(area.he[key]);
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(he).sort()).toEqual(Object.keys(en).sort());
  });

  it("lays the provider's overrides over an area's strings, in the UI's locale only", () => {
    const overrides = { en: { "cards.title": "Your cards", "profile.title": "Account" }, he: { "dialog.loading": "רגע…" } };
    const strings = messagesFor("en", overrides, [loadingMessages, cardsMessages]);
    expect(strings["cards.title"]).toBe("Your cards");
    expect(strings["cards.add"]).toBe(en["cards.add"]);
    expect(strings["dialog.loading"]).toBe(en["dialog.loading"]);
    expect(messagesFor("he", overrides, [loadingMessages, cardsMessages])["dialog.loading"]).toBe("רגע…");
    // The area's own objects are never written to.
    expect(cardsMessages.en["cards.title"]).toBe(en["cards.title"]);
  });
});
