import { describe, expect, it } from "vitest";
import type { PaymentMethod } from "@/lib/shared/revkeen-api/payment-methods";
import { cardsOnFile } from "./payment-method-summary";

const now = Date.parse("2026-12-06T12:00:00Z");
const visa: PaymentMethod = { id: "pm_visa", type: "card", status: "active", is_default: true, card: { brand: "visa", last4: "4242", exp_month: 1, exp_year: 2027 } };
const expiredMastercard: PaymentMethod = { id: "pm_mc", type: "card", status: "active", is_default: false, card: { brand: "mastercard", last4: "4444", exp_month: 8, exp_year: 2026 } };
const bacs: PaymentMethod = { id: "pm_dd", type: "bacs_direct_debit", status: "active", is_default: false, bacs_direct_debit: { bank_name: "Barclays", account_number_last4: "6789" } };

describe("the payment methods on the overview", () => {
  it("shows brand, last four, expiry and the default, default first, and warns when the default card will not pay the next renewal", () => {
    expect(cardsOnFile([expiredMastercard, bacs, visa], ["2026-12-20T00:00:00Z", "2027-02-01T00:00:00Z", "2027-03-01T00:00:00Z"], "en-GB", now)).toEqual({
      methods: [
        { label: "Visa ending 4242", expiry: "Expires 01/2027", isDefault: true, expired: false },
        { label: "Mastercard ending 4444", expiry: "Expired 08/2026", isDefault: false, expired: true },
        { label: "Direct Debit: Barclays ending 6789", expiry: null, isDefault: false, expired: false },
      ],
      warning: "Your default card, Visa ending 4242, expires before your payment on 1 February 2027.",
    });
  });

  it("does not warn when the default card lasts through every renewal, or nothing renews", () => {
    expect(cardsOnFile([visa], ["2026-12-20T00:00:00Z", "2027-01-31T00:00:00Z"], "en-GB", now).warning).toBeNull();
    expect(cardsOnFile([visa], [], "en-GB", now).warning).toBeNull();
    expect(cardsOnFile([{ ...bacs, is_default: true }], ["2030-01-01T00:00:00Z"], "en-GB", now).warning).toBeNull();
  });

  it("names a card's brand as the upgrade's charge line does (card-brand.ts)", () => {
    const amex: PaymentMethod = { ...visa, card: { brand: "american_express", last4: "0005", exp_month: 1, exp_year: 2027 } };
    expect(cardsOnFile([amex], [], "en-GB", now).methods.map((method) => method.label)).toEqual(["American Express ending 0005"]);
  });

  it("says so when the default card has already expired", () => {
    expect(cardsOnFile([{ ...expiredMastercard, is_default: true }], ["2027-01-01T00:00:00Z"], "en-GB", now).warning).toBe("Your default card, Mastercard ending 4444, has expired.");
  });

  it("writes the expiry in the customer's locale", () => {
    expect(cardsOnFile([visa], [], "ja-JP", now).methods[0]?.expiry).toBe("Expires 2027/01");
  });

  it("carries no id, funding or billing detail to the page", () => {
    const shown = JSON.stringify(cardsOnFile([visa, bacs], [], "en-GB", now));
    expect(shown).not.toContain("pm_");
    expect(Object.keys(cardsOnFile([visa], [], "en-GB", now).methods[0] ?? {}).sort()).toEqual(["expired", "expiry", "isDefault", "label"]);
  });

  it("is empty for a customer with nothing on file", () => {
    expect(cardsOnFile([], ["2027-01-01T00:00:00Z"], "en-GB", now)).toEqual({ methods: [], warning: null });
  });
});
