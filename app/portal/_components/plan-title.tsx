"use client";

import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { usePlanDetail } from "./plan-details-context";
import { usePortalCopy } from "./portal-copy";
import { subscriptionTitle } from "./subscription-title";

/** The product's name with the price beside it ("Pro £12.00 per month"); the price alone when the name is unknown. */
export function PlanTitle({ subscription, locale }: { subscription: PortalSubscription; locale: string }) {
  const { name } = usePlanDetail(subscription.id);
  const { planTitle } = usePortalCopy().subscriptions;
  const price = subscriptionTitle(subscription, locale) ?? planTitle;
  if (name === null) return price;
  return (
    <>
      {name} <span className="plan-price">{price}</span>
    </>
  );
}
