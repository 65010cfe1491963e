import "server-only";
// The subscription changes the portal API cannot make, made with the merchant's key: keeping a
// plan set to end, and subscribing to a plan. They act on a customer's behalf, so the callers
// (the server actions of "Keep my plan" and of an upgrade) first prove through the customer's
// own portal token, or the user's link to their customer, that the customer is theirs; these
// functions only send. ./send.ts sends them.
import { PortalError } from "@/lib/shared/portal-api/errors";
import {
  changedSubscriptionSchema,
  type ChangedSubscription,
  type CreateSubscriptionBody,
  type KeepSubscriptionBody,
} from "@/lib/shared/revkeen-api/subscription-changes";
import { dataSchema, upstreamError } from "@/lib/shared/revkeen-api/wire";
import { checkedId, parser, send } from "./send";

const changedSubscription = parser(dataSchema(changedSubscriptionSchema));

/** Takes back a cancellation set for the period's end: the subscription renews again. */
export function keepSubscription(subscriptionId: string, idempotencyKey: string): Promise<ChangedSubscription> {
  const body: KeepSubscriptionBody = { cancelAtPeriodEnd: false };
  return send({
    operation: "merchant.subscriptions.update",
    method: "PATCH",
    path: `/subscriptions/${checkedId(subscriptionId, "subscription:not_found")}`,
    body,
    credential: { kind: "merchant" },
    idempotencyKey,
    notFound: "subscription:not_found",
    parse: (response) => changedSubscription(response).data,
  });
}

/** Subscribes the customer to one product, paid with a method on file; one subscription per key. */
export function createSubscription(body: CreateSubscriptionBody, idempotencyKey: string): Promise<ChangedSubscription> {
  return send({
    operation: "merchant.subscriptions.create",
    method: "POST",
    path: "/subscriptions",
    body,
    credential: { kind: "merchant" },
    idempotencyKey,
    // A product RevKeen does not know: the offer names a product that is gone.
    notFound: "upgrade:not_offered",
    expectedStatuses: [402],
    refusal: (status, response) => (status === 402 || namesDecline(response) ? new PortalError("upgrade:card_declined") : undefined),
    parse: (response) => changedSubscription(response).data,
  });
}

function namesDecline(body: unknown): boolean {
  const { code, message } = upstreamError(body);
  return /declin/i.test(`${code ?? ""} ${message ?? ""}`);
}
