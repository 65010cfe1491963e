import "server-only";
// Minting: the one call made with the merchant's key on a user's behalf. It turns the signed-in
// user into their RevKeen customer (creating it on a first visit), asks RevKeen for a portal
// session and seals it in the cookie.
import { randomUUID } from "node:crypto";
import type { SignedInUser } from "@/lib/server/auth/current-user";
import { createCustomerFor } from "@/lib/server/billing-account/create-customer";
import { customerIdForUser } from "@/lib/server/billing-account/customer-id-for-user";
import { createPortalSession } from "@/lib/server/revkeen-api/merchant";
import { checkMintRate } from "@/lib/server/security/request-limits";
import { taintPortalToken } from "@/lib/server/security/taint-secrets";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { writePortalSession, type PortalSession } from "./sealed-cookie";

/** Mints a session for `user` and stores it in the cookie. Server actions and route handlers only. */
export async function mintPortalSession(user: SignedInUser, { afterRefusal = false }: { afterRefusal?: boolean } = {}): Promise<PortalSession> {
  const linked = await customerIdForUser(user);
  if (linked === null && !portalOptions.createCustomerOnFirstVisit) throw new PortalError("portal:no_account");
  await checkMintRate(user.id);
  const customerId = linked ?? (await createCustomerFor(user));
  const minted = await createPortalSession({ customerId, idempotencyKey: randomUUID() });
  const session: PortalSession = {
    token: minted.token,
    expiresAt: minted.expiresAt.getTime(),
    mintedAt: Date.now(),
    userId: user.id,
    renewedAfterRefusal: afterRefusal,
  };
  taintPortalToken(session);
  await writePortalSession(session);
  return session;
}
