// What the portal knows about a plan beyond the portal's own projection: its product's name and,
// while RevKeen recovers a failed payment, the dunning summary. Read with the merchant's key on the
// server (lib/server/plans/), joined here to the subscriptions the customer's portal token returned,
// and handed to the page as plain data.
import type { DunningText } from "@/lib/shared/i18n/portal-copy";
import type { Dunning, MerchantSubscription } from "@/lib/shared/revkeen-api/merchant-subscriptions";

export type DunningSummary = {
  /** Retries RevKeen has made, when it says. */
  retriesMade: number | null;
  /** Retries still to come, when it says. */
  retriesLeft: number | null;
  nextRetryAt: string | null;
  accessRestricted: boolean;
};

export type PlanDetail = {
  /** The product's name, or null: then the price names the plan. */
  name: string | null;
  dunning: DunningSummary | null;
  /** The subscription's unpaid invoice, when the page found it among the customer's own invoices. */
  openInvoiceId: string | null;
  /** The dunning message in the customer's language, made by the server with the page. */
  dunningText?: DunningText | null;
};

/** By subscription id; only ids the customer's portal token returned. */
export type PlanDetails = Readonly<Record<string, PlanDetail>>;

export const NO_PLAN_DETAIL: PlanDetail = { name: null, dunning: null, openInvoiceId: null };

export function dunningSummary(dunning: Dunning | null | undefined): DunningSummary | null {
  if (!dunning?.is_in_dunning) return null;
  const made = dunning.retry_count ?? null;
  const total = dunning.total_possible_retries ?? null;
  return {
    retriesMade: made,
    retriesLeft: made !== null && total !== null ? Math.max(0, total - made) : null,
    nextRetryAt: dunning.next_retry_at ?? null,
    accessRestricted: dunning.access_restricted ?? false,
  };
}

/**
 * The details of each subscription in `portalIds` (what the portal token returned). A merchant
 * subscription the portal did not return, or one of another customer, is never used: the
 * merchant's answer only adds to what the customer's own token has shown is theirs.
 */
export function joinPlanDetails(input: {
  customerId: string;
  portalIds: readonly string[];
  merchant: readonly MerchantSubscription[];
  productNames: ReadonlyMap<string, string>;
}): PlanDetails {
  const theirs = new Map(input.merchant.filter((subscription) => subscription.customer_id === input.customerId).map((subscription) => [subscription.id, subscription]));
  const details: Record<string, PlanDetail> = {};
  for (const id of input.portalIds) {
    const subscription = theirs.get(id);
    if (subscription === undefined) continue;
    const name = subscription.product_id ? (input.productNames.get(subscription.product_id) ?? null) : null;
    details[id] = { name: name?.trim() || null, dunning: dunningSummary(subscription.dunning), openInvoiceId: null };
  }
  return details;
}

/** Any plan in `details` that RevKeen is recovering a payment for. */
export function anyInDunning(details: PlanDetails): boolean {
  return Object.values(details).some((detail) => detail.dunning !== null);
}

type InvoiceFacts = { id: string; status: string; currency: string | null; subtotal: number | null; subscription_id?: string | null };
type PlanFacts = { id: string; currency: string | null; amount_minor: number | null };

/**
 * The open invoice, among the customer's own, that a plan in dunning is waiting on: the one that
 * names the plan where RevKeen says so; else the one whose subtotal is the plan's price; else the
 * customer's only open invoice. Anything less certain is null: the way forward is then the
 * invoice list.
 */
function openInvoiceOf(plan: PlanFacts, open: readonly InvoiceFacts[]): string | null {
  const only = (candidates: readonly InvoiceFacts[]) => (candidates.length === 1 ? (candidates[0]?.id ?? null) : null);
  if (open.some((invoice) => invoice.subscription_id)) return only(open.filter((invoice) => invoice.subscription_id === plan.id));
  const priced = open.filter((invoice) => invoice.currency !== null && invoice.currency === plan.currency && invoice.subtotal === plan.amount_minor);
  return only(priced) ?? (priced.length === 0 ? only(open) : null);
}

/** Each plan in dunning with the open invoice it waits on, when that can be told (openInvoiceOf). */
export function withOpenInvoices(details: PlanDetails, plans: readonly PlanFacts[], invoices: readonly InvoiceFacts[]): PlanDetails {
  const open = invoices.filter((invoice) => invoice.status === "open");
  const result: Record<string, PlanDetail> = {};
  for (const [id, detail] of Object.entries(details)) {
    const plan = plans.find((candidate) => candidate.id === id);
    result[id] = detail.dunning !== null && plan ? { ...detail, openInvoiceId: openInvoiceOf(plan, open) } : detail;
  }
  return result;
}
