// The demo customers' cards on file, dated from a `now` so that what they show stays true whatever
// the date: Ada's default Visa expires at the end of the current month (before her plans' renewals
// next month), her old Mastercard expired two months ago; Grace has none.
import { addMonths } from "./calendar";
import { deterministicUuid } from "./ids";
import type { PaymentMethodRecord } from "./records";

/** Ada's default card: a Visa ending 4242 that expires at the end of the sandbox's current month. */
export const ADA_VISA = deterministicUuid("payment-method:ada:visa");
/** Ada's older Mastercard ending 4444, expired two months ago. */
export const ADA_MASTERCARD = deterministicUuid("payment-method:ada:mastercard");
export const KENJI_CARD = deterministicUuid("payment-method:kenji:jcb");
export const EMILIE_CARD = deterministicUuid("payment-method:emilie:visa");

/** The month and year (1–12, four digits) `months` from the month of `now`. */
function expiry(now: number, months: number): { expMonth: number; expYear: number } {
  const date = new Date(addMonths(now, months));
  return { expMonth: date.getUTCMonth() + 1, expYear: date.getUTCFullYear() };
}

/** The cards of the demo customers whose ids seed.ts passes in. */
export function seedPaymentMethods(now: number, customers: { ada: string; kenji: string; emilie: string }): PaymentMethodRecord[] {
  const method = (id: string, customerId: string, fields: Omit<PaymentMethodRecord, "id" | "customerId" | "declines">): PaymentMethodRecord => ({
    id,
    customerId,
    declines: false,
    ...fields,
  });
  return [
    method(ADA_VISA, customers.ada, {
      isDefault: true,
      card: { brand: "visa", last4: "4242", ...expiry(now, 0), funding: "credit" },
      holderName: "Ada Lovelace",
      createdAt: addMonths(now, -30),
    }),
    method(ADA_MASTERCARD, customers.ada, {
      isDefault: false,
      card: { brand: "mastercard", last4: "4444", ...expiry(now, -2), funding: "debit" },
      holderName: "Ada Lovelace",
      createdAt: addMonths(now, -40),
    }),
    method(KENJI_CARD, customers.kenji, {
      isDefault: true,
      card: { brand: "jcb", last4: "0505", ...expiry(now, 36), funding: "credit" },
      holderName: "KENJI SATO",
      createdAt: addMonths(now, -6),
    }),
    method(EMILIE_CARD, customers.emilie, {
      isDefault: true,
      card: { brand: "visa", last4: "3155", ...expiry(now, 24), funding: "debit" },
      holderName: "Émilie du Châtelet",
      createdAt: addMonths(now, -24),
    }),
  ];
}
