"use client";
// A write on the subscription's page whose answer came back with the page (a redirect to it): the
// subscription the server read for that page is newer than what SWR's cache may hold (the cancel
// form writes its answers there), so it goes into the cache, and into the lists that hold it.
import { useEffect } from "react";
import { useSWRConfig } from "swr";
import { holdsSubscriptions, portalKeys } from "@/lib/shared/portal-api/keys";
import { dataBody, type DataBody, type ListBody } from "@/lib/shared/portal-api/payloads";
import { withSubscription } from "@/lib/shared/portal-api/subscription-cache";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";

type Cached = DataBody<PortalSubscription> | ListBody<PortalSubscription>;

export function useWrittenSubscription(written: PortalSubscription | null): void {
  const { mutate } = useSWRConfig();
  useEffect(() => {
    if (written === null) return;
    const own = portalKeys.subscription(written.id);
    void mutate(own, dataBody(written), { revalidate: false });
    void mutate<Cached>((key) => holdsSubscriptions(key) && key !== own, (current) => withSubscription(current, written));
  }, [written, mutate]);
}
