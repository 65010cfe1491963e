"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { currentUser } from "@/lib/server/auth/current-user";
import { mintPortalSession } from "@/lib/server/portal-session/mint";
import { signInPath } from "@/lib/shared/paths/redirect-paths";
import { safePortalPath } from "@/lib/shared/paths/safe-path";
import { failedState } from "@/lib/server/portal-actions/failed-state";
import { PortalError, type PortalErrorCode } from "@/lib/shared/portal-api/errors";

export type OpenPortalState =
  | { status: "idle" }
  | { status: "failed"; code: PortalErrorCode; message: string };

const openPortalInput = z.object({
  next: z.string().max(512).optional().transform((value) => safePortalPath(value)),
});

/** "Manage billing": mint a portal session for the signed-in user, seal it in the cookie, go in. */
export async function openBillingPortal(_previous: OpenPortalState, form: FormData): Promise<OpenPortalState> {
  const input = openPortalInput.parse({ next: form.get("next") ?? undefined });
  try {
    const user = await currentUser();
    if (user === null) redirect(signInPath(input.next));
    await mintPortalSession(user);
  } catch (error) {
    if (error instanceof PortalError) return await failedState(error);
    throw error;
  }
  redirect(input.next as "/portal");
}
