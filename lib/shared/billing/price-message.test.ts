import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import { priceKey, priceValues } from "./price-message";

const english = createTranslator({ locale: "en", messages: en, namespace: "Pricing" });
const price = (interval: string | null, count: number | null, amount_minor: number | null = 1200, currency = "GBP") => ({ amount_minor, currency, interval, interval_count: count });

describe("a price with its cadence", () => {
  it("says per month for one month, and every N months for more", () => {
    expect(english("price", priceValues(price("month", 1), "en-GB")!)).toBe("£12.00 per month");
    expect(english("price", priceValues(price("month", 3), "en-GB")!)).toBe("£12.00 every 3 months");
    expect(english("price", priceValues(price("year", null), "en-GB")!)).toBe("£12.00 per year");
  });

  it("takes a count that is not a positive whole number as one", () => {
    expect(priceValues(price("week", 0), "en-GB")).toEqual({ amount: "£12.00", interval: "week", count: 1 });
    expect(priceValues(price("week", 1.5), "en-GB")).toEqual({ amount: "£12.00", interval: "week", count: 1 });
  });

  it("leaves the amount alone without an interval it knows", () => {
    expect(english("price", priceValues(price(null, null), "en-GB")!)).toBe("£12.00");
    expect(english("price", priceValues(price("fortnight", 1), "en-GB")!)).toBe("£12.00");
  });

  it("writes the amount in the customer's locale and the cadence in the page's language", () => {
    const japanese = createTranslator({ locale: "ja", messages: ja, namespace: "Pricing" });
    expect(japanese("price", priceValues(price("month", 1, 980, "JPY"), "ja-JP")!)).toBe("月額 ￥980");
    const german = createTranslator({ locale: "de", messages: de, namespace: "Pricing" });
    expect(german("price", priceValues(price("month", 3, 1200, "EUR"), "de-DE")!)).toBe("12,00\u00a0€ alle 3 Monate");
  });

  it("is null when the amount is unknown", () => {
    expect(priceValues(price("month", 1, null), "en-GB")).toBeNull();
  });

  it("keys a price by what its words depend on", () => {
    expect(priceKey(price("month", 1))).toBe(priceKey(price("month", 1)));
    expect(priceKey(price("month", 1))).not.toBe(priceKey(price("month", 3)));
    expect(priceKey(price("month", 1))).not.toBe(priceKey(price("month", 1, 1200, "EUR")));
  });
});
