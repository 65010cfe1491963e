import { useTranslations } from "next-intl";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { subscriptionBadges } from "@/lib/shared/billing/subscription-status";
import { Badge } from "./badge";

export function SubscriptionBadges({ subscription, locale }: { subscription: PortalSubscription; locale: string }) {
  const t = useTranslations("Subscriptions");
  return (
    <p className="badges" data-testid="subscription-status">
      {subscriptionBadges(subscription, locale).map((badge) => (
        <Badge key={badge.key} badge={{ label: badge.key === "status" ? t(badge.key, badge.values) : t(badge.key, badge.values), tone: badge.tone }} />
      ))}
    </p>
  );
}
