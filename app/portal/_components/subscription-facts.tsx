import { useTranslations } from "next-intl";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { formatDate } from "@/lib/shared/format/format-date";
import { subscriptionEnd } from "@/lib/shared/billing/subscription-status";
import { DetailRow } from "./detail-row";


/** The dates of a subscription as a details list: period, trial, start, and its end or renewal. */
export function SubscriptionFacts({ subscription, locale }: { subscription: PortalSubscription; locale: string }) {
  const t = useTranslations("Subscriptions");
  const start = formatDate(subscription.current_period_start, locale);
  const periodEnd = formatDate(subscription.current_period_end, locale);
  const period = start && periodEnd ? t("period", { start, end: periodEnd }) : (start ?? periodEnd);
  const end = subscriptionEnd(subscription, locale);
  const renews = subscription.status !== "canceled" && end === null ? formatDate(subscription.current_period_end, locale) : null;
  const trialEnd = formatDate(subscription.trial_end, locale);
  return (
    <dl className="details">
      {subscription.status !== "canceled" && <DetailRow term={t("currentPeriod")}>{period}</DetailRow>}
      {trialEnd && <DetailRow term={t(subscription.status === "trialing" ? "trialEnds" : "trialEnded")}>{trialEnd}</DetailRow>}
      {renews && <DetailRow term={t("renewsOn")}>{renews}</DetailRow>}
      {end && <DetailRow term={t(end.label)}>{end.date}</DetailRow>}
      <DetailRow term={t("started")}>{formatDate(subscription.started_at ?? subscription.created_at, locale)}</DetailRow>
    </dl>
  );
}
