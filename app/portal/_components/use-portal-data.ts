"use client";
// The portal's SWR hooks, one per API resource, keyed by the same portalKeys the pages use.
import useSWR from "swr";
import type { PortalFetchError } from "@/lib/browser/portal-fetch-error";
import { portalFetcher } from "@/lib/browser/portal-fetcher";
import { portalKeys } from "@/lib/shared/portal-api/keys";
import type { DataBody, ListBody } from "@/lib/shared/portal-api/payloads";
import type { PortalCustomer, PortalInvoice, PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import type { PortalMandate } from "@/lib/shared/revkeen-api/mandates";
import type { ListQuery } from "@/lib/shared/revkeen-api/wire";

export function useCustomer() {
  return useSWR<DataBody<PortalCustomer>, PortalFetchError>(portalKeys.customer(), portalFetcher);
}

export function useSubscriptions() {
  return useSWR<ListBody<PortalSubscription>, PortalFetchError>(portalKeys.subscriptions(), portalFetcher);
}

export function useSubscription(id: string) {
  return useSWR<DataBody<PortalSubscription>, PortalFetchError>(portalKeys.subscription(id), portalFetcher);
}

export function useInvoices(query: ListQuery) {
  return useSWR<ListBody<PortalInvoice>, PortalFetchError>(portalKeys.invoices(query), portalFetcher);
}

export function useInvoice(id: string) {
  return useSWR<DataBody<PortalInvoice>, PortalFetchError>(portalKeys.invoice(id), portalFetcher);
}

export function useMandates() {
  return useSWR<ListBody<PortalMandate>, PortalFetchError>(portalKeys.mandates(), portalFetcher);
}
