import { describe, expect, it } from "vitest";
import { formatMoney } from "./format-money";

describe("formatMoney", () => {
  it("writes two-decimal currencies from minor units", () => {
    expect(formatMoney(1200, "GBP", "en-GB")).toBe("£12.00");
    expect(formatMoney(1200, "EUR", "en-GB")).toBe("€12.00");
    expect(formatMoney(99, "USD", "en-US")).toBe("$0.99");
  });

  it("writes yen without decimals, since JPY has no minor unit", () => {
    expect(formatMoney(980, "JPY", "ja-JP")).toMatch(/^[¥￥]980$/);
    expect(formatMoney(9800, "JPY", "en-US")).toBe("¥9,800");
  });

  it("writes three-decimal currencies from minor units", () => {
    expect(formatMoney(1500, "KWD", "en-US")).toMatch(/1\.500/);
  });

  it("follows the reader's locale for separators and symbol position", () => {
    expect(formatMoney(123456, "EUR", "fr-FR")).toMatch(/^1\s234,56\s€$/);
  });

  it("accepts a lower-case currency code", () => {
    expect(formatMoney(1200, "gbp", "en-GB")).toBe("£12.00");
  });

  it("answers null when the amount or the currency is missing", () => {
    expect(formatMoney(null, "GBP", "en-GB")).toBeNull();
    expect(formatMoney(1200, null, "en-GB")).toBeNull();
  });

  it("does not throw on a currency code Intl refuses", () => {
    expect(formatMoney(1200, "NOT-A-CODE", "en-GB")).toBe("1200 NOT-A-CODE");
  });
});
