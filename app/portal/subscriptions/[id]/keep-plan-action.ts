"use server";

import type { Route } from "next";
import { redirect } from "next/navigation";
import { IDLE } from "@/lib/shared/portal-api/action-state";
import { pathWithAnswer } from "@/lib/shared/portal-api/form-answer";
import { isResourceId } from "@/lib/shared/portal-api/input";
import { KEEP_PLAN_FORM, keepPlan } from "./keep-plan";

/**
 * "Keep my plan", the same plain form with and without JavaScript: back to the subscription's page
 * with the answer's code, which the page says in its language beside the form, the plan as RevKeen
 * now has it read with the page (./_components/keep-plan-form.tsx).
 */
export async function keepPlanAction(form: FormData): Promise<never> {
  const answer = await keepPlan(IDLE, form);
  const id = form.get("subscriptionId");
  const page = typeof id === "string" && isResourceId(id) ? `/portal/subscriptions/${id}` : "/portal/subscriptions";
  redirect(pathWithAnswer(page, KEEP_PLAN_FORM, answer.status === "failed" ? { refused: answer.code } : "done") as Route);
}
