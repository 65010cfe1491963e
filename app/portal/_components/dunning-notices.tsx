import "server-only";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { PlanDetails } from "@/lib/shared/billing/plan-details";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { DunningNotice } from "./dunning-notice";
import { payNowDescribes } from "./pay-now-describes";
import { PayNowForm } from "./pay-now-form";
import type { PayNowOffer } from "./pay-now-offer";
import { priceLabels } from "@/lib/server/i18n/price-labels";
import { priceKey } from "@/lib/shared/billing/price-message";

/**
 * The dunning notice of each plan in dunning, by the subscription's id: drawn on the server in the
 * page's language with its "Pay now" (the button named for the plan, "for Backup"), for the plans'
 * client components to show while the plan is past due (PlanDetailsProvider's `dunningNotices`).
 * `details` carry the notices' words (lib/server/i18n/dunning-texts.ts).
 */
export async function dunningNotices(
  subscriptions: readonly PortalSubscription[],
  details: PlanDetails,
  locale: string,
  offer: PayNowOffer | null,
  { brief }: { brief: boolean },
): Promise<Record<string, ReactNode>> {
  const [t, subscriptionsT, prices] = await Promise.all([getTranslations("PayNow"), getTranslations("Subscriptions"), priceLabels(subscriptions, locale)]);
  const notices: Record<string, ReactNode> = {};
  for (const subscription of subscriptions) {
    const detail = details[subscription.id];
    if (!detail?.dunning || !detail.dunningText) continue;
    const { openInvoiceId } = detail;
    const plan = detail.name ?? prices[priceKey(subscription)] ?? subscriptionsT("planTitle");
    const payNowForm =
      offer === null || openInvoiceId === null ? null : (
        <PayNowForm invoiceId={openInvoiceId} place="plan" describes={payNowDescribes(t, { key: "forPlan", values: { plan } })} offer={offer} />
      );
    notices[subscription.id] = <DunningNotice text={detail.dunningText} openInvoiceId={openInvoiceId} payNowForm={payNowForm} brief={brief} />;
  }
  return notices;
}
