// A subscription's charge for one period as an invoice of its own customer's series: paid at once,
// or left owed when the charge failed (a declined card, a plan in dunning).
import { randomUUID } from "node:crypto";
import type { PortalInvoice } from "@/lib/shared/revkeen-api/customer-portal";
import { toIso } from "./calendar";
import type { SandboxContext } from "../entry/context";
import type { InvoiceRecord, SubscriptionRecord } from "./records";
import { invoicesOf } from "./state";

/** The customer's next number in their own series (ADA-0047 after ADA-0046). */
export function nextInvoiceNumber(context: SandboxContext, customerId: string): string {
  const invoices = invoicesOf(context.state, customerId);
  const prefix = /^([A-Z]+)-\d+$/.exec(invoices[0]?.invoice_number ?? "")?.[1] ?? "INV";
  return `${prefix}-${String(invoices.length + 1).padStart(4, "0")}`;
}

/** Stores and returns the period's invoice for `amount` in the subscription's currency, dated `at`. */
export function billPeriod(context: SandboxContext, record: SubscriptionRecord, bill: { amount: number; currency: PortalInvoice["currency"]; paid: boolean; at: number }): InvoiceRecord {
  const { amount, paid } = bill;
  const at = toIso(bill.at);
  const invoice: PortalInvoice = {
    id: randomUUID(),
    object: "invoice",
    invoice_number: nextInvoiceNumber(context, record.customerId),
    status: paid ? "paid" : "open",
    currency: bill.currency,
    subtotal: amount,
    tax_amount: 0,
    discount_amount: 0,
    total: amount,
    amount_paid: paid ? amount : 0,
    amount_due: paid ? 0 : amount,
    invoice_date: at,
    due_date: at,
    paid_at: paid ? at : null,
    created_at: at,
  };
  const billed: InvoiceRecord = { customerId: record.customerId, subscriptionId: record.subscription.id, invoice };
  context.state.invoices.set(invoice.id, billed);
  return billed;
}
