"use client";
// The plans' names and dunning summaries, read on the server with the page and handed down here,
// so the subscription cards and page can show them while SWR refreshes the portal's own data.

import { createContext, useContext, type ReactNode } from "react";
import { NO_PLAN_DETAIL, type PlanDetail, type PlanDetails } from "@/lib/shared/billing/plan-details";
import { priceKey } from "@/lib/shared/billing/price-message";
import { formatMoney } from "@/lib/shared/format/format-money";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";

const Details = createContext<PlanDetails>({});
const DunningNotices = createContext<Readonly<Record<string, ReactNode>>>({});
const PriceLabels = createContext<Readonly<Record<string, string>>>({});

type PlanDetailsProviderProps = {
  details: PlanDetails;
  /** The dunning notice of each plan in dunning, by the subscription's id, drawn on the server (dunning-notices.tsx). */
  dunningNotices?: Readonly<Record<string, ReactNode>>;
  /** The plans' prices in words, by priceKey, said on the server (lib/server/i18n/price-labels.ts). */
  priceLabels?: Readonly<Record<string, string>>;
  children: ReactNode;
};

export function PlanDetailsProvider({ details, dunningNotices = {}, priceLabels = {}, children }: PlanDetailsProviderProps) {
  return (
    <Details value={details}>
      <DunningNotices value={dunningNotices}>
        <PriceLabels value={priceLabels}>{children}</PriceLabels>
      </DunningNotices>
    </Details>
  );
}

/**
 * A plan's price in words in the page's language; for a price the page was not rendered with (a
 * refresh brought a new one), the money alone until the next page. Null without an amount.
 */
export function usePriceLabel(subscription: PortalSubscription, locale: string): string | null {
  const labels = useContext(PriceLabels);
  const key = priceKey(subscription);
  return Object.hasOwn(labels, key) ? (labels[key] ?? null) : formatMoney(subscription.amount_minor, subscription.currency, locale);
}

/**
 * The dunning notice of `subscription`, while its status (as refreshed) is past due: once the plan
 * is paid and active again, the notice goes. Null otherwise, or when the page drew none.
 */
export function useDunningNotice(subscription: PortalSubscription | undefined): ReactNode {
  const notices = useContext(DunningNotices);
  if (subscription === undefined || subscription.status !== "past_due" || !Object.hasOwn(notices, subscription.id)) return null;
  return notices[subscription.id] ?? null;
}

/** What is known of subscription `id` beyond the portal's projection; nothing when unknown. */
export function usePlanDetail(id: string): PlanDetail {
  const details = useContext(Details);
  return Object.hasOwn(details, id) ? (details[id] ?? NO_PLAN_DETAIL) : NO_PLAN_DETAIL;
}
