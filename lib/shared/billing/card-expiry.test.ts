import { describe, expect, it } from "vitest";
import { cardHasExpired, cardStopsWorkingAt, firstRenewalNotCovered, nextRenewals } from "./card-expiry";

const march2027 = { exp_month: 3, exp_year: 2027 };
const december2026 = { exp_month: 12, exp_year: 2026 };

describe("a card's expiry", () => {
  it("is good through the last day of its month and stops on the first of the next", () => {
    expect(cardStopsWorkingAt(march2027)).toBe(Date.parse("2027-04-01T00:00:00Z"));
    expect(cardStopsWorkingAt(december2026)).toBe(Date.parse("2027-01-01T00:00:00Z"));
    expect(cardStopsWorkingAt({ exp_month: null, exp_year: 2027 })).toBeNull();
  });

  it("misses the first renewal on or after the first of the month after it expires", () => {
    expect(firstRenewalNotCovered(march2027, ["2027-03-31T23:59:59Z"])).toBeNull();
    expect(firstRenewalNotCovered(march2027, ["2027-03-14T00:00:00Z", "2027-04-01T00:00:00Z", "2027-05-14T00:00:00Z"])).toBe("2027-04-01T00:00:00Z");
    expect(firstRenewalNotCovered(march2027, [])).toBeNull();
    expect(firstRenewalNotCovered({ exp_month: null, exp_year: null }, ["2030-01-01T00:00:00Z"])).toBeNull();
  });

  it("has expired once that first instant has passed", () => {
    expect(cardHasExpired(december2026, Date.parse("2026-12-31T23:59:59Z"))).toBe(false);
    expect(cardHasExpired(december2026, Date.parse("2027-01-01T00:00:00Z"))).toBe(true);
  });
});

describe("the next renewals", () => {
  const plan = (current_period_end: string | null, status = "active", cancel_at: string | null = null) => ({ status, cancel_at, current_period_end });

  it("are the period ends of the plans that still renew, earliest first, a past-due plan included", () => {
    expect(nextRenewals([plan("2027-02-01T00:00:00Z"), plan("2027-01-10T00:00:00Z", "past_due"), plan("2027-03-01T00:00:00Z", "trialing")])).toEqual([
      "2027-01-10T00:00:00Z",
      "2027-02-01T00:00:00Z",
      "2027-03-01T00:00:00Z",
    ]);
  });

  it("leave out canceled plans, plans set to end and dates that cannot be read", () => {
    expect(nextRenewals([plan("2027-01-01T00:00:00Z", "canceled"), plan("2027-01-02T00:00:00Z", "active", "2027-01-02T00:00:00Z"), plan("2027-05-01T00:00:00Z")])).toEqual(["2027-05-01T00:00:00Z"]);
    expect(nextRenewals([plan(null), plan("not a date")])).toEqual([]);
  });
});
