"use client";

import { amountDueByCurrency } from "@/lib/shared/billing/amount-due";
import { formatMoney } from "@/lib/shared/format/format-money";
import { ALL_ITEMS_LIMIT } from "@/lib/shared/portal-api/keys";
import { useInvoices } from "./use-portal-data";

/** The sum of what open invoices still ask for, one line per currency. */
export function AmountDueSummary({ locale }: { locale: string }) {
  const { data } = useInvoices({ limit: ALL_ITEMS_LIMIT });
  const due = amountDueByCurrency(data?.data ?? []);
  if (due.length === 0) {
    return (
      <p data-testid="amount-due" className="amount-due-none">
        Nothing is due. You&apos;re all paid up.
      </p>
    );
  }
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
    </div>
  );
}
