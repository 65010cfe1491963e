import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ManageBillingForm } from "@/app/_components/manage-billing-form";
import { UpgradeOfferCard } from "@/app/_components/upgrade-offer";
import { currentUser } from "@/lib/server/auth/current-user";
import { hasAccess } from "@/lib/server/entitlements/has-access";
import { signInPath } from "@/lib/shared/paths/redirect-paths";

export const metadata: Metadata = { title: "Reports" };

/** The benefit in RevKeen that opens this page: a plan that grants it gives access. */
const PRO_REPORTS = "pro-reports";

/**
 * A paid feature of your app, gated by what the customer's plan grants in RevKeen. Copy this:
 * `hasAccess(user, "<your benefit key>")` on the server, and <UpgradeOfferCard> when it says no
 * (name the product that grants the benefit in lib/shared/billing/portal-options.ts).
 */
export default async function ReportsPage() {
  const user = await currentUser();
  if (user === null) redirect(signInPath("/reports"));
  const open = await hasAccess(user, PRO_REPORTS);

  return (
    <main className="page stack">
      <h1>Reports</h1>
      {open ? (
        <section className="card stack" aria-labelledby="reports-heading" data-testid="reports">
          <h2 id="reports-heading">This month</h2>
          <dl className="report-figures">
            <div>
              <dt>Active users</dt>
              <dd>1,284</dd>
            </div>
            <div>
              <dt>Sessions</dt>
              <dd>9,731</dd>
            </div>
            <div>
              <dt>Exports</dt>
              <dd>312</dd>
            </div>
          </dl>
          <p className="muted">Made-up figures: this page shows where your own paid feature goes.</p>
        </section>
      ) : (
        <section className="card stack" aria-labelledby="locked-heading" data-testid="reports-locked">
          <h2 id="locked-heading">Reports come with the Pro plan</h2>
          <p>Your current plan does not include reports. Choose a plan with them, or check your billing.</p>
          <UpgradeOfferCard benefit={PRO_REPORTS} next="/reports" />
          <ManageBillingForm next="/portal/subscriptions" />
        </section>
      )}
    </main>
  );
}
