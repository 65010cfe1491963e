import type { Route } from "next";
import Link from "next/link";
import type { getTranslations } from "next-intl/server";
import type { MerchantSubscription } from "@/lib/shared/revkeen-api/merchant-subscriptions";

/** What a plan of the offered product that grants no access yet is waiting for: a message of `Upgrade`. */
export function waitingFor(plan: Pick<MerchantSubscription, "status" | "dunning">) {
  if (plan.status === "incomplete") return "waitingIncomplete";
  if (plan.dunning?.access_restricted) return "waitingRestricted";
  if (plan.status === "past_due") return "waitingPastDue";
  if (plan.status === "paused") return "waitingPaused";
  return "waitingOther";
}

/**
 * In place of "Subscribe" when the customer already has a plan of the offered product that has
 * not ended: a second one would be charged on top (lib/server/upgrades/upgrade-offer.ts,
 * existingPlan). Its page is where its open invoice is paid.
 */
export function ExistingPlan({
  plan,
  href,
  name,
  feature,
  t,
}: {
  plan: MerchantSubscription;
  href: Route;
  name: string;
  feature: Route;
  /** The page's `Upgrade` messages. */
  t: Awaited<ReturnType<typeof getTranslations<"Upgrade">>>;
}) {
  return (
    <>
      <p data-testid="upgrade-existing-plan">{t("existingPlan", { name, waiting: t(waitingFor(plan)) })}</p>
      <div className="actions">
        <Link href={href} className="button button-primary">
          {t("goToPlan")}
        </Link>
        <Link href={feature} className="button">
          {t("notNow")}
        </Link>
      </div>
    </>
  );
}
