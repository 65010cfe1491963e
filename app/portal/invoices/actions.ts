"use server";

import type { Route } from "next";
import { redirect } from "next/navigation";
import { IDLE } from "@/lib/shared/portal-api/action-state";
import { pathWithAnswer } from "@/lib/shared/portal-api/form-answer";
import { safePortalPath } from "@/lib/shared/paths/safe-path";
import { payNow } from "./pay-now";

/**
 * "Pay now", the same plain form with and without JavaScript: on to RevKeen's checkout, or back to
 * the page it was pressed on (`back`) with the refusal's code for that button (`answerTo`), which
 * the page says in its language beside it (../_components/pay-now-form.tsx).
 */
export async function payNowAction(form: FormData): Promise<never> {
  const answer = await payNow(IDLE, form);
  const back = safePortalPath(typeof form.get("back") === "string" ? String(form.get("back")) : null);
  const answerTo = form.get("answerTo");
  if (answer.status !== "failed" || typeof answerTo !== "string") redirect(back as Route);
  redirect(pathWithAnswer(back, answerTo, { refused: answer.code }) as Route);
}
