import type { Route } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { upgradeOffer, type UpgradeOffer } from "@/lib/server/upgrades/upgrade-offer";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { pricingPageHref } from "@/lib/shared/billing/pricing-page";
import { priceValues } from "@/lib/shared/billing/price-message";
import { customerLocale } from "@/lib/shared/format/customer-locale";
import { upgradePath } from "@/lib/shared/paths/upgrade-path";
import { PortalError } from "@/lib/shared/portal-api/errors";

/** The offer, or null when there is none or RevKeen cannot say what it costs now: then the pricing page. */
async function offerFor(benefit: string): Promise<UpgradeOffer | null> {
  try {
    return await upgradeOffer(benefit);
  } catch (error) {
    if (error instanceof PortalError) return null;
    throw error;
  }
}

/**
 * What a locked feature offers: the plan that grants it (portal-options.ts, upgradeOffers), its
 * name and price, and "Subscribe"; or the merchant's pricing page when no plan is named for it.
 */
export async function UpgradeOfferCard({ benefit, next }: { benefit: string; next: string }) {
  const [offer, t, pricingT, locale] = await Promise.all([offerFor(benefit), getTranslations("UpgradeOffer"), getTranslations("Pricing"), getLocale()]);
  const pricing = pricingPageHref(portalOptions.pricingPage);
  if (offer === null) {
    return pricing ? (
      <p>
        <a href={pricing} className="button button-primary">
          {t("seePricing")}
        </a>
      </p>
    ) : null;
  }
  // The upgrade page itself writes the price in the customer's locale; here, the page's language.
  const values = priceValues(offer.price, customerLocale(locale));
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  return (
    <div className="stack" data-testid="upgrade-offer-card">
      <p>{values === null ? <strong>{offer.name}</strong> : t.rich("offer", { name: offer.name, price: pricingT("price", values), strong })}</p>
      <p>
        <Link href={upgradePath(benefit, next) as Route} className="button button-primary">
          {t("subscribe")}
        </Link>
      </p>
    </div>
  );
}
