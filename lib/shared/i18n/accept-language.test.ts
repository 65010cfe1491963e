// The browser's Accept-Language header, read the way browsers mean it: weights first, ties in
// the order sent, each language matched by its language alone, anything unreadable skipped.
import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./accept-language";

describe("the language of an Accept-Language header", () => {
  it.each([
    ["fr-CA", "fr"],
    ["ja-JP,ja;q=0.9,en;q=0.8", "ja"],
    ["de-DE,de;q=0.9", "de"],
    ["en-US,en;q=0.9", "en"],
    ["es-MX, es;q=0.9", "es"],
  ])("is %j for a browser in that language", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it("passes over languages we do not have to the next one the browser accepts", () => {
    expect(localeFromAcceptLanguage("pt-BR,pt;q=0.9,fr;q=0.5,en;q=0.1")).toBe("fr");
  });

  it("has none when the browser accepts no language we have", () => {
    expect(localeFromAcceptLanguage("pt-BR")).toBeNull();
    expect(localeFromAcceptLanguage("pt-BR,pt;q=0.9,zh-CN;q=0.8")).toBeNull();
  });

  it("follows the weights, not the order, and keeps the order sent between equal weights", () => {
    expect(localeFromAcceptLanguage("en;q=0.2, ja;q=0.9, fr;q=0.5")).toBe("ja");
    expect(localeFromAcceptLanguage("de;q=0.5, es;q=0.5")).toBe("de");
    expect(localeFromAcceptLanguage("es, de")).toBe("es");
    expect(localeFromAcceptLanguage("fr;q=0.999, de")).toBe("de");
  });

  it("never chooses a language the browser refuses with q=0", () => {
    expect(localeFromAcceptLanguage("fr;q=0, de;q=0.1")).toBe("de");
    expect(localeFromAcceptLanguage("fr;q=0.000")).toBeNull();
  });

  it("reads * as no language in particular", () => {
    expect(localeFromAcceptLanguage("*")).toBeNull();
    expect(localeFromAcceptLanguage("*, ja;q=0.1")).toBe("ja");
  });

  it.each([null, undefined, "", ",,,", ";;;", "   ", "%%%, ???", "q=1", ";q=1"])("has none for %j", (header) => {
    expect(localeFromAcceptLanguage(header)).toBeNull();
  });

  it("skips an entry whose weight is not a weight, and reads the rest", () => {
    expect(localeFromAcceptLanguage("fr;q=abc, de;q=0.3")).toBe("de");
    expect(localeFromAcceptLanguage("fr;q=5, de;q=0.3")).toBe("de");
    expect(localeFromAcceptLanguage("fr;q=-1, de;q=0.3")).toBe("de");
    expect(localeFromAcceptLanguage("fr;q=0.1234, de;q=0.3")).toBe("de");
    expect(localeFromAcceptLanguage("fr;level=1;q=0.9, de;q=0.3")).toBe("fr");
  });

  it("reads no further than the 32nd entry, whatever the weights after it", () => {
    const others = (count: number, entry: string) => Array.from({ length: count }, () => entry);
    expect(localeFromAcceptLanguage([...others(31, "pt"), "fr"].join(","))).toBe("fr");
    expect(localeFromAcceptLanguage([...others(32, "pt"), "fr"].join(","))).toBeNull();
    expect(localeFromAcceptLanguage([...others(32, "pt;q=0.5"), "fr;q=1"].join(", "))).toBeNull();
  });
});
