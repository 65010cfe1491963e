import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { subscriptionBadges, type SubscriptionBadge } from "@/lib/shared/billing/subscription-status";
import type { PortalCopy } from "@/lib/shared/i18n/portal-copy";
import { fill } from "@/lib/shared/i18n/slots";
import { Badge } from "./badge";
import { usePortalCopy } from "./portal-copy";

function label(badge: SubscriptionBadge, copy: PortalCopy["subscriptions"]): string {
  if (badge.key === "cancelsOn") return fill(copy.cancelsOn, badge.values);
  const { status, words } = badge.values;
  return status === "other" ? fill(copy.otherStatus, { words }) : copy.status[status];
}

export function SubscriptionBadges({ subscription, locale }: { subscription: PortalSubscription; locale: string }) {
  const copy = usePortalCopy().subscriptions;
  return (
    <p className="badges" data-testid="subscription-status">
      {subscriptionBadges(subscription, locale).map((badge) => (
        <Badge key={badge.key} badge={{ label: label(badge, copy), tone: badge.tone }} />
      ))}
    </p>
  );
}
