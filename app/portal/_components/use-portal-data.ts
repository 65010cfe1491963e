"use client";
// The portal's SWR hooks, one per API resource, keyed by the same portalKeys the pages use.
import { useRef } from "react";
import useSWR from "swr";
import type { PortalFetchError } from "@/lib/browser/portal-fetch-error";
import { portalFetcher } from "@/lib/browser/portal-fetcher";
import { portalKeys } from "@/lib/shared/portal-api/keys";
import type { DataBody, ListBody } from "@/lib/shared/portal-api/payloads";
import type { PortalCustomer, PortalInvoice, PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import type { PortalMandate } from "@/lib/shared/revkeen-api/mandates";

export function useCustomer() {
  return useSWR<DataBody<PortalCustomer>, PortalFetchError>(portalKeys.customer(), portalFetcher);
}

export function useSubscriptions() {
  return useSWR<ListBody<PortalSubscription>, PortalFetchError>(portalKeys.subscriptions(), portalFetcher);
}

export function useSubscription(id: string) {
  return useSWR<DataBody<PortalSubscription>, PortalFetchError>(portalKeys.subscription(id), portalFetcher);
}

/** While a payment is being confirmed, how often the invoice is asked for again, and for how many times at most. */
export const PAID_POLL_INTERVAL_MS = 2_000;
export const PAID_POLL_LIMIT = 60;

/**
 * One invoice. `untilPaid`: asked for again every PAID_POLL_INTERVAL_MS until it is paid, at most
 * PAID_POLL_LIMIT times (a payment RevKeen takes longer to confirm is left to "Check again").
 */
export function useInvoice(id: string, { untilPaid = false }: { untilPaid?: boolean } = {}) {
  const polls = useRef(0);
  return useSWR<DataBody<PortalInvoice>, PortalFetchError>(portalKeys.invoice(id), portalFetcher, {
    refreshInterval: (latest) => (untilPaid && latest?.data.status !== "paid" && polls.current < PAID_POLL_LIMIT ? PAID_POLL_INTERVAL_MS : 0),
    onSuccess: () => {
      polls.current += 1;
    },
  });
}

export function useMandates() {
  return useSWR<ListBody<PortalMandate>, PortalFetchError>(portalKeys.mandates(), portalFetcher);
}
