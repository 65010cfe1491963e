import { randomUUID } from "node:crypto";
import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/server/auth/current-user";
import { customerIdForUser } from "@/lib/server/billing-account/customer-id-for-user";
import { hasAccess } from "@/lib/server/entitlements/has-access";
import { cardToCharge, existingPlan, offeredProductId, planPath, upgradeOffer, type UpgradeOffer } from "@/lib/server/upgrades/upgrade-offer";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { pricingPageHref } from "@/lib/shared/billing/pricing-page";
import { customerLocale } from "@/lib/shared/format/customer-locale";
import { formatMoney } from "@/lib/shared/format/format-money";
import { formatCadence } from "@/lib/shared/format/format-price";
import { signInPath } from "@/lib/shared/paths/redirect-paths";
import { safeLocalPath } from "@/lib/shared/paths/safe-path";
import { upgradePath } from "@/lib/shared/paths/upgrade-path";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { ExistingPlan } from "./_components/existing-plan";
import { SubscribeForm } from "./_components/subscribe-form";

export const metadata: Metadata = { title: "Subscribe" };

/**
 * The offer, or "missing" when RevKeen has no such product (the options name another account's
 * product, such as the demo's with a real key): no retry can show it, so the pricing page is
 * offered, as UpgradeOfferCard does. Any other failure (RevKeen unreachable, rate limited) is
 * thrown to error.tsx's retry card: the plan exists and will show in a moment, and sending the
 * customer to the pricing page would hide the quickest way to buy it.
 */
async function offerOrMissing(benefit: string): Promise<UpgradeOffer | "missing" | null> {
  try {
    return await upgradeOffer(benefit);
  } catch (error) {
    if (error instanceof PortalError && error.code === "upgrade:not_offered") return "missing";
    throw error;
  }
}

/**
 * The confirm step of an upgrade from a locked feature: what will be charged, when, and to which
 * card, then "Subscribe". Without a card on file that can be charged, or when RevKeen has no such
 * product, it says so and offers the merchant's pricing page instead. A customer who already has
 * a plan of the product that has not ended (one waiting for a payment) is shown it, with a link
 * to its page where its open invoice is paid, and no "Subscribe".
 */
export default async function UpgradePage({ params, searchParams }: PageProps<"/upgrade/[benefit]">) {
  const { benefit } = await params;
  const { next } = await searchParams;
  // A benefit the merchant offers nothing for is a 404, before RevKeen is asked anything.
  if (offeredProductId(benefit) === null) notFound();
  const feature = safeLocalPath(typeof next === "string" ? next : null);
  const user = await currentUser();
  if (user === null) redirect(signInPath(upgradePath(benefit, feature)));
  if (await hasAccess(user, benefit)) redirect(feature as Route);
  const customerId = await customerIdForUser(user);
  const productId = offeredProductId(benefit);
  const [offer, card, plan] = await Promise.all([
    offerOrMissing(benefit),
    customerId === null ? null : cardToCharge(customerId),
    customerId === null || productId === null ? null : existingPlan(customerId, productId),
  ]);
  if (offer === null) notFound();
  const pricing = pricingPageHref(portalOptions.pricingPage);

  if (plan !== null) {
    const name = offer === "missing" ? "this plan" : offer.name;
    return (
      <main className="page stack">
        <h1>You already have {name}</h1>
        <section className="card stack" aria-labelledby="plan-heading" data-testid="upgrade-offer">
          <h2 id="plan-heading">{name}</h2>
          <ExistingPlan plan={plan} href={planPath(plan)} name={name} feature={feature as Route} />
        </section>
      </main>
    );
  }

  if (offer === "missing") {
    return (
      <main className="page stack">
        <h1>Choose a plan</h1>
        <section className="card stack" data-testid="upgrade-offer">
          <p data-testid="upgrade-not-offered">This plan can&apos;t be bought here right now.</p>
          <div className="actions">
            {pricing && (
              <a href={pricing} className="button button-primary">
                See plans and pricing
              </a>
            )}
            <Link href={feature as Route} className="button">
              Not now
            </Link>
          </div>
        </section>
      </main>
    );
  }

  // The product's price is in its own currency; the merchant's API has no customer locale.
  const locale = customerLocale(null);
  const amount = formatMoney(offer.price.amount_minor, offer.price.currency, locale);
  const cadence = formatCadence(offer.price.interval, offer.price.interval_count);

  return (
    <main className="page stack">
      <h1>Subscribe to {offer.name}</h1>
      <section className="card stack" aria-labelledby="charge-heading" data-testid="upgrade-offer">
        <h2 id="charge-heading">{offer.name}</h2>
        <p className="price">{[amount, cadence].filter(Boolean).join(" ")}</p>
        {card ? (
          <>
            <p data-testid="upgrade-charge">
              {amount ? `${amount} will be charged today` : "The first payment will be charged today"} to your {card.brand} ending in {card.last4}
              {cadence ? `, then ${amount} ${cadence} until you cancel.` : "."}
            </p>
            <SubscribeForm benefit={benefit} next={feature} idempotencyKey={randomUUID()} />
          </>
        ) : (
          <>
            <p data-testid="upgrade-no-card">There&apos;s no card on file that we can charge, so you can&apos;t subscribe here.</p>
            <div className="actions">
              {pricing && (
                <a href={pricing} className="button button-primary">
                  See plans and pricing
                </a>
              )}
              <Link href={feature as Route} className="button">
                Not now
              </Link>
            </div>
          </>
        )}
      </section>
    </main>
  );
}
