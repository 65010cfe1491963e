// GET /v2/subscriptions and GET /v2/subscriptions/{id}, with the merchant key: any of the
// merchant's subscriptions, with its product and dunning. Reads settle the clock first, so a
// retry that has fallen due has been made.
import type { SubscriptionsGetResponse, SubscriptionsListResponse } from "@revkeen/sdk";
import { z } from "zod";
import type { SandboxContext } from "../entry/context";
import { requireMerchantKey } from "./credentials";
import { ApiError } from "../http/errors";
import { merchantSubscriptionView } from "./merchant-subscription-view";
import type { OperationInput } from "./operations";
import { pageOf, pageQueryShape } from "./page-paging";
import { requirePathId } from "../http/path-ids";
import type { SubscriptionRecord } from "../data/records";
import { jsonReply, type Reply } from "../http/reply";
import { parseInput, queryParams } from "../http/request-input";
import { newestFirst } from "../data/seed";
import { settle } from "../data/time-passes";

const STATUSES = ["active", "canceled", "past_due", "trialing", "paused", "incomplete", "incomplete_expired"] as const;

const listQuerySchema = z.object({
  ...pageQueryShape,
  customerId: z.uuid("must be a customer id (a UUID)").optional(),
  status: z.enum(STATUSES, `must be one of ${STATUSES.join(", ")}`).optional(),
});

/** The merchant's subscription, or the 404 RevKeen answers for an id it does not know. */
export function findMerchantSubscription(context: SandboxContext, id: string): SubscriptionRecord {
  const record = context.state.subscriptions.get(id);
  if (!record) throw new ApiError("resource_missing", "No such subscription.");
  return record;
}

/** Newest first; a customer id that matches nobody is an empty list, as any filter that matches nothing. */
export function listMerchantSubscriptions(context: SandboxContext, { request, url }: OperationInput): Reply {
  requireMerchantKey(request, context.apiKey);
  const query = parseInput(listQuerySchema, queryParams(url, ["page", "limit", "customerId", "status"]), "query");
  settle(context);
  const customerId = query.customerId?.toLowerCase();
  const matching = [...context.state.subscriptions.values()].filter(
    (record) => (customerId === undefined || record.customerId === customerId) && (query.status === undefined || record.subscription.status === query.status),
  );
  const ordered = newestFirst(matching.map((record) => ({ id: record.subscription.id, record })), (item) => item.record.subscription.created_at);
  const body: SubscriptionsListResponse = pageOf(
    ordered.map((item) => merchantSubscriptionView(context, item.record)),
    query,
  );
  return jsonReply(200, body);
}

export function getMerchantSubscription(context: SandboxContext, { request, params }: OperationInput): Reply {
  requireMerchantKey(request, context.apiKey);
  const id = requirePathId(params[0], "subscription");
  settle(context);
  const body: SubscriptionsGetResponse = { data: merchantSubscriptionView(context, findMerchantSubscription(context, id)) };
  return jsonReply(200, body);
}
