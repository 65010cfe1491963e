// What a cancellation will do, said before it is done and shown the moment it is confirmed.
// The server's answer replaces the optimistic copy; this only has to agree with it in the
// fields the page shows (status, cancel_at, canceled_at). The sentences are keys of the
// "CancelPlan" messages with their values; the component says them in the customer's language.
import type { CancelSubscriptionBody, PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { formatDate } from "../format/format-date";

type Cancellable = Pick<PortalSubscription, "status" | "current_period_end" | "cancel_at" | "canceled_at">;

/** At the period end only when there is a period end to wait for; RevKeen cancels now otherwise. */
function waitsForPeriodEnd(subscription: Cancellable, atPeriodEnd: boolean): boolean {
  return atPeriodEnd && subscription.current_period_end !== null;
}

/** The sentence on the confirm step. */
export function cancelConsequence(
  subscription: Cancellable,
  atPeriodEnd: boolean,
  locale: string,
): { key: "staysActive"; values: { date: string } } | { key: "endsNow"; values?: undefined } {
  const date = formatDate(subscription.current_period_end, locale);
  return waitsForPeriodEnd(subscription, atPeriodEnd) && date ? { key: "staysActive", values: { date } } : { key: "endsNow" };
}

/** The sentence once RevKeen has the cancellation. */
export function cancelDone(
  subscription: Pick<PortalSubscription, "status" | "cancel_at">,
  locale: string,
): { key: "canceled" | "recorded"; values?: undefined } | { key: "endsOn"; values: { date: string } } {
  if (subscription.status === "canceled") return { key: "canceled" };
  const date = formatDate(subscription.cancel_at, locale);
  return date ? { key: "endsOn", values: { date } } : { key: "recorded" };
}

/** The subscription as it will look once the cancellation is through. */
export function cancelledCopy<S extends Cancellable>(subscription: S, body: CancelSubscriptionBody, now: Date): S {
  if (subscription.status === "canceled") return subscription;
  if (waitsForPeriodEnd(subscription, body.cancel_at_period_end ?? true)) {
    return { ...subscription, cancel_at: subscription.current_period_end };
  }
  const at = now.toISOString();
  return { ...subscription, status: "canceled", canceled_at: at, cancel_at: at };
}
