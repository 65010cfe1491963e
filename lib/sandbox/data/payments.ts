// A charge to a payment method on file, and the objects its webhooks carry. A card is refused
// when it has expired or the sandbox has been told it declines (POST /__sandbox/payment-methods/declines);
// otherwise the charge succeeds. No card number exists here to leak: only brand and last four.
import { randomUUID } from "node:crypto";
import { toIso } from "./calendar";
import type { InvoiceRecord, PaymentMethodRecord } from "./records";

/** Whether the card is past the last day of its expiry month at `now`. */
export function isExpired(method: PaymentMethodRecord, now: number): boolean {
  // Date.UTC(year, month, 1) with a 1-based month is the first instant of the month after expiry.
  return now >= Date.UTC(method.card.expYear, method.card.expMonth, 1);
}

type DeclineCode = "card_declined" | "expired_card" | "no_payment_method";

const DECLINE_MESSAGES: Record<DeclineCode, string> = {
  card_declined: "The card was declined.",
  expired_card: "The card has expired.",
  no_payment_method: "No payment method on file to charge.",
};

/** Why a charge to `method` fails at `now`, or null when it goes through. */
export function declineOf(method: PaymentMethodRecord | null, now: number): DeclineCode | null {
  if (method === null) return "no_payment_method";
  if (isExpired(method, now)) return "expired_card";
  return method.declines ? "card_declined" : null;
}

/** An invoice as the merchant's webhooks show it: with its customer and subscription. */
export function invoiceEventObject(record: InvoiceRecord): Record<string, unknown> {
  return { ...structuredClone(record.invoice), customer_id: record.customerId, subscription_id: record.subscriptionId };
}

/** The payment object of `payment.succeeded` / `payment.failed` for a charge of `invoice`. */
export function paymentEventObject(invoice: InvoiceRecord, method: PaymentMethodRecord | null, decline: DeclineCode | null, at: number): Record<string, unknown> {
  return {
    id: randomUUID(),
    object: "payment",
    status: decline === null ? "succeeded" : "failed",
    amount_minor: invoice.invoice.total,
    currency: invoice.invoice.currency,
    customer_id: invoice.customerId,
    invoice_id: invoice.invoice.id,
    subscription_id: invoice.subscriptionId,
    payment_method_id: method?.id ?? null,
    payment_method_details: method === null ? null : { type: "card", card: { brand: method.card.brand, last4: method.card.last4 } },
    failure_code: decline,
    failure_message: decline === null ? null : DECLINE_MESSAGES[decline],
    created_at: toIso(at),
  };
}
