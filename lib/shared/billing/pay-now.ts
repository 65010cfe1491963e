// Which invoices "Pay now" is for, and how a payment went when the customer comes back from
// RevKeen's checkout page (the PayNow namespace's `outcome` messages say it). Shared: the pages
// decide where the button goes, the server action refuses the rest with the same rule.
import { formatMoney } from "@/lib/shared/format/format-money";
import { orNone } from "@/lib/shared/i18n/select-none";
import type { PortalErrorCode } from "@/lib/shared/portal-api/error-codes";
import type { PortalInvoice } from "@/lib/shared/revkeen-api/customer-portal";

type Payable = Pick<PortalInvoice, "status" | "amount_due">;

/** Open with something left to pay. A draft is not yet owed; a paid or void one is not owed any more. */
export function isPayable(invoice: Payable): boolean {
  return invoice.status === "open" && (invoice.amount_due === null || invoice.amount_due > 0);
}

/** Why an invoice cannot be paid now, in the action's words; null when it can. */
export function payRefusal(invoice: Payable): PortalErrorCode | null {
  if (isPayable(invoice)) return null;
  if (invoice.status === "paid" || (invoice.status === "open" && invoice.amount_due === 0)) return "invoice:already_paid";
  if (invoice.status === "void") return "invoice:void";
  return "invoice:not_payable";
}

/**
 * How a payment went, once the customer is back: paid (the invoice says so), being confirmed
 * (RevKeen's checkout completed but the invoice is not marked paid yet: its webhook, or RevKeen's
 * own bookkeeping, is late) or not completed (cancelled, declined, abandoned or expired).
 */
export type CheckoutOutcome = "paid" | "confirming" | "not_completed";

export function checkoutOutcome(sessionStatus: string, invoice: Pick<PortalInvoice, "status">): CheckoutOutcome {
  if (invoice.status === "paid") return "paid";
  return sessionStatus === "complete" ? "confirming" : "not_completed";
}

/** What a "Pay now" is for, in its button's accessible name: a message of the PayNow namespace. */
export type PayNowDescription = { key: "invoice"; values: { number: string; amount: string } } | { key: "forPlan"; values: { plan: string } };

/**
 * Which invoice a "Pay now" is for, where several share a page: the PayNow namespace's `invoice`
 * message with its number and what is left to pay, in the customer's locale.
 */
export function payNowDescription(invoice: Pick<PortalInvoice, "invoice_number" | "amount_due" | "total" | "currency">, locale: string): PayNowDescription {
  const amount = formatMoney(invoice.amount_due ?? invoice.total, invoice.currency, locale);
  return { key: "invoice", values: { number: orNone(invoice.invoice_number), amount: orNone(amount) } };
}

/** The query a return from checkout carries: a marker only, never the session's id. */
export const CHECKOUT_RETURN_PARAM = "checkout";
export const CHECKOUT_RETURN_VALUE = "returned";
