"use server";

import type { Route } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentUser, type SignedInUser } from "@/lib/server/auth/current-user";
import { changeBankDetails, sendChangeCode, verifyChangeCode } from "@/lib/server/direct-debit/change-bank";
import { checkWriteRate } from "@/lib/server/security/request-limits";
import { bankDetailsFromForm } from "@/lib/shared/billing/bank-details-form";
import { signInPath } from "@/lib/shared/paths/redirect-paths";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { newBankDetailsSchema } from "@/lib/shared/revkeen-api/mandates";

// The change of bank as plain forms, for browsers without JavaScript: each step is the same call
// as the API route's, then a redirect to the page (the step and any refusal by name, never a
// value the customer typed). Each step counts as a write, as it does on the API.

const mandateId = z.uuid();

function pagePath(id: string, search: Record<string, string> = {}): Route {
  const query = new URLSearchParams(search).toString();
  return `/portal/direct-debit/${id}/change-bank${query ? `?${query}` : ""}` as Route;
}

async function signedIn(id: string): Promise<SignedInUser> {
  const user = await currentUser();
  if (user === null) redirect(signInPath(pagePath(id)));
  return user;
}

function formMandate(form: FormData): string {
  const id = mandateId.safeParse(form.get("mandateId"));
  if (!id.success) redirect("/portal/direct-debit");
  return id.data;
}

/** `step` is where the customer was: a refusal brings them back there (the page knows what follows). */
async function runStep(user: SignedInUser, id: string, step: string, call: () => Promise<void>, next: Route): Promise<never> {
  try {
    await checkWriteRate(user.id);
    await call();
  } catch (error) {
    if (!(error instanceof PortalError)) throw error;
    redirect(pagePath(id, { step, problem: error.code }));
  }
  redirect(next);
}

export async function requestChangeCode(form: FormData): Promise<void> {
  const id = formMandate(form);
  const user = await signedIn(id);
  const step = form.get("step") === "code" ? "code" : "send";
  await runStep(user, id, step, () => sendChangeCode(user, id), pagePath(id, { step: "code", sent: "1" }));
}

export async function submitChangeCode(form: FormData): Promise<void> {
  const id = formMandate(form);
  const user = await signedIn(id);
  const code = form.get("code");
  // With the verification cookie set, the page shows the details step.
  await runStep(user, id, "code", () => verifyChangeCode(user, id, typeof code === "string" ? code : ""), pagePath(id));
}

export async function submitNewBankDetails(form: FormData): Promise<void> {
  const id = formMandate(form);
  const user = await signedIn(id);
  const key = z.uuid().safeParse(form.get("idempotencyKey"));
  await runStep(
    user,
    id,
    "details",
    async () => {
      if (!key.success) throw new PortalError("request:invalid");
      const details = newBankDetailsSchema.safeParse(bankDetailsFromForm(form));
      if (!details.success) throw new PortalError("mandate:details_invalid");
      await changeBankDetails(user, id, details.data, key.data);
    },
    "/portal/direct-debit?outcome=changed" as Route,
  );
}
