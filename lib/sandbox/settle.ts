// Time only moves the sandbox forward when someone looks: before answering, every
// subscription is brought up to "now" (trial over, period renewed, scheduled cancel done).
import type { PortalSubscription } from "@/lib/shared/revkeen-api/schemas";
import { addInterval, fromIso, toIso } from "./calendar";

/** A daily plan advanced ten years takes ~3,650 steps; the cap only guards against a loop. */
const MAX_STEPS = 50_000;

export function settleSubscription(subscription: PortalSubscription, now: number): void {
  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (!advanceOnce(subscription, now)) return;
  }
}

function advanceOnce(subscription: PortalSubscription, now: number): boolean {
  if (subscription.status === "canceled") return false;

  const cancelAt = fromIso(subscription.cancel_at);
  if (cancelAt !== null && cancelAt <= now) {
    subscription.status = "canceled";
    subscription.canceled_at = subscription.cancel_at;
    return true;
  }

  if (subscription.status === "trialing") {
    const trialEnd = fromIso(subscription.trial_end);
    if (trialEnd === null || trialEnd > now) return false;
    subscription.status = "active";
    return startPeriod(subscription, trialEnd);
  }

  if (subscription.status === "active" || subscription.status === "past_due") {
    const periodEnd = fromIso(subscription.current_period_end);
    if (periodEnd === null || periodEnd > now) return false;
    return startPeriod(subscription, periodEnd);
  }

  return false;
}

function startPeriod(subscription: PortalSubscription, start: number): boolean {
  const end = addInterval(start, subscription.interval, subscription.interval_count);
  if (end === null) return false;
  subscription.current_period_start = toIso(start);
  subscription.current_period_end = toIso(end);
  return true;
}
