import "server-only";
// Where the verification token of a change of bank waits between the one-time code and the new
// details: sealed in an httpOnly cookie like the portal token (lib/server/security/define-sealed-cookie.ts),
// so it never reaches browser JavaScript, a URL or a log, and bound to the user and the mandate it
// was issued for.
import { z } from "zod";
import { defineSealedCookie, type SealedCookieAttributes } from "@/lib/server/security/define-sealed-cookie";
import type { Unsealed } from "@/lib/server/security/sealed-value";
import { taintVerificationToken } from "@/lib/server/security/taint-secrets";

/** As long as a code lasts: after that RevKeen would refuse the token anyway. */
export const VERIFICATION_LIFETIME_MS = 10 * 60_000;
const MAX_AGE_S = VERIFICATION_LIFETIME_MS / 1000;

/** Strict: sent only with this site's own requests, since the next step is always a page or a call of its own. */
const cookie = defineSealedCookie({ name: "revkeen-dd-verified", purpose: "direct-debit verification v1", sameSite: "strict" });

const claimsSchema = z.object({ vt: z.string().min(1), uid: z.string().min(1), mid: z.string().min(1) });

export type Verification = { token: string };

export async function sealVerification(token: string, userId: string, mandateId: string, expiresAt: number, secret: string): Promise<string> {
  return cookie.seal({ vt: token, uid: userId, mid: mandateId }, expiresAt, secret);
}

/** The token sealed in `value` if it was issued to `userId` for `mandateId` and has not expired; else null. */
export async function unsealVerification(
  value: string,
  userId: string,
  mandateId: string,
  secret: string,
  now: number = Date.now(),
): Promise<Verification | null> {
  return verificationFrom(await cookie.open(value, secret, now), userId, mandateId);
}

function verificationFrom(opened: Unsealed, userId: string, mandateId: string): Verification | null {
  if (opened.state !== "valid") return null;
  const claims = claimsSchema.safeParse(opened.claims);
  if (!claims.success || claims.data.uid !== userId || claims.data.mid !== mandateId) return null;
  const verification = { token: claims.data.vt };
  taintVerificationToken(verification);
  return verification;
}

/** The cookie's name and options: it lives as long as the code did. */
export function verificationCookieAttributes(secure: boolean): SealedCookieAttributes {
  return cookie.attributes(secure, MAX_AGE_S);
}

/** Works in pages too (it never writes): the change-of-bank page asks which step the customer is at. */
export async function readVerification(userId: string, mandateId: string): Promise<Verification | null> {
  const opened = await cookie.read();
  return opened.state === "missing" ? null : verificationFrom(opened, userId, mandateId);
}

/** Only from a route handler or a server action. */
export async function writeVerification(token: string, userId: string, mandateId: string, now: number = Date.now()): Promise<void> {
  await cookie.write({ vt: token, uid: userId, mid: mandateId }, now + VERIFICATION_LIFETIME_MS, MAX_AGE_S);
}

/** Only from a route handler or a server action: once used, refused, or the user signs out. */
export async function clearVerification(): Promise<void> {
  await cookie.clear();
}
