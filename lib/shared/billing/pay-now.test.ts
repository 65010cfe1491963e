import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { checkoutOutcome, isPayable, payNowDescription, payRefusal } from "./pay-now";

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

describe("what a Pay now is for", () => {
  const invoice = { invoice_number: "ADA-0046", amount_due: 3000, total: 3240, currency: "GBP" };
  const said = (language: "en" | "fr", description: ReturnType<typeof payNowDescription>) => {
    const t = createTranslator({ locale: language, messages: { PayNow: { en, fr }[language].PayNow }, namespace: "PayNow" });
    return t(description.key, description.values);
  };

  it("is the invoice's number and what is left to pay, in the customer's locale", () => {
    expect(payNowDescription(invoice, "en-GB")).toEqual({ key: "invoice", values: { number: "ADA-0046", amount: "£30.00" } });
    expect(said("en", payNowDescription(invoice, "en-GB"))).toBe("invoice ADA-0046, £30.00");
    expect(said("fr", payNowDescription(invoice, "fr-FR"))).toBe("facture ADA-0046, 30,00\u00a0£GB");
  });

  it("says what it can of an invoice without a number or an amount", () => {
    expect(said("en", payNowDescription({ ...invoice, invoice_number: null }, "en-GB"))).toBe("invoice, £30.00");
    expect(said("en", payNowDescription({ ...invoice, currency: null }, "en-GB"))).toBe("invoice ADA-0046");
  });
});
