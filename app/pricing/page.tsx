import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { upgradeOffer } from "@/lib/server/upgrades/upgrade-offer";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { priceValues } from "@/lib/shared/billing/price-message";
import { customerLocale } from "@/lib/shared/format/customer-locale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Pricing");
  return { title: t("title") };
}

/**
 * Where a customer who cannot subscribe in the app is sent (portal-options.ts, pricingPage). Point
 * pricingPage at your own pricing page, and delete this one.
 */
export default async function PricingPage() {
  const [offers, t, offerT, language] = await Promise.all([
    Promise.all(Object.keys(portalOptions.upgradeOffers).map((benefit) => upgradeOffer(benefit))),
    getTranslations("Pricing"),
    getTranslations("UpgradeOffer"),
    getLocale(),
  ]);
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  const locale = customerLocale(language);
  return (
    <main className="page stack">
      <h1>{t("title")}</h1>
      <section className="card stack" aria-labelledby="plans-heading">
        <h2 id="plans-heading">{t("plansHeading")}</h2>
        <ul>
          {offers.map((offer) => {
            if (!offer) return null;
            const values = priceValues(offer.price, locale);
            return (
              <li key={offer.productId}>
                {values === null ? <strong>{offer.name}</strong> : offerT.rich("offer", { name: offer.name, price: t("price", values), strong })}
              </li>
            );
          })}
        </ul>
        <p className="muted">{t("howToSubscribe")}</p>
      </section>
    </main>
  );
}
