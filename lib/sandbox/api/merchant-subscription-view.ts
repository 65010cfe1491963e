// A subscription as the merchant's API shows it (GET/PATCH/POST /v2/subscriptions): snake_case,
// with its customer, product, quantity and dunning, which the portal projection leaves out.
import type { SubscriptionsGetResponse } from "@revkeen/sdk";
import { toIso } from "../data/calendar";
import type { SandboxContext } from "../entry/context";
import type { Dunning, SubscriptionRecord } from "../data/records";

const DAY_MS = 86_400_000;

type SdkSubscription = SubscriptionsGetResponse["data"];

/** RevKeen's subscription plus what the sandbox also answers: the PATCH-able fields and the interval count. */
type MerchantSubscription = SdkSubscription & {
  interval_count: number | null;
  cancel_at_period_end: boolean;
  metadata: Record<string, unknown>;
};

/**
 * The phases the sandbox reports: 1 while more than one retry is left, 2 before the final retry,
 * 3 once access is restricted.
 */
function phaseOf(dunning: Dunning): { phase: number; phase_label: string; phase_severity: "info" | "warning" | "critical" } {
  if (dunning.accessRestricted) return { phase: 3, phase_label: "Access restricted", phase_severity: "critical" };
  if (dunning.totalRetries - dunning.retryCount <= 1) return { phase: 2, phase_label: "Final retry", phase_severity: "warning" };
  return { phase: 1, phase_label: "Retrying payment", phase_severity: "info" };
}

function dunningView(dunning: Dunning | null, now: number): SdkSubscription["dunning"] {
  if (dunning === null) return null;
  return {
    is_in_dunning: true,
    ...phaseOf(dunning),
    retry_count: dunning.retryCount,
    total_possible_retries: dunning.totalRetries,
    next_retry_at: dunning.nextRetryAt === null ? null : toIso(dunning.nextRetryAt),
    days_in_dunning: Math.max(0, Math.floor((now - dunning.startedAt) / DAY_MS)),
    access_restricted: dunning.accessRestricted,
  };
}

export function merchantSubscriptionView(context: SandboxContext, record: SubscriptionRecord): MerchantSubscription {
  const subscription = record.subscription;
  return {
    id: subscription.id,
    merchant_id: context.state.merchantId,
    customer_id: record.customerId,
    product_id: record.productId,
    price_id: null,
    plan_id: null,
    status: subscription.status,
    quantity: record.quantity,
    amount_minor: subscription.amount_minor ?? 0,
    currency: subscription.currency ?? "",
    billing_interval: subscription.interval ?? "",
    interval_count: subscription.interval_count,
    current_period_start: subscription.current_period_start ?? subscription.created_at,
    current_period_end: subscription.current_period_end ?? subscription.created_at,
    trial_end: subscription.trial_end,
    canceled_at: subscription.canceled_at,
    // RevKeen's merchant object has no cancel_at: a scheduled end is this flag and current_period_end.
    cancel_at_period_end: subscription.status !== "canceled" && subscription.cancel_at !== null,
    metadata: structuredClone(record.metadata),
    created_at: subscription.created_at,
    updated_at: toIso(record.updatedAt),
    dunning: dunningView(record.dunning, context.clock.now()),
  };
}
