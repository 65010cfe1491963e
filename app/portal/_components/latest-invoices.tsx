"use client";

import { PortalLink } from "./navigation-pending";
import { LATEST_INVOICES_SHOWN, ALL_ITEMS_LIMIT } from "@/lib/shared/portal-api/keys";
import { EmptyState } from "./empty-state";
import { InvoiceTable } from "./invoice-table";
import { RefreshProblem } from "./refresh-problem";
import { useInvoices } from "./use-portal-data";

/** `payNowKey`: "Pay now" on open invoices, under this page's key; null where it is not offered. */
export function LatestInvoices({ locale, payNowKey }: { locale: string; payNowKey: string | null }) {
  const { data, error } = useInvoices({ limit: ALL_ITEMS_LIMIT });
  const latest = (data?.data ?? []).slice(0, LATEST_INVOICES_SHOWN);
  return (
    <div className="stack">
      <RefreshProblem error={error} />
      {latest.length === 0 ? (
        <EmptyState title="You have no invoices yet.">Invoices appear here once you are billed.</EmptyState>
      ) : (
        <>
          <InvoiceTable invoices={latest} label={{ headingId: "latest-heading" }} locale={locale} payNowKey={payNowKey} />
          <p>
            <PortalLink href="/portal/invoices">All invoices</PortalLink>
          </p>
        </>
      )}
    </div>
  );
}
