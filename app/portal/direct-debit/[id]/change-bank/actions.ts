"use server";

import type { Route } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { changeBankDetails, sendChangeCode, verifyChangeCode } from "@/lib/server/direct-debit/change-bank";
import { portalAction } from "@/lib/server/portal-actions/portal-action";
import { bankDetailsFromForm } from "@/lib/shared/billing/bank-details-form";
import type { ActionState } from "@/lib/shared/portal-api/action-state";
import { newBankDetailsSchema, verifyMandateCodeBodySchema } from "@/lib/shared/revkeen-api/mandates";

// The three steps of a change of bank account. Each counts as a write. A step that went through
// moves to the next by a redirect: the step lives in the address and the verification cookie, so
// a reload, or a browser without JavaScript, shows where the change stands. A refusal stays on the
// page as the form's answer, by its code, never with a value the customer typed.

type Step = ActionState<never>;

function changeBankPath(mandateId: string, search: Record<string, string> = {}): Route {
  const query = new URLSearchParams(search).toString();
  return `/portal/direct-debit/${mandateId}/change-bank${query ? `?${query}` : ""}` as Route;
}

const mandate = z.object({ mandateId: z.uuid() });

const send = portalAction({
  input: mandate,
  page: ({ mandateId }) => changeBankPath(mandateId),
  run: async ({ mandateId }, { user }) => {
    await sendChangeCode(user, mandateId);
    return mandateId;
  },
});

const verify = portalAction({
  input: mandate.extend(verifyMandateCodeBodySchema.shape),
  invalid: "mandate:code_invalid",
  page: ({ mandateId }) => changeBankPath(mandateId),
  run: async ({ mandateId, code }, { user }) => {
    // Guessing is also limited per user and mandate (checkCodeAttemptRate) and by RevKeen per code.
    await verifyChangeCode(user, mandateId, code);
    return mandateId;
  },
});

const change = portalAction({
  input: mandate.extend({ details: newBankDetailsSchema }),
  read: (form) => ({ mandateId: form.get("mandateId"), details: bankDetailsFromForm(form) }),
  invalid: "mandate:details_invalid",
  keyed: true,
  page: ({ mandateId }) => changeBankPath(mandateId),
  run: async ({ mandateId, details }, { user, idempotencyKey }) => {
    await changeBankDetails(user, mandateId, details, idempotencyKey);
    return mandateId;
  },
});

/** Step one: RevKeen e-mails the customer a one-time code. */
export async function sendCodeAction(previous: Step, form: FormData): Promise<Step> {
  const sent = await send(previous, form);
  if (sent.status === "done") redirect(changeBankPath(sent.data, { step: "code", sent: "1" }));
  return sent;
}

/** Step two: the code. The verification token RevKeen returns goes into a sealed httpOnly cookie. */
export async function verifyCodeAction(previous: Step, form: FormData): Promise<Step> {
  const verified = await verify(previous, form);
  // With the verification cookie set, the page shows the details step.
  if (verified.status === "done") redirect(changeBankPath(verified.data, { step: "details" }));
  return verified;
}

/** Step three: the new bank details, with the verification held in the cookie. */
export async function changeBankAction(previous: Step, form: FormData): Promise<Step> {
  const changed = await change(previous, form);
  if (changed.status === "done") redirect("/portal/direct-debit?outcome=changed" as Route);
  return changed;
}
