import type { Route } from "next";
import Link from "next/link";
import { upgradeOffer, type UpgradeOffer } from "@/lib/server/upgrades/upgrade-offer";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { pricingPageHref } from "@/lib/shared/billing/pricing-page";
import { customerLocale } from "@/lib/shared/format/customer-locale";
import { formatPrice } from "@/lib/shared/format/format-price";
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
  const offer = await offerFor(benefit);
  const pricing = pricingPageHref(portalOptions.pricingPage);
  if (offer === null) {
    return pricing ? (
      <p>
        <a href={pricing} className="button button-primary">
          See plans and pricing
        </a>
      </p>
    ) : null;
  }
  const price = formatPrice(offer.price, customerLocale(null));
  return (
    <div className="stack" data-testid="upgrade-offer-card">
      <p>
        <strong>{offer.name}</strong>
        {price ? `: ${price}` : ""}
      </p>
      <p>
        <Link href={upgradePath(benefit, next) as Route} className="button button-primary">
          Subscribe
        </Link>
      </p>
    </div>
  );
}
