import "server-only";
// The plans' prices said in the page's language, made with the page (where the formatter is), so
// the plans' client components show them without a message formatter in their scripts.
import { getTranslations } from "next-intl/server";
import { priceKey, priceParts } from "@/lib/shared/format/format-price";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";

/** Each price among `subscriptions` in words ("£12.00 per month"), by `priceKey`. */
export async function priceLabels(subscriptions: readonly PortalSubscription[], locale: string): Promise<Record<string, string>> {
  const t = await getTranslations("Price");
  const labels: Record<string, string> = {};
  for (const subscription of subscriptions) {
    const parts = priceParts(subscription, locale);
    if (parts !== null) labels[priceKey(subscription)] = t("cadence", parts);
  }
  return labels;
}
