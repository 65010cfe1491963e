"use client";

import { formatDate } from "@/lib/shared/format/format-date";
import { formatMoney } from "@/lib/shared/format/format-money";
import { invoiceBadge } from "@/lib/shared/billing/invoice-status";
import { Badge } from "../../_components/badge";
import { DetailRow } from "../../_components/detail-row";
import { RefreshProblem } from "../../_components/refresh-problem";
import { useInvoice } from "../../_components/use-portal-data";

export function InvoiceDetails({ id, locale }: { id: string; locale: string }) {
  const { data, error } = useInvoice(id);
  const invoice = data?.data;
  if (!invoice) return <RefreshProblem error={error} />;
  const money = (amount: number | null) => formatMoney(amount, invoice.currency, locale);
  return (
    <div className="stack">
      <h1>Invoice {invoice.invoice_number ?? ""}</h1>
      <RefreshProblem error={error} />
      <section className="card stack" aria-labelledby="invoice-dates-heading">
        <h2 id="invoice-dates-heading">Summary</h2>
        <p className="badges" data-testid="invoice-status">
          <Badge badge={invoiceBadge(invoice.status)} />
        </p>
        <dl className="details">
          <DetailRow term="Invoice number">{invoice.invoice_number}</DetailRow>
          <DetailRow term="Invoice date">{formatDate(invoice.invoice_date ?? invoice.created_at, locale)}</DetailRow>
          <DetailRow term="Due date">{formatDate(invoice.due_date, locale)}</DetailRow>
          <DetailRow term="Paid on">{formatDate(invoice.paid_at, locale)}</DetailRow>
        </dl>
      </section>
      <section className="card stack" aria-labelledby="invoice-amounts-heading">
        <h2 id="invoice-amounts-heading">Amounts</h2>
        <dl className="details details-amounts">
          <DetailRow term="Subtotal">{money(invoice.subtotal)}</DetailRow>
          <DetailRow term="Discount">{invoice.discount_amount ? `−${money(invoice.discount_amount)}` : money(invoice.discount_amount)}</DetailRow>
          <DetailRow term="Tax">{money(invoice.tax_amount)}</DetailRow>
          <DetailRow term="Total">{money(invoice.total)}</DetailRow>
          <DetailRow term="Amount paid">{money(invoice.amount_paid)}</DetailRow>
          <DetailRow term="Amount due">{money(invoice.amount_due)}</DetailRow>
        </dl>
      </section>
    </div>
  );
}
