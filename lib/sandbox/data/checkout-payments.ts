// What paying on the hosted checkout page does to the merchant's world: paid (the invoice settled,
// its plan out of dunning) or declined (nothing changes but the events), each with the webhooks
// RevKeen sends for it.
import { randomUUID } from "node:crypto";
import { toIso } from "./calendar";
import type { SandboxContext } from "../entry/context";
import { checkoutSessionObject, expireCheckout } from "./checkout-sessions";
import { invoiceEventObject } from "./payments";
import type { CheckoutSessionRecord, InvoiceRecord } from "./records";
import { subscriptionEventObject } from "./time-passes";

/** The sandbox's test cards: one that pays, one that is declined. Only brand and last four exist. */
const TEST_CARDS = { succeeded: { brand: "visa", last4: "4242" }, failed: { brand: "visa", last4: "0002" } } as const;

/** As `payment.succeeded` / `payment.failed` carry it, in the shape of a charge to a card on file (./payments.ts). */
function paymentObject(context: SandboxContext, session: CheckoutSessionRecord, id: string, outcome: "succeeded" | "failed"): Record<string, unknown> {
  const invoice = session.invoiceId === null ? undefined : context.state.invoices.get(session.invoiceId);
  return {
    id,
    object: "payment",
    status: outcome,
    amount_minor: session.amountMinor,
    currency: session.currency,
    customer_id: session.customerId,
    invoice_id: session.invoiceId,
    subscription_id: invoice?.subscriptionId ?? null,
    checkout_session_id: session.id,
    payment_method_id: null,
    payment_method_details: { type: "card", card: { ...TEST_CARDS[outcome] } },
    failure_code: outcome === "failed" ? "card_declined" : null,
    failure_message: outcome === "failed" ? "The card was declined." : null,
    created_at: toIso(context.clock.now()),
  };
}

/** The invoice a session pays, when it pays one that still owes something. */
export function payableInvoice(context: SandboxContext, session: CheckoutSessionRecord): InvoiceRecord | null {
  if (session.invoiceId === null) return null;
  const record = context.state.invoices.get(session.invoiceId);
  return record && isPayable(record) ? record : null;
}

/** Open, or uncollectible (written off, yet still owed): anything with an amount due. */
export function isPayable(record: InvoiceRecord): boolean {
  const { status, amount_due, currency } = record.invoice;
  return (status === "open" || status === "uncollectible") && amount_due !== null && amount_due > 0 && currency !== null;
}

export type PayOutcome = "paid" | "nothing_owed";

/**
 * Pays an open session in full. "nothing_owed" when its invoice was settled or voided since the
 * session was made (another session, the merchant): then nobody is charged and the session expires.
 */
export function payCheckout(context: SandboxContext, session: CheckoutSessionRecord): PayOutcome {
  const now = context.clock.now();
  const invoiceRecord = payableInvoice(context, session);
  if (session.invoiceId !== null && invoiceRecord === null) {
    expireCheckout(context, session);
    return "nothing_owed";
  }
  session.status = "complete";
  session.paymentIntentId = randomUUID();
  session.selectedMethod = "card";

  context.webhooks.emit("checkout.session.completed", checkoutSessionObject(session), { status: "open" });
  if (invoiceRecord) {
    const invoice = invoiceRecord.invoice;
    const previous = { status: invoice.status, amount_paid: invoice.amount_paid, amount_due: invoice.amount_due, paid_at: invoice.paid_at };
    invoice.status = "paid";
    invoice.amount_paid = invoice.total;
    invoice.amount_due = 0;
    invoice.paid_at = toIso(now);
    context.webhooks.emit("invoice.paid", invoiceEventObject(invoiceRecord), previous);
  }
  context.webhooks.emit("payment.succeeded", paymentObject(context, session, session.paymentIntentId, "succeeded"));
  if (invoiceRecord) endDunning(context, invoiceRecord);
  return "paid";
}

/** The plan the paid invoice billed, back to active if it was past due, its retries over. */
function endDunning(context: SandboxContext, invoiceRecord: InvoiceRecord): void {
  const record = invoiceRecord.subscriptionId === null ? undefined : context.state.subscriptions.get(invoiceRecord.subscriptionId);
  if (!record || record.subscription.status !== "past_due") return;
  record.subscription.status = "active";
  record.dunning = null;
  record.updatedAt = context.clock.now();
  context.webhooks.emit("subscription.updated", subscriptionEventObject(record), { status: "past_due" });
}

/** A declined card: nothing is paid, the session stays open for another try. */
export function declineCheckout(context: SandboxContext, session: CheckoutSessionRecord): void {
  const paymentId = randomUUID();
  const invoiceRecord = payableInvoice(context, session);
  if (invoiceRecord) context.webhooks.emit("invoice.payment_failed", invoiceEventObject(invoiceRecord));
  context.webhooks.emit("payment.failed", paymentObject(context, session, paymentId, "failed"));
}

