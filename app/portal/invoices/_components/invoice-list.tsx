import { useTranslations } from "next-intl";
import { pageLinks } from "@/lib/shared/billing/invoice-paging";
import type { ListBody } from "@/lib/shared/portal-api/payloads";
import type { PortalInvoice } from "@/lib/shared/revkeen-api/customer-portal";
import type { ListQuery } from "@/lib/shared/revkeen-api/wire";
import { EmptyState } from "../../_components/empty-state";
import { InvoiceTable } from "../../_components/invoice-table";
import type { PayNowOffer } from "../../_components/pay-now-offer";
import { InvoicePager } from "./invoice-pager";

type InvoiceListProps = {
  query: ListQuery;
  /** The page's read of this page of invoices. */
  invoices: ListBody<PortalInvoice>;
  locale: string;
  /** "Pay now" on open ones; null: not offered. */
  payNow: PayNowOffer | null;
};

/**
 * One page of invoices with links to the pages around it, rendered on the server with the page
 * in the customer's language: a page of the list is the server's answer, and another page is
 * another request.
 */
export function InvoiceList({ query, invoices: page, locale, payNow }: InvoiceListProps) {
  const t = useTranslations("Invoices");
  const paged = query.starting_after !== undefined || query.ending_before !== undefined;
  return (
    <div className="stack">
      {page.data.length === 0 ? (
        <EmptyState title={paged ? t("emptyPageTitle") : t("emptyTitle")}>{paged ? t("emptyPageBody") : t("emptyBody")}</EmptyState>
      ) : (
        <InvoiceTable invoices={page.data} label={{ caption: t("listCaption") }} locale={locale} payNow={payNow} />
      )}
      <InvoicePager links={pageLinks(query, page)} />
    </div>
  );
}
