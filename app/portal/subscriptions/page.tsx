import type { Metadata } from "next";
import { customerLocale } from "@/lib/shared/format/customer-locale";
import { portalKeys } from "@/lib/shared/portal-api/keys";
import { loadPortalPage } from "@/lib/server/portal-pages/load-portal-page";
import { listBody } from "@/lib/shared/portal-api/payloads";
import { readAllSubscriptions, readCustomer } from "@/lib/server/portal-pages/reads";
import { PortalSWRConfig } from "../_components/portal-swr-config";
import { SubscriptionList } from "../_components/subscription-list";

export const metadata: Metadata = { title: "Subscriptions" };

export default async function SubscriptionsPage() {
  const [customer, subscriptions] = await loadPortalPage("/portal/subscriptions", (token) =>
    Promise.all([readCustomer(token), readAllSubscriptions(token)]),
  );
  return (
    <PortalSWRConfig fallback={{ [portalKeys.subscriptions()]: listBody(subscriptions) }}>
      <h1>Subscriptions</h1>
      <SubscriptionList locale={customerLocale(customer.locale)} />
    </PortalSWRConfig>
  );
}
