import type { PortalSubscription } from "@/lib/revkeen/schemas";
import { formatPrice } from "@/lib/format-price";

/** The portal has no plan names (RevKeen keeps them merchant-side), so the price names a plan. */
export function subscriptionTitle(subscription: PortalSubscription, locale: string): string {
  return formatPrice(subscription, locale) ?? "Subscription";
}
