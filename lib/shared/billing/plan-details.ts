// What the portal knows about a plan beyond the portal's own projection: its product's name and,
// while RevKeen recovers a failed payment, the dunning summary. Read with the merchant's key on the
// server (lib/server/plans/), joined here to the subscriptions the customer's portal token returned,
// and handed to the page as plain data.
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

/**
 * Each plan in dunning with its unpaid invoice: the one invoice of the customer's own that names the
 * subscription and is still open. None found leaves the way forward at the invoice list.
 */
export function withOpenInvoices(details: PlanDetails, invoices: readonly { id: string; status: string; subscription_id?: string | null }[]): PlanDetails {
  const unpaid = invoices.filter((invoice) => invoice.status === "open");
  const result: Record<string, PlanDetail> = {};
  for (const [id, detail] of Object.entries(details)) {
    const open = detail.dunning === null ? [] : unpaid.filter((invoice) => invoice.subscription_id === id);
    result[id] = open.length === 1 && open[0] ? { ...detail, openInvoiceId: open[0].id } : detail;
  }
  return result;
}
