// A locale someone asks for becomes one of the portal's languages by its language alone, or none.
import { describe, expect, it } from "vitest";
import { isAppLocale, LOCALES, matchLocale } from "./locales";

describe("matching a locale to a language we have", () => {
  it.each([
    ["fr-CA", "fr"],
    ["fr-FR", "fr"],
    ["ja-JP", "ja"],
    ["de-AT", "de"],
    ["es-419", "es"],
    ["en-GB", "en"],
    ["EN-us", "en"],
    [" fr ", "fr"],
    ["zh-Hant-TW", null],
    ["pt-BR", null],
    ["pt", null],
  ])("takes %j as %j", (tag, expected) => {
    expect(matchLocale(tag)).toBe(expected);
  });

  it.each([null, undefined, "", "*", "not a locale", "fr_FR!", "x-private", "1234"])("has no language for %j", (tag) => {
    expect(matchLocale(tag)).toBeNull();
  });

  it("knows exactly the five languages of messages/", () => {
    expect(LOCALES).toEqual(["en", "fr", "de", "es", "ja"]);
    expect(LOCALES.every(isAppLocale)).toBe(true);
    expect([undefined, null, 1, "EN", "fr-CA", "pt"].some(isAppLocale)).toBe(false);
  });
});
