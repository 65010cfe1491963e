import type { Route } from "next";
import Link from "next/link";
import type { MerchantSubscription } from "@/lib/shared/revkeen-api/merchant-subscriptions";

/** What a plan of the offered product that grants no access yet is waiting for, in the customer's words. */
export function waitingFor(plan: Pick<MerchantSubscription, "status" | "dunning">): string {
  if (plan.status === "incomplete") return "Its first payment didn't go through, so it hasn't started yet. Pay its open invoice to start it.";
  if (plan.dunning?.access_restricted) return "A payment for it failed, so access is paused until that payment is made. Pay its open invoice to get access back.";
  if (plan.status === "past_due") return "A payment for it failed. Pay its open invoice to keep it.";
  if (plan.status === "paused") return "It is paused at the moment.";
  return "See where it stands on its page.";
}

/**
 * In place of "Subscribe" when the customer already has a plan of the offered product that has
 * not ended: a second one would be charged on top (lib/server/upgrades/upgrade-offer.ts,
 * existingPlan). Its page is where its open invoice is paid.
 */
export function ExistingPlan({ plan, href, name, feature }: { plan: MerchantSubscription; href: Route; name: string; feature: Route }) {
  return (
    <>
      <p data-testid="upgrade-existing-plan">
        You already have {name}. {waitingFor(plan)}
      </p>
      <div className="actions">
        <Link href={href} className="button button-primary">
          Go to your plan
        </Link>
        <Link href={feature} className="button">
          Not now
        </Link>
      </div>
    </>
  );
}
