import { randomUUID } from "node:crypto";
import type { Metadata, Route } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/server/auth/current-user";
import { customerIdForUser } from "@/lib/server/billing-account/customer-id-for-user";
import { hasAccess } from "@/lib/server/entitlements/has-access";
import { moneyLocale } from "@/lib/server/upgrades/money-locale";
import { cardToCharge, existingPlan, offeredProductId, planPath, upgradeOffer, type UpgradeOffer } from "@/lib/server/upgrades/upgrade-offer";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { pricingPageHref } from "@/lib/shared/billing/pricing-page";
import { priceValues } from "@/lib/shared/billing/price-message";
import { signInPath } from "@/lib/shared/paths/redirect-paths";
import { safeLocalPath } from "@/lib/shared/paths/safe-path";
import { upgradePath } from "@/lib/shared/paths/upgrade-path";
import { slot } from "@/lib/shared/i18n/slots";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { ExistingPlan } from "./_components/existing-plan";
import { SubscribeForm, type SubscribeWords } from "./_components/subscribe-form";

async function subscribeWords(): Promise<SubscribeWords> {
  const t = await getTranslations("SubscribeForm");
  return {
    confirmLabel: t("confirmLabel"),
    subscribe: t("subscribe"),
    subscribing: t("subscribing"),
    notNow: t("notNow"),
    failed: t("failed", { message: slot("message") }),
  };
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Upgrade");
  return { title: t("title") };
}

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
  const [t, pricingT, subscribe, offer, card, plan, locale] = await Promise.all([
    getTranslations("Upgrade"),
    getTranslations("Pricing"),
    subscribeWords(),
    offerOrMissing(benefit),
    customerId === null ? null : cardToCharge(customerId),
    customerId === null || productId === null ? null : existingPlan(customerId, productId),
    moneyLocale(user),
  ]);
  if (offer === null) notFound();
  const pricing = pricingPageHref(portalOptions.pricingPage);

  if (plan !== null) {
    const name = offer === "missing" ? t("thisPlan") : offer.name;
    return (
      <main className="page stack">
        <h1>{t("alreadyHave", { name })}</h1>
        <section className="card stack" aria-labelledby="plan-heading" data-testid="upgrade-offer">
          <h2 id="plan-heading">{name}</h2>
          <ExistingPlan plan={plan} href={planPath(plan)} name={name} feature={feature as Route} t={t} />
        </section>
      </main>
    );
  }

  if (offer === "missing") {
    return (
      <main className="page stack">
        <h1>{t("choosePlan")}</h1>
        <section className="card stack" data-testid="upgrade-offer">
          <p data-testid="upgrade-not-offered">{t("notOffered")}</p>
          <ElsewhereActions pricing={pricing} feature={feature} seePricing={t("seePricing")} notNow={t("notNow")} />
        </section>
      </main>
    );
  }

  const values = priceValues(offer.price, locale);
  const amount = values?.amount ?? null;
  const price = values === null ? null : pricingT("price", values);
  const recurring = offer.price.interval !== null;

  return (
    <main className="page stack">
      <h1>{t("subscribeTo", { name: offer.name })}</h1>
      <section className="card stack" aria-labelledby="charge-heading" data-testid="upgrade-offer">
        <h2 id="charge-heading">{offer.name}</h2>
        {price && <p className="price">{price}</p>}
        {card ? (
          <>
            <p data-testid="upgrade-charge">
              {amount === null || price === null
                ? t("chargeFirst", { brand: card.brand ?? t("card"), last4: card.last4 })
                : recurring
                  ? t("chargeThenRecurring", { amount, price, brand: card.brand ?? t("card"), last4: card.last4 })
                  : t("chargeOnce", { amount, brand: card.brand ?? t("card"), last4: card.last4 })}
            </p>
            <SubscribeForm words={subscribe} benefit={benefit} next={feature} idempotencyKey={randomUUID()} />
          </>
        ) : (
          <>
            <p data-testid="upgrade-no-card">{t("noCard")}</p>
            <ElsewhereActions pricing={pricing} feature={feature} seePricing={t("seePricing")} notNow={t("notNow")} />
          </>
        )}
      </section>
    </main>
  );
}

/** Where a customer goes when this page cannot sell the plan: the pricing page, or back to the feature. */
function ElsewhereActions({ pricing, feature, seePricing, notNow }: { pricing: string | null; feature: string; seePricing: string; notNow: string }) {
  return (
    <div className="actions">
      {pricing && (
        <a href={pricing} className="button button-primary">
          {seePricing}
        </a>
      )}
      <Link href={feature as Route} className="button">
        {notNow}
      </Link>
    </div>
  );
}
