import { describe, expect, test } from "vitest";
import { formatString, LOCALES, pickLocale, resolveStrings, STRINGS, type StringKey } from "./strings.js";

const KEYS = Object.keys(STRINGS.en) as StringKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the strings table", () => {
  test("ships English, Bahasa Indonesia, Bahasa Melayu and Traditional Chinese", () => {
    expect(LOCALES).toEqual(["en", "id", "ms", "zh-Hant"]);
  });

  test.each(LOCALES)(
    "%s has every key, each a non-empty text with the same placeholders as English",
    (locale) => {
      const table = STRINGS[locale] as Record<string, string>;
      expect(Object.keys(table).sort()).toEqual([...KEYS].sort());
      for (const key of KEYS) {
        expect(table[key]?.trim()).toBeTruthy();
        expect(placeholders(table[key] ?? "")).toEqual(placeholders(STRINGS.en[key]));
      }
    },
  );

  test.each(LOCALES.filter((l) => l !== "en"))("%s is translated (no text left in English)", (locale) => {
    const table = STRINGS[locale] as Record<string, string>;
    const same = KEYS.filter((key) => table[key] === STRINGS.en[key]);
    expect(same).toEqual([]);
  });

  test("the texts the tests and the example rely on", () => {
    expect(STRINGS.en.noFace).toMatch(/^No face in view/);
    expect(STRINGS.en.manyFaces).toMatch(/only one person/);
    expect(STRINGS.en.tooFar).toMatch(/^Move closer/);
    expect(STRINGS.en.notPassed).toMatch(/^Not passed/);
    // The example's page alone says "Verified", after its server checked the receipt.
    for (const locale of LOCALES) {
      for (const text of Object.values(STRINGS[locale])) expect(text).not.toMatch(/^Verified/);
    }
  });
});

describe("pickLocale", () => {
  test.each([
    ["en-US", "en"],
    ["id", "id"],
    ["id-ID", "id"],
    ["in", "id"],
    ["ms-MY", "ms"],
    ["zh-TW", "zh-Hant"],
    ["zh-HK", "zh-Hant"],
    ["zh-Hant-TW", "zh-Hant"],
    ["zh-CN", "en"],
    ["fr", "en"],
    ["", "en"],
    [undefined, "en"],
    ["idk", "en"],
  ])("%s -> %s", (tag, locale) => {
    expect(pickLocale(tag)).toBe(locale);
  });
});

describe("resolveStrings and formatString", () => {
  test("overrides replace single keys; unknown keys and non-strings are ignored", () => {
    const table = resolveStrings("ms", { start: "Mula", nonsense: "x", tryAgain: 5 });
    expect(table.start).toBe("Mula");
    expect(table.tryAgain).toBe(STRINGS.ms.tryAgain);
    expect("nonsense" in table).toBe(false);
  });

  test("fills placeholders and leaves unknown ones", () => {
    expect(formatString("Sending… {percent}% {other}", { percent: 42 })).toBe("Sending… 42% {other}");
  });
});
