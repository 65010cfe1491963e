"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { useSWRConfig } from "swr";
import { isPayable, payNowDescription, type CheckoutOutcome } from "@/lib/shared/billing/pay-now";
import { formatDate } from "@/lib/shared/format/format-date";
import { formatMoney } from "@/lib/shared/format/format-money";
import { orNone } from "@/lib/shared/i18n/select-none";
import { DetailRow } from "../../_components/detail-row";
import { InvoiceStatusBadge } from "../../_components/invoice-status-badge";
import { RefreshProblem } from "../../_components/refresh-problem";
import { PayNowForm } from "../../_components/pay-now-form";
import { useInvoice } from "../../_components/use-portal-data";
import { holdsSubscriptions, portalKeys } from "@/lib/shared/portal-api/keys";
import { CheckoutReturn } from "./checkout-return";

type InvoiceDetailsProps = {
  id: string;
  locale: string;
  /** "Pay now" under this page's key; null where the merchant does not offer it. */
  payNowKey: string | null;
  /** Back from RevKeen's checkout: how it went, and this page's address to check again. */
  checkout: { outcome: CheckoutOutcome | "unchecked"; href: string } | null;
};

export function InvoiceDetails({ id, locale, payNowKey, checkout }: InvoiceDetailsProps) {
  const t = useTranslations("Invoices");
  const waiting = checkout !== null && (checkout.outcome === "confirming" || checkout.outcome === "unchecked");
  const { data, error } = useInvoice(id, { untilPaid: waiting });
  const invoice = data?.data;
  const paid = invoice?.status === "paid";
  usePaymentFollowed(id, waiting && paid);
  if (!invoice) return <RefreshProblem error={error} />;
  const money = (amount: number | null) => formatMoney(amount, invoice.currency, locale);
  return (
    <div className="stack">
      <h1>{t("heading", { number: orNone(invoice.invoice_number) })}</h1>
      {checkout !== null && <CheckoutReturn outcome={checkout.outcome} paid={paid} checkAgainHref={checkout.href} />}
      <RefreshProblem error={error} />
      <section className="card stack" aria-labelledby="invoice-dates-heading">
        <h2 id="invoice-dates-heading">{t("summary")}</h2>
        <p className="badges" data-testid="invoice-status">
          <InvoiceStatusBadge status={invoice.status} />
        </p>
        <dl className="details">
          <DetailRow term={t("invoiceNumber")}>{invoice.invoice_number}</DetailRow>
          <DetailRow term={t("invoiceDate")}>{formatDate(invoice.invoice_date ?? invoice.created_at, locale)}</DetailRow>
          <DetailRow term={t("dueDate")}>{formatDate(invoice.due_date, locale)}</DetailRow>
          <DetailRow term={t("paidOn")}>{formatDate(invoice.paid_at, locale)}</DetailRow>
        </dl>
        {payNowKey !== null && isPayable(invoice) && (
          <PayNowForm invoiceId={invoice.id} describes={payNowDescription(invoice, locale)} idempotencyKey={payNowKey} />
        )}
      </section>
      <section className="card stack" aria-labelledby="invoice-amounts-heading">
        <h2 id="invoice-amounts-heading">{t("amounts")}</h2>
        <dl className="details details-amounts">
          <DetailRow term={t("subtotal")}>{money(invoice.subtotal)}</DetailRow>
          <DetailRow term={t("discount")}>{invoice.discount_amount ? `−${money(invoice.discount_amount)}` : money(invoice.discount_amount)}</DetailRow>
          <DetailRow term={t("tax")}>{money(invoice.tax_amount)}</DetailRow>
          <DetailRow term={t("total")}>{money(invoice.total)}</DetailRow>
          <DetailRow term={t("amountPaid")}>{money(invoice.amount_paid)}</DetailRow>
          <DetailRow term={t("amountDue")}>{money(invoice.amount_due)}</DetailRow>
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
