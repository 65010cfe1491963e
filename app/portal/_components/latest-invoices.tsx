import { useTranslations } from "next-intl";
import { LATEST_INVOICES_SHOWN } from "@/lib/shared/portal-api/keys";
import type { PortalInvoice } from "@/lib/shared/revkeen-api/customer-portal";
import { EmptyState } from "./empty-state";
import { InvoiceTable } from "./invoice-table";
import { PortalLink } from "./navigation-pending";

/**
 * The overview's latest invoices, from the page's own read and rendered on the server with it.
 * `payNowKey`: "Pay now" on open invoices, under this page's key; null where it is not offered.
 */
export function LatestInvoices({ invoices, locale, payNowKey }: { invoices: PortalInvoice[]; locale: string; payNowKey: string | null }) {
  const t = useTranslations("Invoices");
  const latest = invoices.slice(0, LATEST_INVOICES_SHOWN);
  if (latest.length === 0) return <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>;
  return (
    <div className="stack">
      <InvoiceTable invoices={latest} label={{ headingId: "latest-heading" }} locale={locale} payNowKey={payNowKey} />
      <p>
        <PortalLink href="/portal/invoices">{t("allInvoices")}</PortalLink>
      </p>
    </div>
  );
}
