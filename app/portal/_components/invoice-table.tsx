import type { Route } from "next";
import { useTranslations } from "next-intl";
import { isPayable, payNowDescription } from "@/lib/shared/billing/pay-now";
import { formatDate } from "@/lib/shared/format/format-date";
import { formatMoney } from "@/lib/shared/format/format-money";
import type { PortalInvoice } from "@/lib/shared/revkeen-api/customer-portal";
import { InvoiceStatusBadge } from "./invoice-status-badge";
import { PortalLink } from "./navigation-pending";
import { payNowDescribes } from "./pay-now-describes";
import { PayNowForm, PayNowRefusal } from "./pay-now-form";
import type { PayNowOffer } from "./pay-now-offer";

type InvoiceTableProps = {
  invoices: PortalInvoice[];
  locale: string;
  /** Named by a visible caption, or by a heading already on the page (its id), never both. */
  label: { caption: string } | { headingId: string };
  /** "Pay now" on each open invoice; left out where the merchant does not offer it. */
  payNow?: PayNowOffer | null;
};

/**
 * A table on a wide screen; on a narrow one each row reflows into a card with every figure
 * labelled (portal.css). The explicit roles keep it a table for assistive technology when CSS
 * changes how its parts are displayed. Rendered on the server with its page, in the page's
 * language: neither its code nor a message formatter reaches the browser.
 */
export function InvoiceTable({ invoices, locale, label, payNow: offer = null }: InvoiceTableProps) {
  const t = useTranslations("Invoices");
  const payNow = useTranslations("PayNow");
  const named = "caption" in label ? { "aria-label": label.caption } : { "aria-labelledby": label.headingId };
  return (
    <div className="table-scroll" role="region" tabIndex={0} {...named}>
      <table className="table invoice-table" role="table" {...named}>
        {"caption" in label && <caption>{label.caption}</caption>}
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {t("columnInvoice")}
            </th>
            <th scope="col" role="columnheader">
              {t("columnDate")}
            </th>
            <th scope="col" role="columnheader">
              {t("columnStatus")}
            </th>
            <th scope="col" role="columnheader" className="numeric">
              {t("columnTotal")}
            </th>
            <th scope="col" role="columnheader" className="numeric">
              {t("columnAmountDue")}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {invoices.map((invoice) => (
            <tr key={invoice.id} role="row">
              <th scope="row" role="rowheader">
                {/* Not prefetched: an invoice page is all data, which a prefetch may not fetch, so a
                    prefetch per row only rendered the shell again, up to a page of them queued on
                    the server in front of the click the customer makes. */}
                <PortalLink href={`/portal/invoices/${invoice.id}` as Route} prefetch={false}>
                  {invoice.invoice_number ?? t("unnumbered")}
                </PortalLink>
              </th>
              <td role="cell" data-label={t("columnDate")}>
                {formatDate(invoice.invoice_date ?? invoice.created_at, locale)}
              </td>
              <td role="cell" data-label={t("columnStatus")}>
                <InvoiceStatusBadge status={invoice.status} />
              </td>
              <td role="cell" data-label={t("columnTotal")} className="numeric">
                {formatMoney(invoice.total, invoice.currency, locale) ?? "—"}
              </td>
              <td role="cell" data-label={t("columnAmountDue")} className="numeric">
                {formatMoney(invoice.amount_due, invoice.currency, locale) ?? "—"}
                {offer !== null &&
                  (isPayable(invoice) ? (
                    <PayNowForm className="table-action" invoiceId={invoice.id} place="table" describes={payNowDescribes(payNow, payNowDescription(invoice, locale))} offer={offer} />
                  ) : (
                    <PayNowRefusal invoiceId={invoice.id} place="table" offer={offer} />
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
