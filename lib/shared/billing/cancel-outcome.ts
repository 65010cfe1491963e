// What a cancellation will do, said before it is done and shown the moment it is confirmed.
// The server's answer replaces the optimistic copy; this only has to agree with it in the
// fields the page shows (status, cancel_at, canceled_at).
import type { CancelSubscriptionBody, PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { formatDate } from "../format/format-date";

type Cancellable = Pick<PortalSubscription, "status" | "current_period_end" | "cancel_at" | "canceled_at">;

/** At the period end only when there is a period end to wait for; RevKeen cancels now otherwise. */
function waitsForPeriodEnd(subscription: Cancellable, atPeriodEnd: boolean): boolean {
  return atPeriodEnd && subscription.current_period_end !== null;
}

/** The sentence on the confirm step. */
export function cancelConsequence(subscription: Cancellable, atPeriodEnd: boolean, locale: string): string {
  const until = formatDate(subscription.current_period_end, locale);
  return waitsForPeriodEnd(subscription, atPeriodEnd) && until
    ? `Your plan stays active until ${until}. You won't be charged again.`
    : "Your plan ends now. You won't be charged again.";
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
