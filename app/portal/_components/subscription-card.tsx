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
        {/* Not prefetched, as the invoice rows' links are not: a plan's page is all data, which a
            prefetch does not fetch, so each card only asked the server for the shell again, every
            time the list showed, in front of whatever the customer clicks next. */}
        <PortalLink href={`/portal/subscriptions/${subscription.id}` as Route} prefetch={false}>
          <PlanTitle subscription={subscription} locale={locale} />
        </PortalLink>
      </h3>
      <SubscriptionBadges subscription={subscription} locale={locale} />
      {dunningNotice}
      <SubscriptionFacts subscription={subscription} locale={locale} />
    </article>
  );
}
