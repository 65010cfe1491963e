import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import fr from "../../../messages/fr.json";
import ja from "../../../messages/ja.json";
import { priceKey, priceParts } from "./format-price";

const plan = { amount_minor: 1200, currency: "GBP", interval: "month", interval_count: 1 };

function say(messages: typeof en, locale: "en" | "fr" | "ja", parts: ReturnType<typeof priceParts>): string | null {
  if (parts === null) return null;
  return createTranslator({ locale, messages, namespace: "Price" })("cadence", parts);
}

describe("priceParts", () => {
  it("says per for one interval and every for several, in the page's language", () => {
    expect(say(en, "en", priceParts(plan, "en-GB"))).toBe("£12.00 per month");
    expect(say(en, "en", priceParts({ ...plan, currency: "EUR", interval_count: 3 }, "en-GB"))).toBe("€12.00 every 3 months");
    expect(say(en, "en", priceParts({ ...plan, currency: "JPY", amount_minor: 9800, interval: "year" }, "en-US"))).toBe("¥9,800 per year");
    expect(say(fr, "fr", priceParts({ ...plan, currency: "EUR", interval_count: 3 }, "fr-FR"))).toBe("12,00\u00a0€ tous les 3 mois");
    expect(say(ja, "ja", priceParts({ ...plan, currency: "JPY", amount_minor: 980 }, "ja-JP"))).toBe("￥980／月");
  });

  it("reads a missing or invalid count as one", () => {
    expect(priceParts({ ...plan, interval_count: null }, "en-GB")?.count).toBe(1);
    expect(priceParts({ ...plan, interval_count: 0 }, "en-GB")?.count).toBe(1);
  });

  it("says the money alone when the interval is unknown or missing", () => {
    expect(say(en, "en", priceParts({ ...plan, interval: null }, "en-GB"))).toBe("£12.00");
    expect(say(en, "en", priceParts({ ...plan, interval: "fortnight" }, "en-GB"))).toBe("£12.00");
  });

  it("answers null without an amount", () => {
    expect(priceParts({ ...plan, amount_minor: null }, "en-GB")).toBeNull();
  });

  it("keys a price by what its words depend on", () => {
    expect(priceKey(plan)).toBe(priceKey({ ...plan }));
    expect(priceKey(plan)).not.toBe(priceKey({ ...plan, interval_count: 3 }));
  });
});
