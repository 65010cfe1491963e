import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ManageBillingForm } from "@/app/_components/manage-billing-form";
import { UpgradeOfferCard } from "@/app/_components/upgrade-offer";
import { currentUser } from "@/lib/server/auth/current-user";
import { hasAccess } from "@/lib/server/entitlements/has-access";
import { signInPath } from "@/lib/shared/paths/redirect-paths";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Reports");
  return { title: t("title") };
}

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
  const [open, t, format] = await Promise.all([hasAccess(user, PRO_REPORTS), getTranslations("Reports"), getFormatter()]);

  return (
    <main className="page stack">
      <h1>{t("title")}</h1>
      {open ? (
        <section className="card stack" aria-labelledby="reports-heading" data-testid="reports">
          <h2 id="reports-heading">{t("thisMonth")}</h2>
          <dl className="report-figures">
            <div>
              <dt>{t("activeUsers")}</dt>
              <dd>{format.number(1284)}</dd>
            </div>
            <div>
              <dt>{t("sessions")}</dt>
              <dd>{format.number(9731)}</dd>
            </div>
            <div>
              <dt>{t("exports")}</dt>
              <dd>{format.number(312)}</dd>
            </div>
          </dl>
          <p className="muted">{t("madeUp")}</p>
        </section>
      ) : (
        <section className="card stack" aria-labelledby="locked-heading" data-testid="reports-locked">
          <h2 id="locked-heading">{t("lockedHeading")}</h2>
          <p>{t("lockedBody")}</p>
          <UpgradeOfferCard benefit={PRO_REPORTS} next="/reports" />
          <ManageBillingForm next="/portal/subscriptions" />
        </section>
      )}
    </main>
  );
}
