import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { formatPrice } from "@/lib/shared/format/format-price";

/**
 * The portal has no plan names (RevKeen keeps them merchant-side), so the price names a plan;
 * null without one (the caller says "Subscription" in the customer's language).
 */
export function subscriptionTitle(subscription: PortalSubscription, locale: string): string | null {
  return formatPrice(subscription, locale);
}
