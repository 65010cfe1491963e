"use client";

import type { Route } from "next";
import { amountDueByCurrency } from "@/lib/shared/billing/amount-due";
import { isPayable } from "@/lib/shared/billing/pay-now";
import { formatDate } from "@/lib/shared/format/format-date";
import { formatMoney } from "@/lib/shared/format/format-money";
import { ALL_ITEMS_LIMIT } from "@/lib/shared/portal-api/keys";
import type { PortalInvoice } from "@/lib/shared/revkeen-api/customer-portal";
import { PortalLink } from "./navigation-pending";
import { PayNowForm } from "./pay-now-form";
import { payNowDescription } from "./invoice-table";
import { useInvoices } from "./use-portal-data";

/** More open invoices than this: the rest are paid from the invoice list. */
const PAYABLE_SHOWN = 5;

/**
 * The sum of what open invoices still ask for, one line per currency, and the way to pay it.
 * RevKeen's checkout takes one invoice at a time, so each open invoice gets its own "Pay now":
 * under the total when it is the only one; otherwise one line per invoice, oldest first (the
 * longest overdue), so the customer sees what each payment covers before she makes it.
 */
export function AmountDueSummary({ locale, payNowKey }: { locale: string; payNowKey: string | null }) {
  const { data } = useInvoices({ limit: ALL_ITEMS_LIMIT });
  const invoices = data?.data ?? [];
  const due = amountDueByCurrency(invoices);
  if (due.length === 0) {
    return (
      <p data-testid="amount-due" className="amount-due-none">
        Nothing is due. You&apos;re all paid up.
      </p>
    );
  }
  const payable = payNowKey === null ? [] : invoices.filter(isPayable).reverse();
  const [only] = payable;
  return (
    <div className="stack-tight">
      <ul className="plain-list amount-due" data-testid="amount-due" aria-label="Amount due by currency">
        {due.map(({ currency, amountMinor }) => (
          <li key={currency}>
            <strong>{formatMoney(amountMinor, currency, locale)}</strong> <span className="muted">due</span>
          </li>
        ))}
      </ul>
      {data?.has_more && <p className="muted">From your latest {ALL_ITEMS_LIMIT} invoices.</p>}
      {payNowKey !== null && only !== undefined && payable.length === 1 && (
        <PayNowForm invoiceId={only.id} describes={payNowDescription(only, locale)} idempotencyKey={payNowKey} />
      )}
      {payNowKey !== null && payable.length > 1 && (
        <PayableInvoices invoices={payable} locale={locale} payNowKey={payNowKey} />
      )}
    </div>
  );
}

function PayableInvoices({ invoices, locale, payNowKey }: { invoices: PortalInvoice[]; locale: string; payNowKey: string }) {
  return (
    <>
      <ul className="plain-list stack-tight payable-invoices" aria-label="Open invoices to pay">
        {invoices.slice(0, PAYABLE_SHOWN).map((invoice) => (
          <li key={invoice.id} className="payable-invoice">
            <span>
              <PortalLink href={`/portal/invoices/${invoice.id}` as Route} prefetch={false}>
                {invoice.invoice_number ?? "Invoice"}
              </PortalLink>{" "}
              {formatMoney(invoice.amount_due ?? invoice.total, invoice.currency, locale)}
              {invoice.due_date && <span className="muted">, due {formatDate(invoice.due_date, locale)}</span>}
            </span>
            <PayNowForm invoiceId={invoice.id} describes={payNowDescription(invoice, locale)} idempotencyKey={payNowKey} />
          </li>
        ))}
      </ul>
      {invoices.length > PAYABLE_SHOWN && (
        <p>
          {invoices.length} invoices are open: <PortalLink href="/portal/invoices">pay the rest from your invoices</PortalLink>
        </p>
      )}
    </>
  );
}
