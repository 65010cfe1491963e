"use client";

import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { usePlanDetail, usePriceLabel } from "./plan-details-context";
import { usePortalCopy } from "./portal-copy";

/** The product's name with the price beside it ("Pro £12.00 per month"); the price alone when the name is unknown. */
export function PlanTitle({ subscription, locale }: { subscription: PortalSubscription; locale: string }) {
  const { name } = usePlanDetail(subscription.id);
  const { planTitle } = usePortalCopy().subscriptions;
  const price = usePriceLabel(subscription, locale) ?? planTitle;
  if (name === null) return price;
  return (
    <>
      {name} <span className="plan-price">{price}</span>
    </>
  );
}

/** A plan's price in words ("£12.00 per month"), as the page's language says it. */
export function PlanPrice({ subscription, locale }: { subscription: PortalSubscription; locale: string }) {
  return usePriceLabel(subscription, locale);
}
