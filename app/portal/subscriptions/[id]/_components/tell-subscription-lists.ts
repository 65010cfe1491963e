// A write on the subscription's page, told to what SWR holds for the portal's other pages (the
// lists and this subscription, if a page read them this visit), so they show it when the customer
// goes back: SWR's cache wins over a page's fresh read there. SWR is loaded for it then: this
// page's own scripts do not carry it (use-live-subscription.ts).
import { holdsSubscriptions } from "@/lib/shared/portal-api/keys";
import type { DataBody, ListBody } from "@/lib/shared/portal-api/payloads";
import { withSubscription } from "@/lib/shared/portal-api/subscription-cache";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";

type Cached = DataBody<PortalSubscription> | ListBody<PortalSubscription>;

export function tellSubscriptionLists(subscription: PortalSubscription): void {
  void import("swr")
    .then(({ mutate }) => mutate<Cached>(holdsSubscriptions, (current) => withSubscription(current, subscription), { revalidate: false }))
    .catch(() => undefined);
}
