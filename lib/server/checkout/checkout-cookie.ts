import "server-only";
// Which checkout this browser last started, so that the invoice's page can ask RevKeen how it
// went when the customer comes back, without the session's id ever being in an address: sealed
// in an httpOnly cookie (lib/server/security/define-sealed-cookie.ts), bound to the signed-in
// user and the invoice, and kept no longer than the session can be paid.
import { z } from "zod";
import { defineSealedCookie } from "@/lib/server/security/define-sealed-cookie";

/** Never longer than this, whatever the session's own expiry. */
export const CHECKOUT_COOKIE_MAX_MS = 24 * 60 * 60_000;

/**
 * Lax: the customer comes back from RevKeen's page by a navigation from another site, which a
 * strict cookie would not go with. A page only reads it; nothing is done because of it.
 */
const cookie = defineSealedCookie({ name: "revkeen-checkout", purpose: "checkout return v1", sameSite: "lax" });

const claimsSchema = z.object({ sid: z.string().min(1), uid: z.string().min(1), iid: z.uuid() });

/** Only from a server action or a route handler. */
export async function rememberCheckout(sessionId: string, userId: string, invoiceId: string, expiresAt: number, now: number = Date.now()): Promise<void> {
  const until = Math.min(Number.isNaN(expiresAt) ? now : expiresAt, now + CHECKOUT_COOKIE_MAX_MS);
  await cookie.write({ sid: sessionId, uid: userId, iid: invoiceId }, until, Math.max(0, Math.floor((until - now) / 1000)));
}

/** The checkout session `userId` started for `invoiceId` in this browser, if it is still remembered. */
export async function startedCheckout(userId: string, invoiceId: string): Promise<string | null> {
  const opened = await cookie.read();
  if (opened.state !== "valid") return null;
  const claims = claimsSchema.safeParse(opened.claims);
  if (!claims.success || claims.data.uid !== userId || claims.data.iid !== invoiceId) return null;
  return claims.data.sid;
}
