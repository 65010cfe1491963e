"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { useMessages } from "next-intl";
import { useSWRConfig } from "swr";
import { isPayable, type CheckoutOutcome } from "@/lib/shared/billing/pay-now";
import { formatDate } from "@/lib/shared/format/format-date";
import { formatMoney } from "@/lib/shared/format/format-money";
import { DetailRow } from "../../_components/detail-row";
import { InvoiceStatusBadge } from "../../_components/invoice-status-badge";
import { RefreshProblem } from "../../_components/refresh-problem";
import { useInvoice } from "../../_components/use-portal-data";
import { holdsSubscriptions, portalKeys } from "@/lib/shared/portal-api/keys";
import { CheckoutReturn } from "./checkout-return";

type InvoiceDetailsProps = {
  id: string;
  locale: string;
  /** Said on the server, in the page's language (the invoice's number does not change). */
  heading: string;
  /**
   * "Pay now", drawn on the server while the invoice was open, shown while it still is; where it
   * was not, the answer to a press refused meanwhile, shown as it is. Null where Pay now is off.
   */
  payNowForm: ReactNode;
  /** Whether the server drew the form (the invoice was open), rather than an answer alone. */
  payNowOffered: boolean;
  /** Back from RevKeen's checkout: how it went, and this page's address to check again. */
  checkout: { outcome: CheckoutOutcome | "unchecked"; href: string } | null;
};

/**
 * One invoice, refreshed in the browser while a payment is being confirmed. Its labels are plain
 * messages read as they are: the page's scripts carry no message formatter (docs/speed.md).
 */
export function InvoiceDetails({ id, locale, heading, payNowForm, payNowOffered, checkout }: InvoiceDetailsProps) {
  const labels = useMessages().Invoices;
  const waiting = checkout !== null && (checkout.outcome === "confirming" || checkout.outcome === "unchecked");
  const { data, error } = useInvoice(id, { untilPaid: waiting });
  const invoice = data?.data;
  const paid = invoice?.status === "paid";
  usePaymentFollowed(id, waiting && paid);
  if (!invoice) return <RefreshProblem error={error} />;
  const money = (amount: number | null) => formatMoney(amount, invoice.currency, locale);
  return (
    <div className="stack">
      <h1>{heading}</h1>
      {checkout !== null && <CheckoutReturn outcome={checkout.outcome} paid={paid} checkAgainHref={checkout.href} />}
      <RefreshProblem error={error} />
      <section className="card stack" aria-labelledby="invoice-dates-heading">
        <h2 id="invoice-dates-heading">{labels.summary}</h2>
        <p className="badges" data-testid="invoice-status">
          <InvoiceStatusBadge status={invoice.status} />
        </p>
        <dl className="details">
          <DetailRow term={labels.invoiceNumber}>{invoice.invoice_number}</DetailRow>
          <DetailRow term={labels.invoiceDate}>{formatDate(invoice.invoice_date ?? invoice.created_at, locale)}</DetailRow>
          <DetailRow term={labels.dueDate}>{formatDate(invoice.due_date, locale)}</DetailRow>
          <DetailRow term={labels.paidOn}>{formatDate(invoice.paid_at, locale)}</DetailRow>
        </dl>
        {(!payNowOffered || isPayable(invoice)) && payNowForm}
      </section>
      <section className="card stack" aria-labelledby="invoice-amounts-heading">
        <h2 id="invoice-amounts-heading">{labels.amounts}</h2>
        <dl className="details details-amounts">
          <DetailRow term={labels.subtotal}>{money(invoice.subtotal)}</DetailRow>
          <DetailRow term={labels.discount}>{invoice.discount_amount ? `−${money(invoice.discount_amount)}` : money(invoice.discount_amount)}</DetailRow>
          <DetailRow term={labels.tax}>{money(invoice.tax_amount)}</DetailRow>
          <DetailRow term={labels.total}>{money(invoice.total)}</DetailRow>
          <DetailRow term={labels.amountPaid}>{money(invoice.amount_paid)}</DetailRow>
          <DetailRow term={labels.amountDue}>{money(invoice.amount_due)}</DetailRow>
        </dl>
      </section>
    </div>
  );
}

/** A payment confirmed while the page was open: the lists and plans in SWR's cache are stale too. */
function usePaymentFollowed(id: string, confirmed: boolean) {
  const { mutate } = useSWRConfig();
  const done = useRef(false);
  useEffect(() => {
    if (!confirmed || done.current) return;
    done.current = true;
    const own = portalKeys.invoice(id);
    void mutate((key) => typeof key === "string" && key !== own && (key.startsWith("/api/portal/invoices") || holdsSubscriptions(key)));
  }, [confirmed, id, mutate]);
}
