import type { Metadata } from "next";
import { customerLocale } from "@/lib/customer-locale";
import { portalKeys } from "@/lib/portal-keys";
import { loadPortalPage } from "@/lib/portal-page";
import { listBody } from "@/lib/portal-payloads";
import { readAllSubscriptions, readCustomer } from "@/lib/portal-reads";
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
