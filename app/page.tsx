import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ManageBillingForm } from "@/app/_components/manage-billing-form";
import { displayedUser } from "@/lib/server/auth/current-user";
import { safePortalPath } from "@/lib/shared/paths/safe-path";
import { isPortalErrorCode } from "@/lib/shared/portal-api/errors";

export default async function HomePage({ searchParams }: PageProps<"/">) {
  const [user, t, errors] = await Promise.all([displayedUser(), getTranslations("Home"), getTranslations("Errors")]);
  const { billing_error: billingError, next } = await searchParams;
  const problem = isPortalErrorCode(billingError) ? errors(billingError) : null;
  // Where a link from elsewhere was headed (see app/portal/session/route.ts): one press away.
  const destination = typeof next === "string" ? safePortalPath(next) : undefined;

  return (
    <main className="page stack">
      <h1>{t("title")}</h1>
      {problem && (
        <p className="notice notice-error" data-testid="billing-error">
          {problem}
        </p>
      )}
      {user ? (
        <section className="card stack" aria-labelledby="billing-heading">
          <h2 id="billing-heading">{t("billingHeading")}</h2>
          <p className="muted">{destination && !problem ? t("continueIntro") : t("billingIntro")}</p>
          <ManageBillingForm next={destination} />
        </section>
      ) : (
        <section className="card stack">
          <p>{t("signInPrompt")}</p>
          <p>
            <Link href="/sign-in" className="button button-primary">
              {t("signIn")}
            </Link>
          </p>
        </section>
      )}
    </main>
  );
}
