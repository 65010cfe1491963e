"use client";
// The plans' names and dunning summaries, read on the server with the page and handed down here,
// so the subscription cards and page can show them while SWR refreshes the portal's own data.

import { createContext, useContext, type ReactNode } from "react";
import { NO_PLAN_DETAIL, type PlanDetail, type PlanDetails } from "@/lib/shared/billing/plan-details";

const Details = createContext<PlanDetails>({});

export function PlanDetailsProvider({ details, children }: { details: PlanDetails; children: ReactNode }) {
  return <Details value={details}>{children}</Details>;
}

/** What is known of subscription `id` beyond the portal's projection; nothing when unknown. */
export function usePlanDetail(id: string): PlanDetail {
  const details = useContext(Details);
  return Object.hasOwn(details, id) ? (details[id] ?? NO_PLAN_DETAIL) : NO_PLAN_DETAIL;
}
