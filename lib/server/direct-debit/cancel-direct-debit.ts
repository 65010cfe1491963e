import "server-only";
// Cancelling a mandate, for the API route and the plain form alike: RevKeen with the intent's own
// Idempotency-Key. Each caller checks the write limit first (checkWriteRate): the route before it
// reads the request's body.
import type { SignedInUser } from "@/lib/server/auth/current-user";
import { withPortalToken } from "@/lib/server/portal-session/renew";
import { cancelMandate } from "@/lib/server/revkeen-api/mandates";
import type { CancelMandateBody, PortalMandate } from "@/lib/shared/revkeen-api/mandates";

export async function cancelDirectDebit(user: SignedInUser, mandateId: string, body: CancelMandateBody, idempotencyKey: string): Promise<PortalMandate> {
  return withPortalToken(user, (token) => cancelMandate(token, mandateId, body, idempotencyKey));
}
