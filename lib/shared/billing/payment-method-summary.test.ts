import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import type { PaymentMethod } from "@/lib/shared/revkeen-api/payment-methods";
import { cardsOnFile, type CardsOnFile, type MethodLabel } from "./payment-method-summary";

const now = Date.parse("2026-12-06T12:00:00Z");
const visa: PaymentMethod = { id: "pm_visa", type: "card", status: "active", is_default: true, card: { brand: "visa", last4: "4242", exp_month: 1, exp_year: 2027 } };
const expiredMastercard: PaymentMethod = { id: "pm_mc", type: "card", status: "active", is_default: false, card: { brand: "mastercard", last4: "4444", exp_month: 8, exp_year: 2026 } };
const bacs: PaymentMethod = { id: "pm_dd", type: "bacs_direct_debit", status: "active", is_default: false, bacs_direct_debit: { bank_name: "Barclays", account_number_last4: "6789" } };

/** The overview's words for the cards on file, as PaymentMethodsSection says them. */
function said(cards: CardsOnFile, locale: "en" | "ja" = "en") {
  const t = createTranslator({ locale, messages: { PaymentMethods: { en, ja }[locale].PaymentMethods }, namespace: "PaymentMethods" });
  const name = (label: MethodLabel) => t(label.key, label.values);
  return {
    methods: cards.methods.map((method) => ({
      label: name(method.label),
      expiry: method.expiry && t(method.expiry.key, method.expiry.values),
      isDefault: method.isDefault,
      expired: method.expired,
    })),
    warning: cards.warning && (cards.warning.key === "warningExpired" ? t(cards.warning.key, { card: name(cards.warning.card) }) : t(cards.warning.key, { card: name(cards.warning.card), date: cards.warning.date })),
  };
}

describe("the payment methods on the overview", () => {
  it("shows brand, last four, expiry and the default, default first, and warns when the default card will not pay the next renewal", () => {
    expect(said(cardsOnFile([expiredMastercard, bacs, visa], ["2026-12-20T00:00:00Z", "2027-02-01T00:00:00Z", "2027-03-01T00:00:00Z"], "en-GB", now))).toEqual({
      methods: [
        { label: "Visa ending 4242", expiry: "Expires 01/2027", isDefault: true, expired: false },
        { label: "Mastercard ending 4444", expiry: "Expired 08/2026", isDefault: false, expired: true },
        { label: "Direct Debit: Barclays ending 6789", expiry: null, isDefault: false, expired: false },
      ],
      warning: "Your default card, Visa ending 4242, expires before your payment on 1 February 2027.",
    });
  });

  it("decides the messages and their values, leaving the words to the page's language", () => {
    const cards = cardsOnFile([visa], ["2027-02-01T00:00:00Z"], "en-GB", now);
    expect(cards.methods[0]?.label).toEqual({ key: "card", values: { brand: "Visa", last4: "4242" } });
    expect(cards.warning).toEqual({ key: "warningBeforePayment", card: { key: "card", values: { brand: "Visa", last4: "4242" } }, date: "1 February 2027" });
    expect(said(cards, "ja").warning).toBe("既定のカード Visa（末尾 4242） は、1 February 2027のお支払いより前に有効期限が切れます。");
  });

  it("says what it can of a method with parts missing", () => {
    const bare: PaymentMethod[] = [
      { ...visa, card: { brand: null, last4: null, exp_month: null, exp_year: null } },
      { ...bacs, is_default: false, bacs_direct_debit: { bank_name: null, account_number_last4: "1234" } },
      { id: "pm_us", type: "us_bank_account", status: "active", is_default: false, us_bank_account: { bank_name: "Chase", last4: null } },
      { id: "pm_x", type: "link", status: "active", is_default: false },
    ];
    expect(said(cardsOnFile(bare, [], "en-GB", now)).methods.map((method) => [method.label, method.expiry])).toEqual([
      ["Card", null],
      ["Direct Debit: bank account ending 1234", null],
      ["Bank account at Chase", null],
      ["Payment method", null],
    ]);
  });

  it("does not warn when the default card lasts through every renewal, or nothing renews", () => {
    expect(cardsOnFile([visa], ["2026-12-20T00:00:00Z", "2027-01-31T00:00:00Z"], "en-GB", now).warning).toBeNull();
    expect(cardsOnFile([visa], [], "en-GB", now).warning).toBeNull();
    expect(cardsOnFile([{ ...bacs, is_default: true }], ["2030-01-01T00:00:00Z"], "en-GB", now).warning).toBeNull();
  });

  it("names a card's brand as the upgrade's charge line does (card-brand.ts)", () => {
    const amex: PaymentMethod = { ...visa, card: { brand: "american_express", last4: "0005", exp_month: 1, exp_year: 2027 } };
    expect(said(cardsOnFile([amex], [], "en-GB", now)).methods.map((method) => method.label)).toEqual(["American Express ending 0005"]);
  });

  it("says so when the default card has already expired", () => {
    expect(said(cardsOnFile([{ ...expiredMastercard, is_default: true }], ["2027-01-01T00:00:00Z"], "en-GB", now)).warning).toBe("Your default card, Mastercard ending 4444, has expired.");
  });

  it("writes the expiry in the customer's locale", () => {
    expect(cardsOnFile([visa], [], "ja-JP", now).methods[0]?.expiry).toEqual({ key: "expires", values: { date: "2027/01" } });
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
