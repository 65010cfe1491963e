import "server-only";
// The plans' prices said in the page's language, made with the page (where the formatter is), so
// the plans' client components show them without a message formatter in their scripts.
import { getTranslations } from "next-intl/server";
import { priceKey, priceValues } from "@/lib/shared/billing/price-message";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";

/** Each price among `subscriptions` in words (`Pricing.price`: "£12.00 per month"), by `priceKey`. */
export async function priceLabels(subscriptions: readonly PortalSubscription[], locale: string): Promise<Record<string, string>> {
  const t = await getTranslations("Pricing");
  const labels: Record<string, string> = {};
  for (const subscription of subscriptions) {
    const values = priceValues(subscription, locale);
    if (values !== null) labels[priceKey(subscription)] = t("price", values);
  }
  return labels;
}
