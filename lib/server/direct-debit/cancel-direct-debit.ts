import "server-only";
// Cancelling a mandate, for the API route and the plain form alike: the write limit, then RevKeen
// with the intent's own Idempotency-Key.
import type { SignedInUser } from "@/lib/server/auth/current-user";
import { withPortalToken } from "@/lib/server/portal-session/renew";
import { cancelMandate } from "@/lib/server/revkeen/client";
import { checkWriteRate } from "@/lib/server/security/request-limits";
import type { CancelMandateBody, PortalMandate } from "@/lib/shared/revkeen-api/schemas";

export async function cancelDirectDebit(user: SignedInUser, mandateId: string, body: CancelMandateBody, idempotencyKey: string): Promise<PortalMandate> {
  await checkWriteRate(user.id);
  return withPortalToken(user, (token) => cancelMandate(token, mandateId, body, idempotencyKey));
}
