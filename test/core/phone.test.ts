import examples from "libphonenumber-js/examples.mobile.json";
import type { CountryCode } from "libphonenumber-js/min";
import { describe, expect, it } from "vitest";
import { formatAsYouType, formatPhone, toE164 } from "../../src/core/phone";

describe("toE164", () => {
  it.each([
    "+972 50-123-4567",
    "050-123-4567",
    "0501234567",
    "00972501234567",
    "(050) 123 4567",
    "+972501234567",
    " 050 123 4567 ",
    "050.123.4567",
    "\u200e+972 50-123-4567\u200f",
    "050\u2013123\u20134567",
  ])("reads %j as +972501234567", (input) => {
    expect(toE164(input)).toBe("+972501234567");
  });

  it.each([
    ["letters", "phone"],
    ["digits with letters", "050-123-ABCD"],
    ["an extension", "050-123-4567 ext 12"],
    ["garbage", "#$%^&*"],
    ["two plus signs", "++972501234567"],
    ["a plus in the middle", "050+1234567"],
    ["too short", "050-12"],
    ["too long", "050-123-4567-8901"],
    ["an empty string", ""],
    ["only spaces", "   "],
    ["a country code alone", "+972"],
  ])("answers undefined for %s", (_, input) => {
    expect(toE164(input)).toBeUndefined();
  });

  it("reads national numbers in the default country it is given", () => {
    expect(toE164("(213) 373-4253", "US")).toBe("+12133734253");
    expect(toE164("020 7946 0958", "GB")).toBe("+442079460958");
  });

  it("reads international numbers whatever the default country", () => {
    expect(toE164("+44 20 7946 0958")).toBe("+442079460958");
    expect(toE164("0044 20 7946 0958")).toBe("+442079460958");
  });

  it("refuses a number libphonenumber calls valid but the customer schema does not take (fewer than 7 digits)", () => {
    expect(toE164("1000", "DE")).toBeUndefined();
    expect(toE164("+49 1000")).toBeUndefined();
    expect(toE164("12345", "DE")).toBe("+4912345");
  });

  it("does not throw on values that are not strings", () => {
    expect(toE164(undefined as unknown as string)).toBeUndefined();
    expect(toE164(972501234567 as unknown as string)).toBeUndefined();
  });

  const entries = Object.entries(examples as Record<string, string>);
  it(`round-trips every country's example mobile number (${entries.length} countries)`, () => {
    const failures: string[] = [];
    for (const [country, national] of entries) {
      const e164 = toE164(national, country as CountryCode);
      if (!e164 || toE164(e164) !== e164 || !/^\+[1-9]\d{6,14}$/.test(e164)) failures.push(`${country} ${national} -> ${e164}`);
    }
    expect(entries.length).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  });
});

describe("formatPhone", () => {
  it("formats an E.164 number for reading", () => {
    expect(formatPhone("+972501234567")).toBe("+972 50 123 4567");
  });
  it("leaves what is not a valid number as it was", () => {
    expect(formatPhone("not a phone")).toBe("not a phone");
  });
});

describe("formatAsYouType", () => {
  it("formats a national Israeli number as it is typed", () => {
    expect(formatAsYouType("0501234567")).toBe("050-123-4567");
  });
  it("formats an international number typed with 00", () => {
    expect(formatAsYouType("00972501234567")).toBe("+972 50 123 4567");
  });
});
