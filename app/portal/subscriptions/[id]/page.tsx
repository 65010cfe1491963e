import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadPortalPage } from "@/lib/server/portal-pages/load-portal-page";
import { readCustomer, readSubscription } from "@/lib/server/portal-pages/reads";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { customerLocale } from "@/lib/shared/format/customer-locale";
import { formatDate } from "@/lib/shared/format/format-date";
import { isPortalErrorCode, portalErrorCodes } from "@/lib/shared/portal-api/errors";
import { isResourceId } from "@/lib/shared/portal-api/input";
import { portalKeys } from "@/lib/shared/portal-api/keys";
import { dataBody } from "@/lib/shared/portal-api/payloads";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/schemas";
import { CancelWithoutScript } from "../../_components/cancel-without-script";
import { PortalSWRConfig } from "../../_components/portal-swr-config";
import { SubscriptionDetails } from "./_components/subscription-details";

export const metadata: Metadata = { title: "Subscription" };

/** What a cancellation sent as a plain form came to (app/portal/subscriptions/[id]/actions.ts). */
function cancelOutcome(outcome: string | string[] | undefined, subscription: PortalSubscription, locale: string) {
  if (typeof outcome !== "string") return null;
  const until = formatDate(subscription.cancel_at, locale);
  const text =
    outcome === "ended"
      ? "Your subscription has been canceled."
      : outcome === "scheduled"
        ? `Your subscription will end on ${until ?? "the end of the current period"}.`
        : isPortalErrorCode(outcome)
          ? `We couldn't cancel your subscription. ${portalErrorCodes[outcome].message}`
          : null;
  if (text === null) return null;
  const failed = outcome !== "ended" && outcome !== "scheduled";
  return (
    <p role="status" className={failed ? "notice notice-error" : "notice"} data-testid="cancel-outcome">
      {text}
    </p>
  );
}

export default async function SubscriptionPage({ params, searchParams }: PageProps<"/portal/subscriptions/[id]">) {
  const { id } = await params;
  // Checked before anything else: a malformed id never reaches RevKeen.
  if (!isResourceId(id)) notFound();
  const [customer, subscription] = await loadPortalPage(`/portal/subscriptions/${id}`, (token) =>
    Promise.all([readCustomer(token), readSubscription(token, id)]),
  );
  const locale = customerLocale(customer.locale);
  // Only what the cancel form reads goes to the browser.
  const { cancelNow, cancelReasons, cancelComment } = portalOptions;
  return (
    <PortalSWRConfig fallback={{ [portalKeys.subscription(id)]: dataBody(subscription) }}>
      <SubscriptionDetails
        id={id}
        locale={locale}
        cancelOptions={{ cancelNow, cancelReasons, cancelComment }}
        outcome={cancelOutcome((await searchParams).cancel, subscription, locale)}
        cancelWithoutScript={<CancelWithoutScript subscription={subscription} locale={locale} options={portalOptions} idempotencyKey={randomUUID()} />}
      />
    </PortalSWRConfig>
  );
}
