// What happens in the merchant's world as the sandbox's clock moves, brought about whenever
// someone looks: trials end, periods renew and are billed (a paid invoice each, an open one while
// the plan is in dunning), scheduled cancellations take effect, failed payments are retried
// (dunning.ts), unpaid checkouts expire, and each change sends the webhooks RevKeen would send for it.
import { addMonths, toIso } from "./calendar";
import { advanceDunning } from "./dunning";
import { mandateEventObject } from "../api/mandate-access";
import { settleCheckoutSessions } from "./checkout-sessions";
import type { SandboxContext } from "../entry/context";
import { billPeriod } from "./bill-period";
import { invoiceEventObject, paymentEventObject } from "./payments";
import type { SubscriptionRecord } from "./records";
import { settleSubscription, type SubscriptionChange } from "./settle";
import { defaultPaymentMethod } from "./state";

/** A clock moved years at once bills the latest periods only. */
const MAX_BILLED_PERIODS = 12;

/** A subscription as the merchant's webhooks show it: with its customer, product and metadata. */
export function subscriptionEventObject(record: SubscriptionRecord): Record<string, unknown> {
  return { ...structuredClone(record.subscription), customer_id: record.customerId, product_id: record.productId, metadata: structuredClone(record.metadata) };
}

/** Bacs takes about three working days to confirm new bank details: the sandbox takes three days. */
export const LODGEMENT_MS = 3 * 24 * 60 * 60 * 1000;

/** Brings every subscription, mandate and checkout up to the sandbox's now, billing and announcing what changed. */
export function settle(context: SandboxContext): void {
  const now = context.clock.now();
  settleMandates(context, now);
  settleCheckoutSessions(context);
  for (const record of context.state.subscriptions.values()) {
    retryFailedPayment(context, record, now);
    const changes = settleSubscription(record.subscription, now);
    const billable = changes.filter((change) => change.kind !== "canceled").slice(-MAX_BILLED_PERIODS);
    for (const change of changes) {
      if (change.kind === "canceled") {
        record.updatedAt = Date.parse(record.subscription.canceled_at ?? "") || now;
        context.webhooks.emit("subscription.canceled", subscriptionEventObject(record), { status: change.previousStatus });
      } else if (billable.includes(change)) {
        record.updatedAt = change.periodStart;
        bill(context, record, change);
      }
    }
  }
}

/**
 * The retries of a past-due subscription that have fallen due, each failing against the oldest open
 * invoice of the plan; the last restricts access (dunning.ts). A subscription that has ended is no
 * longer retried.
 */
function retryFailedPayment(context: SandboxContext, record: SubscriptionRecord, now: number): void {
  if (record.dunning === null) return;
  if (record.subscription.status === "canceled") {
    record.dunning = null;
    return;
  }
  const owed = [...context.state.invoices.values()]
    .filter((invoice) => invoice.subscriptionId === record.subscription.id && invoice.invoice.status === "open")
    .sort((a, b) => (Date.parse(a.invoice.created_at) || 0) - (Date.parse(b.invoice.created_at) || 0))[0];
  const method = defaultPaymentMethod(context.state, record.customerId);
  for (const retry of advanceDunning(record.dunning, now)) {
    record.updatedAt = retry.at;
    if (!owed) continue;
    context.webhooks.emit("invoice.payment_failed", invoiceEventObject(owed));
    // A retry fails whatever is on file: in the sandbox, only paying the invoice ends dunning.
    context.webhooks.emit("payment.failed", paymentEventObject(owed, method, "card_declined", retry.at));
  }
}

/** A lodged change confirmed once its days have passed; an active mandate's next collection never in the past. */
function settleMandates(context: SandboxContext, now: number): void {
  for (const record of context.state.mandates.values()) {
    const mandate = record.mandate;
    if (mandate.status === "pending" && record.lodgedAt !== null && now - record.lodgedAt >= LODGEMENT_MS) {
      mandate.status = "active";
      record.lodgedAt = null;
      context.webhooks.emit("mandate.activated", mandateEventObject(record), { status: "pending" });
    }
    if (mandate.status !== "cancelled" && mandate.next_collection_date !== null) {
      let next = Date.parse(mandate.next_collection_date);
      // Monthly collections: a date that has passed was collected, and the next is a month on.
      while (next < startOfDay(now)) next = addMonths(next, 1);
      mandate.next_collection_date = toIso(next).slice(0, 10);
    }
  }
}

function startOfDay(ms: number): number {
  return Date.parse(toIso(ms).slice(0, 10));
}

function bill(context: SandboxContext, record: SubscriptionRecord, period: Extract<SubscriptionChange, { periodStart: number }>): void {
  const subscription = record.subscription;
  context.webhooks.emit(
    period.kind === "trial_ended" ? "subscription.updated" : "subscription.renewed",
    subscriptionEventObject(record),
    period.kind === "trial_ended" ? { status: "trialing" } : undefined,
  );
  if (subscription.amount_minor === null || subscription.currency === null) return;
  // While a payment is failing (dunning), the renewal's charge fails too: its invoice stays owed.
  const paid = record.dunning === null;
  const billed = billPeriod(context, record, { amount: subscription.amount_minor, currency: subscription.currency, paid, at: period.periodStart });
  const invoice = billed.invoice;
  const object = invoiceEventObject(billed);
  context.webhooks.emit("invoice.created", { ...object, status: "open", amount_paid: 0, amount_due: invoice.total, paid_at: null });
  context.webhooks.emit(paid ? "invoice.paid" : "invoice.payment_failed", object);
}

