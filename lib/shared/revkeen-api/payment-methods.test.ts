import { describe, expect, it } from "vitest";
import { paymentMethodListSchema } from "./payment-methods";

const ids = { card: "5f0c7a52-3f0e-4d7e-9f43-7a1f7c2b9e10", bacs: "6a1d8b63-4f1e-4e8f-8a54-8b2a8d3c0f21", customer: "0b5a7e1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d" };

const base = { object: "payment_method", public_id: "pm_1", status: "active", customer_id: ids.customer, metadata: { risk: "low" }, created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z" };
const billing_details = { name: "Ada Lovelace", email: "ada@example.com", phone: "+44 20 0000 0000", address: null };

const card = {
  ...base,
  id: ids.card,
  type: "card",
  is_default: true,
  card: { brand: "visa", last4: "4242", exp_month: 1, exp_year: 2027, funding: "credit" },
  us_bank_account: null,
  bacs_direct_debit: null,
  billing_details,
};
const bacs = {
  ...base,
  id: ids.bacs,
  type: "bacs_direct_debit",
  is_default: false,
  card: null,
  us_bank_account: null,
  bacs_direct_debit: { sort_code: "**-**-56", account_number_last4: "6789", bank_name: "Barclays", mandate_id: ids.customer, mandate_ref: "RK-123456", mandate_status: "active" },
  billing_details,
};

describe("the payment methods on file", () => {
  it("keeps brand, last four and expiry, and the bank and last four of a Direct Debit, nothing more", () => {
    const { data } = paymentMethodListSchema.parse({ data: [card, bacs] });
    expect(data).toEqual([
      { id: ids.card, type: "card", status: "active", is_default: true, card: { brand: "visa", last4: "4242", exp_month: 1, exp_year: 2027 }, us_bank_account: null, bacs_direct_debit: null },
      { id: ids.bacs, type: "bacs_direct_debit", status: "active", is_default: false, card: null, us_bank_account: null, bacs_direct_debit: { bank_name: "Barclays", account_number_last4: "6789" } },
    ]);
    const text = JSON.stringify(data);
    for (const hidden of ["credit", "Ada Lovelace", "ada@example.com", "**-**-56", "RK-123456", "pm_1", "low"]) expect(text).not.toContain(hidden);
  });

  it("drops a last-four that is not four digits rather than showing it", () => {
    const { data } = paymentMethodListSchema.parse({ data: [{ ...card, card: { ...card.card, last4: "4242424242424242" } }] });
    expect(data[0]?.card?.last4).toBeNull();
  });

  it("reads an empty list", () => {
    expect(paymentMethodListSchema.parse({ data: [] }).data).toEqual([]);
  });
});
