"use client";
// The plans' names and dunning summaries, read on the server with the page and handed down here,
// so the subscription cards and page can show them while SWR refreshes the portal's own data.

import { createContext, useContext, type ReactNode } from "react";
import { NO_PLAN_DETAIL, type PlanDetail, type PlanDetails } from "@/lib/shared/billing/plan-details";
import { priceKey } from "@/lib/shared/billing/price-message";
import { formatMoney } from "@/lib/shared/format/format-money";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";

const Details = createContext<PlanDetails>({});
const PayNowKey = createContext<string | null>(null);
const PayNowFor = createContext<Readonly<Record<string, string>>>({});
const PriceLabels = createContext<Readonly<Record<string, string>>>({});

type PlanDetailsProviderProps = {
  details: PlanDetails;
  /** The page's "Pay now" intent key (null: Pay now is off), for a past-due plan's way forward. */
  payNowKey?: string | null;
  /** The end of that button's name, by unpaid invoice, said on the server (pay-now-for-plans.ts). */
  payNowFor?: Readonly<Record<string, string>>;
  /** The plans' prices in words, by priceKey, said on the server (lib/server/i18n/price-labels.ts). */
  priceLabels?: Readonly<Record<string, string>>;
  children: ReactNode;
};

export function PlanDetailsProvider({ details, payNowKey = null, payNowFor = {}, priceLabels = {}, children }: PlanDetailsProviderProps) {
  return (
    <Details value={details}>
      <PayNowKey value={payNowKey}>
        <PayNowFor value={payNowFor}>
          <PriceLabels value={priceLabels}>{children}</PriceLabels>
        </PayNowFor>
      </PayNowKey>
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

/** What the "Pay now" for unpaid invoice `invoiceId` pays, in the page's language. */
export function usePayNowFor(invoiceId: string): string {
  const named = useContext(PayNowFor);
  return Object.hasOwn(named, invoiceId) ? (named[invoiceId] ?? "") : "";
}

export function usePayNowKey(): string | null {
  return useContext(PayNowKey);
}

/** What is known of subscription `id` beyond the portal's projection; nothing when unknown. */
export function usePlanDetail(id: string): PlanDetail {
  const details = useContext(Details);
  return Object.hasOwn(details, id) ? (details[id] ?? NO_PLAN_DETAIL) : NO_PLAN_DETAIL;
}
