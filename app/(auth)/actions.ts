"use server";

import { z } from "zod";
import { DEMO_PROVIDER_ID, NEW_CUSTOMER } from "@/lib/server/billing-account/demo-customers";
import { clearVerification } from "@/lib/server/direct-debit/verification-cookie";
import { clearPortalSession } from "@/lib/server/portal-session/sealed-cookie";
import { safeLocalPath } from "@/lib/shared/paths/safe-path";
import { signIn } from "./auth";

const demoSignInInput = z.object({
  customerId: z.union([z.uuid(), z.literal(NEW_CUSTOMER)]),
  callbackUrl: z.string().max(512).optional().transform((value) => safeLocalPath(value)),
});

export async function signInAsDemoCustomer(form: FormData): Promise<void> {
  const input = demoSignInInput.parse({
    customerId: form.get("customerId"),
    callbackUrl: form.get("callbackUrl") ?? undefined,
  });
  // Another user's portal cookie must not survive a change of user on this browser.
  await clearPortalSession();
  await clearVerification();
  await signIn(DEMO_PROVIDER_ID, { customerId: input.customerId, redirectTo: input.callbackUrl });
}

const providerSignInInput = z.object({
  provider: z.string().regex(/^[a-z0-9-]+$/),
  callbackUrl: z.string().max(512).optional().transform((value) => safeLocalPath(value)),
});

export async function signInWithProvider(form: FormData): Promise<void> {
  const input = providerSignInInput.parse({
    provider: form.get("provider"),
    callbackUrl: form.get("callbackUrl") ?? undefined,
  });
  await clearPortalSession();
  await clearVerification();
  await signIn(input.provider, { redirectTo: input.callbackUrl });
}
