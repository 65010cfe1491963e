"use server";

import type { Route } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentUser } from "@/lib/server/auth/current-user";
import { withPortalToken } from "@/lib/server/portal-session/renew";
import { cancelSubscription } from "@/lib/server/revkeen-api/customer-portal";
import { checkWriteRate } from "@/lib/server/security/request-limits";
import { cancelReasonText, cancelRefusal } from "@/lib/shared/billing/cancel-policy";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { signInPath } from "@/lib/shared/paths/redirect-paths";
import { PortalError, type PortalErrorCode } from "@/lib/shared/portal-api/errors";

/** How a cancellation sent without JavaScript ended, shown on the subscription page it returns to. */
export type CancelOutcome = "ended" | "scheduled" | PortalErrorCode;

const cancelInput = z.object({
  subscriptionId: z.uuid(),
  when: z.enum(["period_end", "now"]).default("period_end"),
  reason: z.string().max(500).optional(),
  comment: z.string().max(500).optional(),
  // Rendered with the form: one intent, one key, however often the form is sent.
  idempotencyKey: z.uuid(),
});

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Cancel as a plain form (cancel-without-script.tsx): the same rules as the API route (this
 * site's own page, which Next checks for every action; one key per intent; the merchant's cancel
 * options; the write limit), then back to the subscription with the outcome.
 */
export async function submitCancellation(form: FormData): Promise<void> {
  const input = cancelInput.safeParse({
    subscriptionId: field(form, "subscriptionId"),
    when: field(form, "when"),
    reason: field(form, "reason"),
    comment: field(form, "comment"),
    idempotencyKey: field(form, "idempotencyKey"),
  });
  if (!input.success) redirect("/portal/subscriptions");
  const { subscriptionId, when, reason, comment, idempotencyKey } = input.data;
  const page = `/portal/subscriptions/${subscriptionId}`;
  const user = await currentUser();
  if (user === null) redirect(signInPath(page));

  const text = cancelReasonText(reason ?? null, comment ?? "");
  const body = { cancel_at_period_end: when === "period_end", ...(text ? { reason: text } : {}) };
  let outcome: CancelOutcome;
  try {
    const refusal = cancelRefusal(body, portalOptions);
    if (refusal) throw new PortalError(refusal);
    await checkWriteRate(user.id);
    const subscription = await withPortalToken(user, (token) => cancelSubscription(token, subscriptionId, body, idempotencyKey));
    outcome = subscription.status === "canceled" ? "ended" : "scheduled";
  } catch (error) {
    if (!(error instanceof PortalError)) throw error;
    outcome = error.code;
  }
  redirect(`${page}?${new URLSearchParams({ cancel: outcome }).toString()}` as Route);
}
