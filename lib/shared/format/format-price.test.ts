import { describe, expect, it } from "vitest";
import { formatCadence, formatPrice } from "./format-price";

const plan = { amount_minor: 1200, currency: "GBP", interval: "month", interval_count: 1 };

describe("formatPrice", () => {
  it("says per for one interval and every for several", () => {
    expect(formatPrice(plan, "en-GB")).toBe("£12.00 per month");
    expect(formatPrice({ ...plan, currency: "EUR", interval_count: 3 }, "en-GB")).toBe("€12.00 every 3 months");
    expect(formatPrice({ ...plan, currency: "JPY", amount_minor: 9800, interval: "year" }, "en-US")).toBe("¥9,800 per year");
  });

  it("leaves the cadence out when the interval is unknown", () => {
    expect(formatPrice({ ...plan, interval: null }, "en-GB")).toBe("£12.00");
  });

  it("answers null without an amount", () => {
    expect(formatPrice({ ...plan, amount_minor: null }, "en-GB")).toBeNull();
  });
});

describe("formatCadence", () => {
  it("reads a missing or invalid count as one", () => {
    expect(formatCadence("week", null)).toBe("per week");
    expect(formatCadence("week", 0)).toBe("per week");
    expect(formatCadence("week", 2)).toBe("every 2 weeks");
  });

  it("keeps an interval it does not know", () => {
    expect(formatCadence("fortnight", 2)).toBe("every 2 fortnights");
  });
});
