// POST /v2/subscriptions, with the merchant key: subscribe an existing customer to a product,
// charging a payment method on file (the one named, or the customer's default) for the first
// period at once. Paid: the subscription is active and grants its product's benefits. Declined:
// the subscription is `incomplete` (no access) with its first invoice left open, until that invoice
// is paid. A repeated Idempotency-Key creates one subscription and answers the same.
import { randomUUID } from "node:crypto";
import type { SubscriptionsCreateData, SubscriptionsCreateResponse } from "@revkeen/sdk";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { z } from "zod";
import { addInterval, toIso } from "../data/calendar";
import type { SandboxContext } from "../entry/context";
import { requireMerchantKey } from "./credentials";
import { ApiError } from "../http/errors";
import { readIdempotencyKey } from "./idempotency";
import { merchantSubscriptionView } from "./merchant-subscription-view";
import type { OperationInput } from "./operations";
import { declineOf, invoiceEventObject, isExpired, paymentEventObject } from "../data/payments";
import { findProduct } from "./products";
import type { InvoiceRecord, PaymentMethodRecord, SubscriptionRecord } from "../data/records";
import { jsonReply, type Reply } from "../http/reply";
import { parseInput, parseJsonBody, readBodyText } from "../http/request-input";
import { defaultPaymentMethod } from "../data/state";
import { metadataSchema } from "./subscription-metadata";
import { settle, subscriptionEventObject } from "../data/time-passes";
import { billPeriod } from "../data/bill-period";
import { refuseUnplayedFields } from "./unplayed-fields";

type CreateBody = NonNullable<SubscriptionsCreateData["body"]>;

const PLAYED = ["customerId", "productId", "paymentMethodId", "quantity", "metadata"] as const satisfies readonly (keyof CreateBody)[];
const DOCUMENTED = [
  "businessId",
  "planId",
  "priceId",
  "startDate",
  "currency",
  "trialEnd",
  "billingAnchorDay",
  "pauseAtPeriodEnd",
  "cancelAtPeriodEnd",
  "billingStartsOn",
  "billingEndStrategy",
  "billingEndsOn",
  "billingMaxCycles",
  "prorationMode",
] as const satisfies readonly (keyof CreateBody)[];

/** Subscriptions the sandbox holds at most: a script subscribing in a loop fills no memory. */
const MAX_SUBSCRIPTIONS = 1_000;

const createBodySchema = z.object(
  {
    customerId: z.uuid("must be a customer id (a UUID)"),
    productId: z.uuid("must be a product id (a UUID)"),
    paymentMethodId: z.uuid("must be a payment method id (a UUID)").optional(),
    quantity: z.int("must be a whole number").min(1, "must be at least 1").max(1_000, "must be at most 1000").default(1),
    metadata: metadataSchema.optional(),
  },
  "must be a JSON object",
);

/** The method to charge: the one named (the customer's own, not expired), else the default on file. */
function methodToCharge(context: SandboxContext, customerId: string, paymentMethodId: string | undefined, now: number): PaymentMethodRecord {
  if (paymentMethodId !== undefined) {
    const named = context.state.paymentMethods.get(paymentMethodId.toLowerCase());
    // Another customer's method is refused exactly as an unknown one: ids tell nothing.
    if (!named || named.customerId !== customerId) throw new ApiError("invalid_request", "Invalid paymentMethodId: no such payment method for this customer.");
    if (isExpired(named, now)) throw new ApiError("invalid_request", "Invalid paymentMethodId: this payment method has expired.");
    return named;
  }
  const fallback = defaultPaymentMethod(context.state, customerId);
  if (!fallback) throw new ApiError("invalid_request", "The customer has no payment method on file: send paymentMethodId, or collect the first payment through a hosted checkout.");
  if (isExpired(fallback, now)) throw new ApiError("invalid_request", "The customer's default payment method has expired: send paymentMethodId, or collect the first payment through a hosted checkout.");
  return fallback;
}

export async function createSubscription(context: SandboxContext, { request, url }: OperationInput): Promise<Reply> {
  const scope = requireMerchantKey(request, context.apiKey);
  const key = readIdempotencyKey(request);
  const bodyText = await readBodyText(request);
  const json = parseJsonBody(bodyText, { optional: false });
  refuseUnplayedFields(json, "POST /subscriptions", PLAYED, DOCUMENTED);
  const body = parseInput(createBodySchema, json, "body");
  const now = context.clock.now();
  const fingerprint = { scope, key, method: request.method, path: url.pathname, body: bodyText };

  return context.idempotency.run(fingerprint, now, () => {
    settle(context);
    const customerId = body.customerId.toLowerCase();
    if (!context.state.customers.has(customerId)) throw new ApiError("resource_missing", "No such customer for this merchant.");
    const product = findProduct(context, body.productId.toLowerCase());
    if (product.kind !== "subscription" || product.interval === null) throw new ApiError("invalid_request", "Invalid productId: this product is not sold as a subscription.");
    const method = methodToCharge(context, customerId, body.paymentMethodId, now);
    if (context.state.subscriptions.size >= MAX_SUBSCRIPTIONS) {
      throw new ApiError("rate_limited", `The sandbox holds at most ${MAX_SUBSCRIPTIONS} subscriptions: POST /__sandbox/reset starts again.`);
    }

    const decline = declineOf(method, now);
    const paid = decline === null;
    const record = subscribe(context, { customerId, productId: product.id, quantity: body.quantity, metadata: body.metadata ?? {}, paid, now });
    const invoice = billFirstPeriod(context, record, paid, now);
    context.webhooks.emit("subscription.created", subscriptionEventObject(record));
    context.webhooks.emit("invoice.created", { ...invoiceEventObject(invoice), status: "open", amount_paid: 0, amount_due: invoice.invoice.total, paid_at: null });
    context.webhooks.emit(decline === null ? "invoice.paid" : "invoice.payment_failed", invoiceEventObject(invoice));
    context.webhooks.emit(decline === null ? "payment.succeeded" : "payment.failed", paymentEventObject(invoice, method, decline, now));

    const answer: SubscriptionsCreateResponse = { data: merchantSubscriptionView(context, record) };
    return jsonReply(201, answer);
  });
}

interface NewSubscription {
  customerId: string;
  productId: string;
  quantity: number;
  metadata: Record<string, unknown>;
  /** Whether the first payment went through: active if so, else incomplete. */
  paid: boolean;
  now: number;
}

function subscribe(context: SandboxContext, plan: NewSubscription): SubscriptionRecord {
  const product = findProduct(context, plan.productId);
  const periodEnd = addInterval(plan.now, product.interval, product.intervalCount);
  const at = toIso(plan.now);
  const subscription: PortalSubscription = {
    id: randomUUID(),
    object: "subscription",
    status: plan.paid ? "active" : "incomplete",
    currency: product.currency,
    amount_minor: product.amountMinor * plan.quantity,
    interval: product.interval,
    interval_count: product.intervalCount,
    billing_end_strategy: null,
    billing_max_cycles: null,
    current_period_start: at,
    current_period_end: periodEnd === null ? null : toIso(periodEnd),
    trial_end: null,
    cancel_at: null,
    canceled_at: null,
    started_at: at,
    created_at: at,
  };
  const record: SubscriptionRecord = {
    customerId: plan.customerId,
    productId: product.id,
    cancellationReason: null,
    dunning: null,
    quantity: plan.quantity,
    metadata: plan.metadata,
    updatedAt: plan.now,
    subscription,
  };
  context.state.subscriptions.set(subscription.id, record);
  return record;
}

/** The first period's invoice, due at once: paid, or left open when the charge was declined. */
function billFirstPeriod(context: SandboxContext, record: SubscriptionRecord, paid: boolean, now: number): InvoiceRecord {
  return billPeriod(context, record, { amount: record.subscription.amount_minor ?? 0, currency: record.subscription.currency, paid, at: now });
}
