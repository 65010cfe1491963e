// POST /v2/customer-portal/subscriptions/{id}/cancel.
import { z } from "zod";
import { toIso } from "../data/calendar";
import type { SandboxContext } from "../entry/context";
import { ApiError } from "../http/errors";
import { readIdempotencyKey } from "./idempotency";
import type { OperationInput } from "./operations";
import { requirePathId } from "../http/path-ids";
import { authenticateCustomer } from "./portal-auth";
import type { SubscriptionRecord } from "../data/records";
import { jsonReply, type Reply } from "../http/reply";
import { parseInput, parseJsonBody, readBodyText } from "../http/request-input";
import { ownedSubscription } from "../data/state";
import { settle, subscriptionEventObject } from "../data/time-passes";

const cancelBodySchema = z
  .object(
    {
      cancel_at_period_end: z.boolean("must be true or false").default(true),
      reason: z.string("must be a string").max(500, "must be at most 500 characters").optional(),
    },
    "must be a JSON object",
  )
  .optional();

type CancelBody = { cancel_at_period_end: boolean; reason?: string | undefined };

export async function cancelSubscription(context: SandboxContext, { request, url, params }: OperationInput): Promise<Reply> {
  const customerId = authenticateCustomer(context, request);
  const id = requirePathId(params[0], "subscription");
  const key = readIdempotencyKey(request);
  const bodyText = await readBodyText(request);
  const body: CancelBody = parseInput(cancelBodySchema, parseJsonBody(bodyText, { optional: true }), "body") ?? {
    cancel_at_period_end: true,
  };
  const now = context.clock.now();
  const fingerprint = { scope: `customer:${customerId}`, key, method: request.method, path: url.pathname, body: bodyText };

  return context.idempotency.run(fingerprint, now, () => {
    settle(context);
    const record = ownedSubscription(context.state, customerId, id);
    if (!record) throw new ApiError("resource_missing", "No such subscription.");
    const previous = { status: record.subscription.status, cancel_at: record.subscription.cancel_at };
    if (applyCancellation(record, body, now)) {
      const ended = record.subscription.status === "canceled";
      context.webhooks.emit(ended ? "subscription.canceled" : "subscription.updated", subscriptionEventObject(record), ended ? previous : { cancel_at: previous.cancel_at });
    }
    return jsonReply(200, { data: record.subscription });
  });
}

/** Cancels as `body` asks; answers whether anything changed. */
function applyCancellation(record: SubscriptionRecord, body: CancelBody, now: number): boolean {
  const subscription = record.subscription;
  // Already over: RevKeen answers the current state and changes nothing (not even the reason).
  if (subscription.status === "canceled") return false;
  // The reason is merchant-facing: stored, never part of the portal projection.
  if (body.reason !== undefined) record.cancellationReason = body.reason;

  if (body.cancel_at_period_end && subscription.current_period_end !== null) {
    const changed = subscription.cancel_at !== subscription.current_period_end;
    subscription.cancel_at = subscription.current_period_end;
    return changed;
  }
  // Cancelling now also moves cancel_at to now (rather than null), so "cancel_at ≤ now
  // means it has ended" holds for every canceled subscription, scheduled or immediate.
  subscription.status = "canceled";
  subscription.canceled_at = toIso(now);
  subscription.cancel_at = toIso(now);
  return true;
}
