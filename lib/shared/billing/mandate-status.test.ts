import { describe, expect, it } from "vitest";
import { isAmendableMandate, isCancellableMandate, mandateBadge, mandateTitle, maskedAccount } from "./mandate-status";

describe("a mandate's status for the customer", () => {
  it("is said in words, an unknown one included", () => {
    expect(mandateBadge({ status: "active" })).toEqual({ label: "Active", tone: "success" });
    expect(mandateBadge({ status: "pending_lodgement" }).label).toBe("Being set up");
    expect(mandateBadge({ status: "cancelled" }).label).toBe("Cancelled");
    expect(mandateBadge({ status: "awaiting_bank_review" })).toEqual({ label: "Awaiting bank review", tone: "neutral" });
  });

  it("offers a cancel until it has ended, and a change of bank only while active", () => {
    expect(["active", "pending", "suspended"].map((status) => isCancellableMandate({ status }))).toEqual([true, true, true]);
    expect(["cancelled", "failed", "expired"].map((status) => isCancellableMandate({ status }))).toEqual([false, false, false]);
    expect(["active", "pending", "cancelled"].map((status) => isAmendableMandate({ status }))).toEqual([true, false, false]);
  });

  it("shows the account as its last four digits only", () => {
    expect(maskedAccount({ account_number_last4: "4321" })).toBe("•••• 4321");
    expect(maskedAccount({ account_number_last4: null })).toBeNull();
  });

  it("is named by its bank and last four digits, with a fallback for either", () => {
    expect(mandateTitle({ bank_name: "Barclays", account_number_last4: "4321" })).toBe("Barclays •••• 4321");
    expect(mandateTitle({ bank_name: null, account_number_last4: "4321" })).toBe("Bank account •••• 4321");
    expect(mandateTitle({ bank_name: "Barclays", account_number_last4: null })).toBe("Barclays");
  });
});
