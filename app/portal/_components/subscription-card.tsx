import { PortalLink } from "./navigation-pending";
import type { Route } from "next";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { useDunningNotice } from "./plan-details-context";
import { PlanTitle } from "./plan-title";
import { SubscriptionBadges } from "./subscription-badges";
import { SubscriptionFacts } from "./subscription-facts";

export function SubscriptionCard({ subscription, locale }: { subscription: PortalSubscription; locale: string }) {
  const dunningNotice = useDunningNotice(subscription);
  return (
    <article className="card stack-tight" aria-labelledby={`subscription-${subscription.id}`}>
      <h3 id={`subscription-${subscription.id}`} className="card-title">
        <PortalLink href={`/portal/subscriptions/${subscription.id}` as Route}>
          <PlanTitle subscription={subscription} locale={locale} />
        </PortalLink>
      </h3>
      <SubscriptionBadges subscription={subscription} locale={locale} />
      {dunningNotice}
      <SubscriptionFacts subscription={subscription} locale={locale} />
    </article>
  );
}
