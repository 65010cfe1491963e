import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { customerLocale } from "@/lib/shared/format/customer-locale";
import { isResourceId } from "@/lib/shared/portal-api/input";
import { portalKeys } from "@/lib/shared/portal-api/keys";
import { loadPortalPage } from "@/lib/server/portal-pages/load-portal-page";
import { dataBody } from "@/lib/shared/portal-api/payloads";
import { readCustomer, readSubscription } from "@/lib/server/portal-pages/reads";
import { PortalSWRConfig } from "../../_components/portal-swr-config";
import { SubscriptionDetails } from "../../_components/subscription-details";

export const metadata: Metadata = { title: "Subscription" };

export default async function SubscriptionPage({ params }: PageProps<"/portal/subscriptions/[id]">) {
  const { id } = await params;
  // Checked before anything else: a malformed id never reaches RevKeen.
  if (!isResourceId(id)) notFound();
  const [customer, subscription] = await loadPortalPage(`/portal/subscriptions/${id}`, (token) =>
    Promise.all([readCustomer(token), readSubscription(token, id)]),
  );
  return (
    <PortalSWRConfig fallback={{ [portalKeys.subscription(id)]: dataBody(subscription) }}>
      <SubscriptionDetails id={id} locale={customerLocale(customer.locale)} />
    </PortalSWRConfig>
  );
}
