// Time only moves the sandbox forward when someone looks: before answering, every
// subscription is brought up to "now" (trial over, period renewed, scheduled cancel done).
// Each step is reported, so the sandbox can bill a new period and send the webhooks for it.
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { addInterval, fromIso, toIso } from "./calendar";

/** A daily plan advanced ten years takes ~3,650 steps; the cap only guards against a loop. */
const MAX_STEPS = 50_000;

export type SubscriptionChange =
  | { kind: "canceled"; previousStatus: string }
  | { kind: "trial_ended" | "renewed"; periodStart: number; periodEnd: number };

/** Brings `subscription` up to `now` in place; answers every step it took, oldest first. */
export function settleSubscription(subscription: PortalSubscription, now: number): SubscriptionChange[] {
  const changes: SubscriptionChange[] = [];
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const change = advanceOnce(subscription, now);
    if (change === null) break;
    changes.push(change);
  }
  return changes;
}

function advanceOnce(subscription: PortalSubscription, now: number): SubscriptionChange | null {
  if (subscription.status === "canceled") return null;

  const cancelAt = fromIso(subscription.cancel_at);
  if (cancelAt !== null && cancelAt <= now) {
    const previousStatus = subscription.status;
    subscription.status = "canceled";
    subscription.canceled_at = subscription.cancel_at;
    return { kind: "canceled", previousStatus };
  }

  if (subscription.status === "trialing") {
    const trialEnd = fromIso(subscription.trial_end);
    if (trialEnd === null || trialEnd > now) return null;
    subscription.status = "active";
    const period = startPeriod(subscription, trialEnd);
    return period === null ? null : { kind: "trial_ended", ...period };
  }

  if (subscription.status === "active" || subscription.status === "past_due") {
    const periodEnd = fromIso(subscription.current_period_end);
    if (periodEnd === null || periodEnd > now) return null;
    const period = startPeriod(subscription, periodEnd);
    return period === null ? null : { kind: "renewed", ...period };
  }

  return null;
}

function startPeriod(subscription: PortalSubscription, start: number): { periodStart: number; periodEnd: number } | null {
  const end = addInterval(start, subscription.interval, subscription.interval_count);
  if (end === null) return null;
  subscription.current_period_start = toIso(start);
  subscription.current_period_end = toIso(end);
  return { periodStart: start, periodEnd: end };
}
