import { describe, expect, it } from "vitest";
import { CANCEL_REASON_LIMIT, cancelReasonText, cancelRefusal, commentLimit } from "@/lib/shared/billing/cancel-policy";
import { portalOptions, type CancelOptions } from "@/lib/shared/billing/portal-options";

const everything: CancelOptions = { cancelNow: true, cancelReasons: ["Too dear", "Not needed"], cancelComment: true };

describe("cancelReasonText", () => {
  it("sends the chosen reason, the customer's words, or both", () => {
    expect(cancelReasonText("Too dear", "")).toBe("Too dear");
    expect(cancelReasonText(null, "  moving abroad \n")).toBe("moving abroad");
    expect(cancelReasonText("Too dear", " found a cheaper plan ")).toBe("Too dear: found a cheaper plan");
  });

  it("sends nothing when the customer gave no reason", () => {
    expect(cancelReasonText(null, "")).toBeUndefined();
    expect(cancelReasonText(null, "   ")).toBeUndefined();
  });

  it("leaves room for the chosen reason within RevKeen's limit", () => {
    const choice = "Too dear";
    expect(commentLimit(null)).toBe(CANCEL_REASON_LIMIT);
    const longest = cancelReasonText(choice, "x".repeat(commentLimit(choice)));
    expect(longest).toHaveLength(CANCEL_REASON_LIMIT);
  });
});

describe("cancelRefusal", () => {
  it("accepts every choice when everything is offered", () => {
    expect(cancelRefusal({ cancel_at_period_end: false }, everything)).toBeNull();
    expect(cancelRefusal({ cancel_at_period_end: true, reason: "Too dear: found a cheaper plan" }, everything)).toBeNull();
    expect(cancelRefusal({}, everything)).toBeNull();
  });

  it("refuses ending now when it is not offered, but not a scheduled end", () => {
    const scheduleOnly = { ...everything, cancelNow: false };
    expect(cancelRefusal({ cancel_at_period_end: false }, scheduleOnly)).toBe("subscription:cancel_now_not_offered");
    expect(cancelRefusal({ cancel_at_period_end: true }, scheduleOnly)).toBeNull();
    // Left out means at the period end upstream.
    expect(cancelRefusal({ reason: "Too dear" }, scheduleOnly)).toBeNull();
  });

  it("accepts only an offered reason when there is no free-text box", () => {
    const choicesOnly = { ...everything, cancelComment: false };
    expect(cancelRefusal({ reason: "Not needed" }, choicesOnly)).toBeNull();
    expect(cancelRefusal({ reason: "Not needed: and more" }, choicesOnly)).toBe("request:invalid");
    expect(cancelRefusal({ reason: "anything" }, { ...choicesOnly, cancelReasons: [] })).toBe("request:invalid");
    expect(cancelRefusal({}, { ...choicesOnly, cancelReasons: [] })).toBeNull();
  });

  it("refuses a reason longer than RevKeen takes", () => {
    expect(cancelRefusal({ reason: "x".repeat(CANCEL_REASON_LIMIT) }, everything)).toBeNull();
    expect(cancelRefusal({ reason: "x".repeat(CANCEL_REASON_LIMIT + 1) }, everything)).toBe("request:invalid");
  });
});

describe("the shipped portal options", () => {
  it("offer distinct, non-empty reasons that leave room for the customer's words", () => {
    const reasons = portalOptions.cancelReasons;
    expect(new Set(reasons).size).toBe(reasons.length);
    for (const reason of reasons) {
      expect(reason.trim()).toBe(reason);
      expect(reason.length).toBeGreaterThan(0);
      expect(commentLimit(reason)).toBeGreaterThanOrEqual(100);
    }
  });
});
