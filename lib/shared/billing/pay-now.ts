// Which invoices "Pay now" is for, and what the customer is told when she comes back from
// RevKeen's checkout page. Shared: the pages decide where the button goes, the server action
// refuses the rest with the same rule.
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

export const CHECKOUT_OUTCOME_TEXT: Record<CheckoutOutcome, string> = {
  paid: "Thank you: this invoice is paid.",
  confirming: "Your payment went through. We're confirming it with your invoice.",
  not_completed: "Your payment was not completed, and nothing was charged. You can pay now again when you're ready.",
};

/** The query a return from checkout carries: a marker only, never the session's id. */
export const CHECKOUT_RETURN_PARAM = "checkout";
export const CHECKOUT_RETURN_VALUE = "returned";
