import { describe, expect, it } from "vitest";
import { checkoutOutcome, isPayable, payRefusal } from "./pay-now";

describe("which invoices Pay now is for", () => {
  it.each([
    [{ status: "open", amount_due: 3000 }, true, null],
    [{ status: "open", amount_due: null }, true, null],
    [{ status: "open", amount_due: 0 }, false, "invoice:already_paid"],
    [{ status: "paid", amount_due: 0 }, false, "invoice:already_paid"],
    [{ status: "void", amount_due: 0 }, false, "invoice:void"],
    [{ status: "draft", amount_due: 3000 }, false, "invoice:not_payable"],
    [{ status: "uncollectible", amount_due: 3000 }, false, "invoice:not_payable"],
  ])("%o: payable %s, refused as %s", (invoice, payable, refusal) => {
    expect(isPayable(invoice)).toBe(payable);
    expect(payRefusal(invoice)).toBe(refusal);
  });
});

describe("how a payment went", () => {
  it.each([
    ["complete", "paid", "paid"],
    ["complete", "open", "confirming"],
    ["open", "open", "not_completed"],
    ["expired", "open", "not_completed"],
    // Paid some other way while the checkout was left open: what matters is the invoice.
    ["open", "paid", "paid"],
  ])("a %s checkout with a %s invoice is %s", (session, invoice, outcome) => {
    expect(checkoutOutcome(session, { status: invoice })).toBe(outcome);
  });
});
