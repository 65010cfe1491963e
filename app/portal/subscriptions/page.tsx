import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { customerLocale } from "@/lib/shared/format/customer-locale";
import { portalKeys } from "@/lib/shared/portal-api/keys";
import { withDunningTexts } from "@/lib/server/i18n/dunning-texts";
import { priceLabels } from "@/lib/server/i18n/price-labels";
import { loadPortalPage } from "@/lib/server/portal-pages/load-portal-page";
import { listBody } from "@/lib/shared/portal-api/payloads";
import { readPlanDetails } from "@/lib/server/portal-pages/plan-reads";
import { readAllSubscriptions, readCustomer } from "@/lib/server/portal-pages/reads";
import { codeFirst } from "../_components/code-first";
import { dunningNotices } from "../_components/dunning-notices";
import { payNowOffer } from "../_components/pay-now-offer";
import { PlanDetailsProvider } from "../_components/plan-details-context";
import { PortalSWRConfig } from "../_components/portal-swr-config";
import { SubscriptionList } from "../_components/subscription-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Subscriptions");
  return { title: t("title") };
}

async function SubscriptionsPage({ searchParams }: PageProps<"/portal/subscriptions">) {
  const [[customer, subscriptions, details], t] = await Promise.all([
    loadPortalPage("/portal/subscriptions", (token) =>
      Promise.all([
        readCustomer(token),
        readAllSubscriptions(token),
        // Beside the portal's reads, never after them.
        readPlanDetails(token, readAllSubscriptions(token).then((list) => list.data)),
      ]),
    ),
    getTranslations("Subscriptions"),
  ]);
  const locale = customerLocale(customer.locale);
  const withTexts = await withDunningTexts(details, locale);
  return (
    <PortalSWRConfig fallback={{ [portalKeys.subscriptions()]: listBody(subscriptions) }}>
      <PlanDetailsProvider
        details={withTexts}
        dunningNotices={await dunningNotices(subscriptions.data, withTexts, locale, payNowOffer("/portal/subscriptions", await searchParams), { brief: true })}
        priceLabels={await priceLabels(subscriptions.data, locale)}
      >
        <h1>{t("heading")}</h1>
        <SubscriptionList locale={locale} />
      </PlanDetailsProvider>
    </PortalSWRConfig>
  );
}

export default codeFirst(SubscriptionsPage);
