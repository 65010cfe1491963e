import "server-only";
import { getTranslations } from "next-intl/server";
import type { PlanDetails } from "@/lib/shared/billing/plan-details";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { payNowDescribes } from "./pay-now-describes";
import { priceLabels } from "@/lib/server/i18n/price-labels";
import { priceKey } from "@/lib/shared/billing/price-message";

/**
 * The end of the "Pay now" button's name on each past-due plan ("for Backup"), by the id of the
 * plan's unpaid invoice: said on the server in the page's language, so the plans' client
 * components show it as it is (PlanDetailsProvider's `payNowFor`).
 */
export async function payNowForPlans(subscriptions: readonly PortalSubscription[], details: PlanDetails, locale: string): Promise<Record<string, string>> {
  const [t, subscriptionsT, prices] = await Promise.all([getTranslations("PayNow"), getTranslations("Subscriptions"), priceLabels(subscriptions, locale)]);
  const named: Record<string, string> = {};
  for (const subscription of subscriptions) {
    const detail = details[subscription.id];
    if (!detail?.openInvoiceId) continue;
    named[detail.openInvoiceId] = payNowDescribes(t, { key: "forPlan", values: { plan: detail.name ?? prices[priceKey(subscription)] ?? subscriptionsT("planTitle") } });
  }
  return named;
}
