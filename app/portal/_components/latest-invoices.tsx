import { useTranslations } from "next-intl";
import { LATEST_INVOICES_SHOWN } from "@/lib/shared/portal-api/keys";
import type { PortalInvoice } from "@/lib/shared/revkeen-api/customer-portal";
import { EmptyState } from "./empty-state";
import { InvoiceTable } from "./invoice-table";
import { PortalLink } from "./navigation-pending";
import type { PayNowOffer } from "./pay-now-offer";

/**
 * The overview's latest invoices, from the page's own read and rendered on the server with it.
 * `payNow`: "Pay now" on open invoices; null where it is not offered.
 */
export function LatestInvoices({ invoices, locale, payNow }: { invoices: PortalInvoice[]; locale: string; payNow: PayNowOffer | null }) {
  const t = useTranslations("Invoices");
  const latest = invoices.slice(0, LATEST_INVOICES_SHOWN);
  if (latest.length === 0) return <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>;
  return (
    <div className="stack">
      <InvoiceTable invoices={latest} label={{ headingId: "latest-heading" }} locale={locale} payNow={payNow} />
      <p>
        <PortalLink href="/portal/invoices">{t("allInvoices")}</PortalLink>
      </p>
    </div>
  );
}
