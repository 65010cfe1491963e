import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { subscriptionBadges } from "@/lib/shared/billing/subscription-status";
import { Badge } from "./badge";

export function SubscriptionBadges({ subscription, locale }: { subscription: PortalSubscription; locale: string }) {
  return (
    <p className="badges" data-testid="subscription-status">
      {subscriptionBadges(subscription, locale).map((badge) => (
        <Badge key={badge.label} badge={badge} />
      ))}
    </p>
  );
}
