// GET /v2/entitlements/check and GET /v2/entitlements, with the merchant key: what a customer's
// subscriptions give them. A plan grants its product's benefits; an active, trialing or past-due
// subscription grants access, a canceled or incomplete one does not, nor one whose dunning has
// restricted access, and a scheduled cancel keeps access until its date (the subscription stays
// active until then).
import { z } from "zod";
import type { SandboxContext } from "../entry/context";
import { requireMerchantKey } from "./credentials";
import { ApiError } from "../http/errors";
import { deterministicUuid } from "../data/ids";
import type { OperationInput } from "./operations";
import type { SubscriptionRecord } from "../data/records";
import { jsonReply, type Reply } from "../http/reply";
import { parseInput, queryParams } from "../http/request-input";
import { settle } from "../data/time-passes";

/** What the demo merchant's plans can grant. */
const BENEFITS: Record<string, { name: string; description: string; benefit_type: string; category: string }> = {
  "pro-reports": { name: "Pro reports", description: "Revenue and usage reports, refreshed daily.", benefit_type: "feature", category: "analytics" },
};

const GRANTING_STATUSES = new Set(["active", "trialing", "past_due"]);

function grantsAccess(record: SubscriptionRecord): boolean {
  return GRANTING_STATUSES.has(record.subscription.status) && record.dunning?.accessRestricted !== true;
}

function benefitsOf(context: SandboxContext, record: SubscriptionRecord): string[] {
  return context.state.products.get(record.productId)?.benefits ?? [];
}

function benefitView(key: string) {
  const benefit = BENEFITS[key];
  if (!benefit) return null;
  return { id: deterministicUuid(`benefit:${key}`), benefit_key: key, ...benefit, icon_url: null, display_order: 0, is_active: true };
}

const checkQuerySchema = z.object({
  customer_id: z.uuid("must be a customer id (a UUID)"),
  benefit_key: z.string("is required").min(1, "is required").max(100, "must be at most 100 characters"),
});

const listQuerySchema = z.object({
  customer_id: z.uuid("must be a customer id (a UUID)"),
  include_expired: z.enum(["true", "false"], "must be true or false").default("false"),
  benefit_type: z.string().optional(),
  category: z.string().optional(),
  limit: z.coerce.number("must be a whole number").int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(20),
  offset: z.coerce.number("must be a whole number").int("must be a whole number").min(0, "must not be negative").default(0),
});

function customerOf(context: SandboxContext, id: string) {
  const customer = context.state.customers.get(id.toLowerCase());
  if (!customer) throw new ApiError("resource_missing", "No such customer for this merchant.");
  return customer;
}

function grantsOf(context: SandboxContext, customerId: string): SubscriptionRecord[] {
  return [...context.state.subscriptions.values()].filter((record) => record.customerId === customerId && benefitsOf(context, record).length > 0);
}

export function checkEntitlement(context: SandboxContext, { request, url }: OperationInput): Reply {
  requireMerchantKey(request, context.apiKey);
  const query = parseInput(checkQuerySchema, queryParams(url, ["customer_id", "benefit_key"]), "query");
  settle(context);
  const customer = customerOf(context, query.customer_id);
  const granting = grantsOf(context, customer.id).filter((record) => benefitsOf(context, record).includes(query.benefit_key));
  const live = granting.find(grantsAccess);
  const restricted = live ? undefined : granting.find((record) => record.dunning?.accessRestricted === true && record.subscription.status !== "canceled");
  const benefit = benefitView(query.benefit_key);
  return jsonReply(200, {
    data: {
      benefit_key: query.benefit_key,
      has_access: live !== undefined,
      access_level: live ? "full" : "none",
      status: restricted ? "restricted" : ((live ?? granting[0])?.subscription.status ?? null),
      benefit,
      reason: live
        ? null
        : restricted
          ? "Access is restricted until the plan's failed payment is made."
          : benefit === null
            ? "No plan grants this benefit."
            : "No current subscription grants this benefit.",
    },
  });
}

export function listEntitlements(context: SandboxContext, { request, url }: OperationInput): Reply {
  requireMerchantKey(request, context.apiKey);
  const query = parseInput(listQuerySchema, queryParams(url, ["customer_id", "include_expired", "benefit_type", "category", "limit", "offset"]), "query");
  settle(context);
  const customer = customerOf(context, query.customer_id);
  const all = grantsOf(context, customer.id).flatMap((record) =>
    benefitsOf(context, record).map((key) => {
      const subscription = record.subscription;
      const benefit = benefitView(key);
      const hasAccess = grantsAccess(record);
      return {
        id: deterministicUuid(`entitlement:${subscription.id}:${key}`),
        customer_id: customer.id,
        benefit_id: benefit?.id ?? null,
        benefit,
        granted_at: subscription.started_at ?? subscription.created_at,
        expires_at: subscription.status === "canceled" ? subscription.canceled_at : subscription.cancel_at,
        metadata: {},
        status: subscription.status,
        has_access: hasAccess,
        access_level: hasAccess ? "full" : "none",
        subscription_id: subscription.id,
        subscription_status: subscription.status,
      };
    }),
  );
  const matching = all.filter(
    (entitlement) =>
      (query.include_expired === "true" || entitlement.has_access) &&
      (query.benefit_type === undefined || entitlement.benefit?.benefit_type === query.benefit_type) &&
      (query.category === undefined || entitlement.benefit?.category === query.category),
  );
  return jsonReply(200, {
    data: matching.slice(query.offset, query.offset + query.limit),
    pagination: { limit: query.limit, offset: query.offset, total: matching.length },
    customer: { id: customer.id, email: customer.email, name: customer.name },
  });
}
