// The sandbox's customers as GET /__sandbox/customers lists them: the demo ones a sign-in page
// offers ("signed in as", with a hint of what each portal will look like) and the ones created
// through POST /v2/customers.
import type { SandboxState } from "../data/state";
import { invoicesOf, subscriptionsOf } from "../data/state";

export interface DemoCustomerSummary {
  id: string;
  name: string;
  email: string | null;
  locale: string | null;
  currency: string | null;
  /** e.g. "6 subscriptions · 46 invoices", or "No subscriptions or invoices". */
  summary: string;
  /** The counts behind `summary`, for a sign-in page that words them in its own language. */
  subscriptions: number;
  invoices: number;
  /** A seed customer (offered at demo sign-in), or one created through POST /v2/customers. */
  demo: boolean;
  metadata: Record<string, unknown>;
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
  return [...state.customers.values()].map((customer) => {
    const [subscriptions, invoices] = [subscriptionsOf(state, customer.id).length, invoicesOf(state, customer.id).length];
    return {
      id: customer.id,
      name: customer.name ?? customer.email ?? customer.id,
      email: customer.email,
      locale: customer.locale,
      currency: customer.default_currency,
      summary: describeHoldings(subscriptions, invoices),
      subscriptions,
      invoices,
      demo: state.customerDetails.get(customer.id)?.demo ?? false,
      metadata: state.customerDetails.get(customer.id)?.metadata ?? {},
    };
  });
}
