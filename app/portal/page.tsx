import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { customerLocale } from "@/lib/shared/format/customer-locale";
import { ALL_ITEMS_LIMIT, portalKeys } from "@/lib/shared/portal-api/keys";
import { withDunningTexts } from "@/lib/server/i18n/dunning-texts";
import { priceLabels } from "@/lib/server/i18n/price-labels";
import { loadPortalPage } from "@/lib/server/portal-pages/load-portal-page";
import { planDetailsFor, readMerchantPlans, readPaymentMethods } from "@/lib/server/portal-pages/plan-reads";
import { dataBody, listBody } from "@/lib/shared/portal-api/payloads";
import { readAllSubscriptions, readCustomer, readInvoices } from "@/lib/server/portal-pages/reads";
import { nextRenewals } from "@/lib/shared/billing/card-expiry";
import { cardsOnFile } from "@/lib/shared/billing/payment-method-summary";
import { withOpenInvoices } from "@/lib/shared/billing/plan-details";
import { AmountDueSummary } from "./_components/amount-due-summary";
import { codeFirst } from "./_components/code-first";
import { dunningNotices } from "./_components/dunning-notices";
import { payNowOffer } from "./_components/pay-now-offer";
import { CustomerSummary } from "./_components/customer-summary";
import { LatestInvoices } from "./_components/latest-invoices";
import { PaymentMethodsSection } from "./_components/payment-methods-section";
import { PlanDetailsProvider } from "./_components/plan-details-context";
import { PortalSWRConfig } from "./_components/portal-swr-config";
import { SubscriptionList } from "./_components/subscription-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Overview");
  return { title: t("title") };
}

async function OverviewPage({ searchParams }: PageProps<"/portal">) {
  // The merchant reads run beside the portal's, never after them, and never fail the page.
  const [[customer, subscriptions, invoices, plans, paymentMethods], t] = await Promise.all([
    loadPortalPage("/portal", (token) =>
      Promise.all([
        readCustomer(token),
        readAllSubscriptions(token),
        readInvoices(token, ALL_ITEMS_LIMIT),
        readMerchantPlans(),
        portalOptions.paymentMethods ? readPaymentMethods() : null,
      ]),
    ),
    getTranslations("Overview"),
  ]);
  const locale = customerLocale(customer.locale);
  const payNow = payNowOffer("/portal", await searchParams);
  const fallback = {
    [portalKeys.customer()]: dataBody(customer),
    [portalKeys.subscriptions()]: listBody(subscriptions),
  };
  const details = await withDunningTexts(withOpenInvoices(planDetailsFor(plans, subscriptions.data), subscriptions.data, invoices.data), locale);
  const cards =
    paymentMethods === null || paymentMethods.state === "none"
      ? null
      : paymentMethods.state === "unavailable"
        ? "unavailable"
        : cardsOnFile(paymentMethods.methods, nextRenewals(subscriptions.data), locale);

  return (
    <PortalSWRConfig fallback={fallback}>
      <PlanDetailsProvider
        details={details}
        dunningNotices={await dunningNotices(subscriptions.data, details, locale, payNow, { brief: true })}
        priceLabels={await priceLabels(subscriptions.data, locale)}
      >
        <h1>{t("heading")}</h1>
        <div className="overview-grid">
          <section className="card stack" aria-labelledby="you-heading">
            <h2 id="you-heading">{t("yourDetails")}</h2>
            <CustomerSummary />
          </section>
          <section className="card stack" aria-labelledby="due-heading">
            <h2 id="due-heading">{t("amountDue")}</h2>
            <AmountDueSummary invoices={listBody(invoices)} locale={locale} payNow={payNow} />
          </section>
          {cards !== null && <PaymentMethodsSection cards={cards} />}
        </div>
        <section className="stack" aria-labelledby="current-heading">
          <h2 id="current-heading">{t("currentSubscriptions")}</h2>
          <SubscriptionList locale={locale} currentOnly />
        </section>
        <section className="stack" aria-labelledby="latest-heading">
          <h2 id="latest-heading">{t("latestInvoices")}</h2>
          <LatestInvoices invoices={invoices.data} locale={locale} payNow={payNow} />
        </section>
      </PlanDetailsProvider>
    </PortalSWRConfig>
  );
}

export default codeFirst(OverviewPage);
