// The list a demo sign-in page shows: who can be "signed in as", with a hint of what
// each customer's portal will look like.
import type { SandboxState } from "./state";
import { invoicesOf, subscriptionsOf } from "./state";

export interface DemoCustomerSummary {
  id: string;
  name: string;
  email: string | null;
  locale: string | null;
  currency: string | null;
  /** e.g. "6 subscriptions · 46 invoices", or "No subscriptions or invoices". */
  summary: string;
}

function count(n: number, noun: string): string {
  if (n === 0) return `No ${noun}s`;
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function describeHoldings(subscriptions: number, invoices: number): string {
  if (subscriptions === 0 && invoices === 0) return "No subscriptions or invoices";
  return `${count(subscriptions, "subscription")} · ${count(invoices, "invoice")}`;
}

export function describeCustomers(state: SandboxState): DemoCustomerSummary[] {
  return [...state.customers.values()].map((customer) => ({
    id: customer.id,
    name: customer.name ?? customer.email ?? customer.id,
    email: customer.email,
    locale: customer.locale,
    currency: customer.default_currency,
    summary: describeHoldings(subscriptionsOf(state, customer.id).length, invoicesOf(state, customer.id).length),
  }));
}
