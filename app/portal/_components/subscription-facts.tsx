import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { formatDate } from "@/lib/shared/format/format-date";
import { subscriptionEnd } from "@/lib/shared/billing/subscription-status";
import { DetailRow } from "./detail-row";

function period(subscription: PortalSubscription, locale: string): string | null {
  const start = formatDate(subscription.current_period_start, locale);
  const end = formatDate(subscription.current_period_end, locale);
  return start && end ? `${start} – ${end}` : (start ?? end);
}

/** The dates of a subscription as a details list: period, trial, start, and its end or renewal. */
export function SubscriptionFacts({ subscription, locale }: { subscription: PortalSubscription; locale: string }) {
  const end = subscriptionEnd(subscription, locale);
  const renews = subscription.status !== "canceled" && end === null ? formatDate(subscription.current_period_end, locale) : null;
  const trialEnd = formatDate(subscription.trial_end, locale);
  return (
    <dl className="details">
      {subscription.status !== "canceled" && <DetailRow term="Current period">{period(subscription, locale)}</DetailRow>}
      {trialEnd && <DetailRow term={subscription.status === "trialing" ? "Trial ends" : "Trial ended"}>{trialEnd}</DetailRow>}
      {renews && <DetailRow term="Renews on">{renews}</DetailRow>}
      {end && <DetailRow term={end.label}>{end.date}</DetailRow>}
      <DetailRow term="Started">{formatDate(subscription.started_at ?? subscription.created_at, locale)}</DetailRow>
    </dl>
  );
}
