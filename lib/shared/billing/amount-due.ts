// "What is due" on the overview: what the customer still owes on open invoices, one total per
// currency, since amounts in different currencies cannot be added up.
import type { PortalInvoice } from "@/lib/shared/revkeen-api/customer-portal";

export type AmountDue = { currency: string; amountMinor: number };

export function amountDueByCurrency(invoices: Pick<PortalInvoice, "status" | "currency" | "amount_due">[]): AmountDue[] {
  const totals = new Map<string, number>();
  for (const invoice of invoices) {
    if (invoice.status !== "open" || !invoice.currency || !invoice.amount_due) continue;
    const currency = invoice.currency.toUpperCase();
    totals.set(currency, (totals.get(currency) ?? 0) + invoice.amount_due);
  }
  return [...totals].map(([currency, amountMinor]) => ({ currency, amountMinor })).sort((a, b) => a.currency.localeCompare(b.currency));
}
