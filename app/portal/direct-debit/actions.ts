"use server";

import type { Route } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentUser } from "@/lib/server/auth/current-user";
import { cancelDirectDebit } from "@/lib/server/direct-debit/cancel-direct-debit";
import { checkWriteRate } from "@/lib/server/security/request-limits";
import { signInPath } from "@/lib/shared/paths/redirect-paths";
import { PortalError } from "@/lib/shared/portal-api/errors";

const PAGE = "/portal/direct-debit";

const cancelInput = z.object({
  mandateId: z.uuid(),
  reason: z.string().trim().max(500).optional(),
  // Rendered with the form: one intent, one key, however often the form is sent.
  idempotencyKey: z.uuid(),
});

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** Cancel as a plain form (cancel-mandate.tsx without JavaScript), then back to the list with the outcome. */
export async function submitMandateCancellation(form: FormData): Promise<void> {
  const input = cancelInput.safeParse({ mandateId: field(form, "mandateId"), reason: field(form, "reason"), idempotencyKey: field(form, "idempotencyKey") });
  if (!input.success) redirect(`${PAGE}?outcome=request:invalid` as Route);
  const user = await currentUser();
  if (user === null) redirect(signInPath(PAGE));
  const { mandateId, reason, idempotencyKey } = input.data;
  let outcome: string;
  try {
    await checkWriteRate(user.id);
    await cancelDirectDebit(user, mandateId, reason ? { reason } : {}, idempotencyKey);
    outcome = "cancelled";
  } catch (error) {
    if (!(error instanceof PortalError)) throw error;
    outcome = error.code;
  }
  redirect(`${PAGE}?${new URLSearchParams({ outcome }).toString()}` as Route);
}
