import type { Metadata } from "next";
import { customerLocale } from "@/lib/shared/format/customer-locale";
import { ALL_ITEMS_LIMIT, portalKeys } from "@/lib/shared/portal-api/keys";
import { loadPortalPage } from "@/lib/server/portal-pages/load-portal-page";
import { listBody } from "@/lib/shared/portal-api/payloads";
import { planDetailsFor, readMerchantPlans } from "@/lib/server/portal-pages/plan-reads";
import { readAllSubscriptions, readCustomer, readInvoices } from "@/lib/server/portal-pages/reads";
import { anyInDunning, withOpenInvoices } from "@/lib/shared/billing/plan-details";
import { PlanDetailsProvider } from "../_components/plan-details-context";
import { PortalSWRConfig } from "../_components/portal-swr-config";
import { SubscriptionList } from "../_components/subscription-list";

export const metadata: Metadata = { title: "Subscriptions" };

export default async function SubscriptionsPage() {
  const [customer, subscriptions, details] = await loadPortalPage("/portal/subscriptions", (token) =>
    Promise.all([
      readCustomer(token),
      readAllSubscriptions(token),
      // The merchant read runs beside the portal's; the invoices are read only for a plan in dunning, to find what to pay.
      Promise.all([readMerchantPlans(), readAllSubscriptions(token)]).then(async ([plans, portal]) => {
        const joined = planDetailsFor(plans, portal.data);
        return anyInDunning(joined) ? withOpenInvoices(joined, portal.data, await readInvoices(token, ALL_ITEMS_LIMIT).then((list) => list.data, () => [])) : joined;
      }),
    ]),
  );
  return (
    <PortalSWRConfig fallback={{ [portalKeys.subscriptions()]: listBody(subscriptions) }}>
      <PlanDetailsProvider details={details}>
        <h1>Subscriptions</h1>
        <SubscriptionList locale={customerLocale(customer.locale)} />
      </PlanDetailsProvider>
    </PortalSWRConfig>
  );
}
