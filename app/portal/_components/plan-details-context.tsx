"use client";
// The plans' names and dunning summaries, read on the server with the page and handed down here,
// so the subscription cards and page can show them while SWR refreshes the portal's own data.

import { createContext, useContext, type ReactNode } from "react";
import { NO_PLAN_DETAIL, type PlanDetail, type PlanDetails } from "@/lib/shared/billing/plan-details";

const Details = createContext<PlanDetails>({});
const PayNowKey = createContext<string | null>(null);

/** `payNowKey`: the page's "Pay now" intent key (null: Pay now is off), for a past-due plan's way forward. */
export function PlanDetailsProvider({ details, payNowKey = null, children }: { details: PlanDetails; payNowKey?: string | null; children: ReactNode }) {
  return (
    <Details value={details}>
      <PayNowKey value={payNowKey}>{children}</PayNowKey>
    </Details>
  );
}

export function usePayNowKey(): string | null {
  return useContext(PayNowKey);
}

/** What is known of subscription `id` beyond the portal's projection; nothing when unknown. */
export function usePlanDetail(id: string): PlanDetail {
  const details = useContext(Details);
  return Object.hasOwn(details, id) ? (details[id] ?? NO_PLAN_DETAIL) : NO_PLAN_DETAIL;
}
