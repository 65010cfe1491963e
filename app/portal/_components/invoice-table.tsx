import { PortalLink } from "./navigation-pending";
import type { Route } from "next";
import { formatDate } from "@/lib/shared/format/format-date";
import { formatMoney } from "@/lib/shared/format/format-money";
import { invoiceBadge } from "@/lib/shared/billing/invoice-status";
import type { PortalInvoice } from "@/lib/shared/revkeen-api/schemas";
import { Badge } from "./badge";

export function InvoiceTable({ invoices, caption, locale }: { invoices: PortalInvoice[]; caption: string; locale: string }) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Invoice</th>
            <th scope="col">Date</th>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">
              Total
            </th>
            <th scope="col" className="numeric">
              Amount due
            </th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <tr key={invoice.id}>
              <th scope="row">
                <PortalLink href={`/portal/invoices/${invoice.id}` as Route}>{invoice.invoice_number ?? "Invoice"}</PortalLink>
              </th>
              <td>{formatDate(invoice.invoice_date ?? invoice.created_at, locale)}</td>
              <td>
                <Badge badge={invoiceBadge(invoice.status)} />
              </td>
              <td className="numeric">{formatMoney(invoice.total, invoice.currency, locale) ?? "—"}</td>
              <td className="numeric">{formatMoney(invoice.amount_due, invoice.currency, locale) ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
