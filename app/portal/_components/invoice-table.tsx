import type { Route } from "next";
import { invoiceBadge } from "@/lib/shared/billing/invoice-status";
import { isPayable } from "@/lib/shared/billing/pay-now";
import { formatDate } from "@/lib/shared/format/format-date";
import { formatMoney } from "@/lib/shared/format/format-money";
import type { PortalInvoice } from "@/lib/shared/revkeen-api/customer-portal";
import { Badge } from "./badge";
import { PortalLink } from "./navigation-pending";
import { PayNowForm } from "./pay-now-form";

type InvoiceTableProps = {
  invoices: PortalInvoice[];
  locale: string;
  /** Named by a visible caption, or by a heading already on the page (its id), never both. */
  label: { caption: string } | { headingId: string };
  /** "Pay now" on each open invoice, under this page's key; left out where the merchant does not offer it. */
  payNowKey?: string | null;
};

/**
 * A table on a wide screen; on a narrow one each row reflows into a card with every figure
 * labelled (portal.css). The explicit roles keep it a table for assistive technology when CSS
 * changes how its parts are displayed.
 */
export function InvoiceTable({ invoices, locale, label, payNowKey = null }: InvoiceTableProps) {
  const named = "caption" in label ? { "aria-label": label.caption } : { "aria-labelledby": label.headingId };
  return (
    <div className="table-scroll" role="region" tabIndex={0} {...named}>
      <table className="table invoice-table" role="table" {...named}>
        {"caption" in label && <caption>{label.caption}</caption>}
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              Invoice
            </th>
            <th scope="col" role="columnheader">
              Date
            </th>
            <th scope="col" role="columnheader">
              Status
            </th>
            <th scope="col" role="columnheader" className="numeric">
              Total
            </th>
            <th scope="col" role="columnheader" className="numeric">
              Amount due
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
                  {invoice.invoice_number ?? "Invoice"}
                </PortalLink>
              </th>
              <td role="cell" data-label="Date">
                {formatDate(invoice.invoice_date ?? invoice.created_at, locale)}
              </td>
              <td role="cell" data-label="Status">
                <Badge badge={invoiceBadge(invoice.status)} />
              </td>
              <td role="cell" data-label="Total" className="numeric">
                {formatMoney(invoice.total, invoice.currency, locale) ?? "—"}
              </td>
              <td role="cell" data-label="Amount due" className="numeric">
                {formatMoney(invoice.amount_due, invoice.currency, locale) ?? "—"}
                {payNowKey !== null && isPayable(invoice) && (
                  <PayNowForm
                    className="table-action"
                    invoiceId={invoice.id}
                    describes={payNowDescription(invoice, locale)}
                    idempotencyKey={payNowKey}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Which invoice a "Pay now" is for, where several share a page. */
export function payNowDescription(invoice: PortalInvoice, locale: string): string {
  const amount = formatMoney(invoice.amount_due ?? invoice.total, invoice.currency, locale);
  return [`invoice ${invoice.invoice_number ?? ""}`.trim(), amount].filter(Boolean).join(", ");
}
