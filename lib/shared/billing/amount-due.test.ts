import { describe, expect, it } from "vitest";
import { amountDueByCurrency } from "./amount-due";

describe("amountDueByCurrency", () => {
  it("adds up what is due on open invoices, per currency", () => {
    const due = amountDueByCurrency([
      { status: "open", currency: "GBP", amount_due: 1440 },
      { status: "open", currency: "gbp", amount_due: 3000 },
      { status: "open", currency: "EUR", amount_due: 1200 },
      { status: "paid", currency: "GBP", amount_due: 0 },
      { status: "uncollectible", currency: "GBP", amount_due: 999 },
    ]);
    expect(due).toEqual([
      { currency: "EUR", amountMinor: 1200 },
      { currency: "GBP", amountMinor: 4440 },
    ]);
  });

  it("is empty when nothing is open", () => {
    expect(amountDueByCurrency([])).toEqual([]);
    expect(amountDueByCurrency([{ status: "open", currency: null, amount_due: 100 }])).toEqual([]);
  });
});
