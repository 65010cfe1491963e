import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { formatDate } from "@/lib/shared/format/format-date";
import { subscriptionEnd } from "@/lib/shared/billing/subscription-status";
import { fill } from "@/lib/shared/i18n/slots";
import { DetailRow } from "./detail-row";
import { usePortalCopy } from "./portal-copy";


/** The dates of a subscription as a details list: period, trial, start, and its end or renewal. */
export function SubscriptionFacts({ subscription, locale }: { subscription: PortalSubscription; locale: string }) {
  const copy = usePortalCopy().subscriptions;
  const start = formatDate(subscription.current_period_start, locale);
  const periodEnd = formatDate(subscription.current_period_end, locale);
  const period = start && periodEnd ? fill(copy.period, { start, end: periodEnd }) : (start ?? periodEnd);
  const end = subscriptionEnd(subscription, locale);
  const renews = subscription.status !== "canceled" && end === null ? formatDate(subscription.current_period_end, locale) : null;
  const trialEnd = formatDate(subscription.trial_end, locale);
  return (
    <dl className="details">
      {subscription.status !== "canceled" && <DetailRow term={copy.currentPeriod}>{period}</DetailRow>}
      {trialEnd && <DetailRow term={subscription.status === "trialing" ? copy.trialEnds : copy.trialEnded}>{trialEnd}</DetailRow>}
      {renews && <DetailRow term={copy.renewsOn}>{renews}</DetailRow>}
      {end && <DetailRow term={copy[end.label]}>{end.date}</DetailRow>}
      <DetailRow term={copy.started}>{formatDate(subscription.started_at ?? subscription.created_at, locale)}</DetailRow>
    </dl>
  );
}
