"use client";

import { useTranslations } from "next-intl";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { usePlanDetail } from "./plan-details-context";
import { subscriptionTitle } from "./subscription-title";

/** The product's name with the price beside it ("Pro £12.00 per month"); the price alone when the name is unknown. */
export function PlanTitle({ subscription, locale }: { subscription: PortalSubscription; locale: string }) {
  const { name } = usePlanDetail(subscription.id);
  const t = useTranslations("Subscriptions");
  const price = subscriptionTitle(subscription, locale) ?? t("planTitle");
  if (name === null) return price;
  return (
    <>
      {name} <span className="plan-price">{price}</span>
    </>
  );
}
