import { describe, expect, it } from "vitest";
import { dunningLine, dunningMessage, triesLeft } from "./dunning-message";
import type { DunningSummary } from "./plan-details";

const retrying: DunningSummary = { retriesMade: 2, retriesLeft: 2, nextRetryAt: "2026-12-09T10:00:00Z", accessRestricted: false };

describe("the dunning message", () => {
  it("counts the tries left with English plural forms", () => {
    expect(triesLeft(1)).toBe("1 try left");
    expect(triesLeft(2)).toBe("2 tries left");
    expect(triesLeft(0)).toBe("0 tries left");
    expect(triesLeft(11)).toBe("11 tries left");
  });

  it("says the payment failed, when the next try is in the customer's locale, and how many are left", () => {
    expect(dunningMessage(retrying, "en-GB")).toEqual({
      headline: "Your last payment for this plan failed.",
      nextTry: "We'll try again on 9 December 2026 (2 tries left).",
      access: "You still have access while it is being paid.",
    });
    expect(dunningMessage({ ...retrying, retriesLeft: 1 }, "ja-JP").nextTry).toBe("We'll try again on 2026年12月9日 (1 try left).");
    expect(dunningMessage(retrying, "fr-FR").nextTry).toBe("We'll try again on 9 décembre 2026 (2 tries left).");
  });

  it("says when access is already restricted", () => {
    expect(dunningMessage({ ...retrying, accessRestricted: true }, "en-GB").access).toBe("Your access is restricted until it is paid.");
  });

  it("says when no automatic tries are left, whatever date is given", () => {
    expect(dunningMessage({ ...retrying, retriesLeft: 0 }, "en-GB").nextTry).toBe("There are no automatic tries left: pay now to keep your plan.");
  });

  it("says what it knows when RevKeen leaves out the date or the count", () => {
    expect(dunningMessage({ ...retrying, retriesLeft: null }, "en-US").nextTry).toBe("We'll try again on December 9, 2026.");
    expect(dunningMessage({ ...retrying, nextRetryAt: null, retriesLeft: 3 }, "en-US").nextTry).toBe("We'll try again (3 tries left).");
    expect(dunningMessage({ ...retrying, nextRetryAt: null, retriesLeft: null }, "en-US").nextTry).toBeNull();
  });

  it("fits on one line on a plan's card", () => {
    expect(dunningLine(retrying, "en-GB")).toBe("Payment failed. Next try on 9 December 2026.");
    expect(dunningLine({ ...retrying, accessRestricted: true, retriesLeft: 0 }, "en-GB")).toBe("Payment failed. No tries left. Access restricted.");
    expect(dunningLine({ ...retrying, nextRetryAt: null }, "en-GB")).toBe("Payment failed.");
  });
});
