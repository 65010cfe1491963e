// PATCH /v2/subscriptions/{id}, with the merchant key: schedule a subscription to end with its
// period or take that back (`cancelAtPeriodEnd`), and set its metadata. Taking an end back clears
// the end date, so the subscription renews again; a subscription that has already ended cannot be
// brought back (400). A change sends `subscription.updated` with what it was before.
import type { SubscriptionsUpdateData, SubscriptionsUpdateResponse } from "@revkeen/sdk";
import { z } from "zod";
import type { SandboxContext } from "../entry/context";
import { requireMerchantKey } from "./credentials";
import { ApiError } from "../http/errors";
import { readIdempotencyKey } from "./idempotency";
import { merchantSubscriptionView } from "./merchant-subscription-view";
import { findMerchantSubscription } from "./merchant-subscriptions";
import type { OperationInput } from "./operations";
import { requirePathId } from "../http/path-ids";
import { jsonReply, type Reply } from "../http/reply";
import { parseInput, parseJsonBody, readBodyText } from "../http/request-input";
import { settle, subscriptionEventObject } from "../data/time-passes";
import { mergeMetadata, metadataSchema } from "./subscription-metadata";
import { refuseUnplayedFields } from "./unplayed-fields";

type UpdateBody = NonNullable<SubscriptionsUpdateData["body"]>;

const PLAYED = ["cancelAtPeriodEnd", "metadata"] as const satisfies readonly (keyof UpdateBody)[];
const DOCUMENTED = ["pauseAtPeriodEnd", "quantity", "status", "amountMinor", "nextBillingDate", "billingAnchorDay"] as const satisfies readonly (keyof UpdateBody)[];

const updateBodySchema = z
  .object({ cancelAtPeriodEnd: z.boolean("must be true or false").optional(), metadata: metadataSchema.optional() }, "must be a JSON object")
  .refine((body) => body.cancelAtPeriodEnd !== undefined || body.metadata !== undefined, { path: ["body"], message: "say what to change: cancelAtPeriodEnd or metadata" });

export async function updateSubscription(context: SandboxContext, { request, url, params }: OperationInput): Promise<Reply> {
  const scope = requireMerchantKey(request, context.apiKey);
  const id = requirePathId(params[0], "subscription");
  const key = readIdempotencyKey(request);
  const bodyText = await readBodyText(request);
  const json = parseJsonBody(bodyText, { optional: false });
  refuseUnplayedFields(json, "PATCH /subscriptions/{id}", PLAYED, DOCUMENTED);
  const body = parseInput(updateBodySchema, json, "body");
  const now = context.clock.now();
  const fingerprint = { scope, key, method: request.method, path: url.pathname, body: bodyText };

  return context.idempotency.run(fingerprint, now, () => {
    settle(context);
    const record = findMerchantSubscription(context, id);
    const subscription = record.subscription;
    const previous: Record<string, unknown> = {};

    if (body.cancelAtPeriodEnd !== undefined) {
      if (subscription.status === "canceled") {
        throw new ApiError("invalid_request", "This subscription has ended: it can no longer be scheduled to end or renewed. Create a new subscription instead.");
      }
      const cancelAt = body.cancelAtPeriodEnd ? subscription.current_period_end : null;
      if (subscription.cancel_at !== cancelAt) {
        previous.cancel_at = subscription.cancel_at;
        subscription.cancel_at = cancelAt;
      }
    }
    if (body.metadata !== undefined) {
      const merged = mergeMetadata(record.metadata, body.metadata);
      if (JSON.stringify(merged) !== JSON.stringify(record.metadata)) {
        previous.metadata = record.metadata;
        record.metadata = merged;
      }
    }

    if (Object.keys(previous).length > 0) {
      record.updatedAt = now;
      context.webhooks.emit("subscription.updated", subscriptionEventObject(record), previous);
    }
    const answer: SubscriptionsUpdateResponse = { data: merchantSubscriptionView(context, record) };
    return jsonReply(200, answer);
  });
}
