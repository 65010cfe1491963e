"use client";

import { CancelSubscription } from "./cancel-subscription";
import { RefreshProblem } from "./refresh-problem";
import { SubscriptionBadges } from "./subscription-badges";
import { SubscriptionFacts } from "./subscription-facts";
import { subscriptionTitle } from "./subscription-title";
import { useSubscription } from "./use-portal-data";
import { DetailRow } from "./detail-row";
import { formatPrice } from "@/lib/shared/format/format-price";

export function SubscriptionDetails({ id, locale }: { id: string; locale: string }) {
  const { data, error } = useSubscription(id);
  const subscription = data?.data;
  if (!subscription) return <RefreshProblem error={error} />;
  return (
    <div className="stack">
      <h1>{subscriptionTitle(subscription, locale)}</h1>
      <RefreshProblem error={error} />
      <section className="card stack" aria-labelledby="subscription-details-heading">
        <h2 id="subscription-details-heading" className="visually-hidden">
          Details
        </h2>
        <SubscriptionBadges subscription={subscription} locale={locale} />
        <dl className="details">
          <DetailRow term="Price">{formatPrice(subscription, locale)}</DetailRow>
        </dl>
        <SubscriptionFacts subscription={subscription} locale={locale} />
      </section>
      <CancelSubscription subscription={subscription} locale={locale} />
    </div>
  );
}
