import type { Metadata } from "next";
import { upgradeOffer } from "@/lib/server/upgrades/upgrade-offer";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { customerLocale } from "@/lib/shared/format/customer-locale";
import { formatPrice } from "@/lib/shared/format/format-price";

export const metadata: Metadata = { title: "Plans and pricing" };

/**
 * Where a customer who cannot subscribe in the app is sent (portal-options.ts, pricingPage). Point
 * pricingPage at your own pricing page, and delete this one.
 */
export default async function PricingPage() {
  const offers = await Promise.all(Object.keys(portalOptions.upgradeOffers).map((benefit) => upgradeOffer(benefit)));
  const locale = customerLocale(null);
  return (
    <main className="page stack">
      <h1>Plans and pricing</h1>
      <section className="card stack" aria-labelledby="plans-heading">
        <h2 id="plans-heading">Plans</h2>
        <ul>
          {offers.map(
            (offer) =>
              offer && (
                <li key={offer.productId}>
                  <strong>{offer.name}</strong>
                  {formatPrice(offer.price, locale) ? `: ${formatPrice(offer.price, locale)}` : ""}
                </li>
              ),
          )}
        </ul>
        <p className="muted">To subscribe, add a card to your account, or contact us.</p>
      </section>
    </main>
  );
}
