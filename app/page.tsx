import Link from "next/link";
import { ManageBillingForm } from "@/app/_components/manage-billing-form";
import { displayedUser } from "@/lib/server/auth/current-user";
import { safePortalPath } from "@/lib/shared/paths/safe-path";
import { isPortalErrorCode, portalErrorCodes } from "@/lib/shared/portal-api/errors";

export default async function HomePage({ searchParams }: PageProps<"/">) {
  const user = await displayedUser();
  const { billing_error: billingError, next } = await searchParams;
  const problem = isPortalErrorCode(billingError) ? portalErrorCodes[billingError].message : null;
  // Where a link from elsewhere was headed (see app/portal/session/route.ts): one press away.
  const destination = typeof next === "string" ? safePortalPath(next) : undefined;

  return (
    <main className="page stack">
      <h1>Your account</h1>
      {problem && (
        <p className="notice notice-error" data-testid="billing-error">
          {problem}
        </p>
      )}
      {user ? (
        <section className="card stack" aria-labelledby="billing-heading">
          <h2 id="billing-heading">Billing</h2>
          <p className="muted">
            {destination && !problem ? "Open your billing to continue where the link was taking you." : "See your subscriptions and invoices, or cancel a plan."}
          </p>
          <ManageBillingForm next={destination} />
        </section>
      ) : (
        <section className="card stack">
          <p>Sign in to see your subscriptions and invoices.</p>
          <p>
            <Link href="/sign-in" className="button button-primary">
              Sign in
            </Link>
          </p>
        </section>
      )}
    </main>
  );
}
