import "server-only";
// Where the verification token of a change of bank waits between the one-time code and the new
// details: sealed in an httpOnly cookie like the portal token, so it never reaches browser
// JavaScript, a URL or a log, and bound to the user and the mandate it was issued for.
import { cookies } from "next/headers";
import { z } from "zod";
import { serverEnv } from "@/lib/env/server";
import { sealValue, unsealValue } from "@/lib/server/security/sealed-value";
import { usesSecureCookies } from "@/lib/server/security/secure-cookies";
import { taintVerificationToken } from "@/lib/server/security/taint-secrets";

/** As long as a code lasts: after that RevKeen would refuse the token anyway. */
export const VERIFICATION_LIFETIME_MS = 10 * 60_000;

const PURPOSE = "direct-debit verification v1";
const SECURE_NAME = "__Host-revkeen-dd-verified";
const PLAIN_NAME = "revkeen-dd-verified";

const claimsSchema = z.object({ vt: z.string().min(1), uid: z.string().min(1), mid: z.string().min(1) });

export type Verification = { token: string };

export async function sealVerification(token: string, userId: string, mandateId: string, expiresAt: number, secret: string): Promise<string> {
  return sealValue({ vt: token, uid: userId, mid: mandateId }, PURPOSE, expiresAt, secret);
}

/** The token sealed in `value` if it was issued to `userId` for `mandateId` and has not expired; else null. */
export async function unsealVerification(
  value: string,
  userId: string,
  mandateId: string,
  secret: string,
  now: number = Date.now(),
): Promise<Verification | null> {
  const opened = await unsealValue(value, PURPOSE, secret, now);
  if (opened.state !== "valid") return null;
  const claims = claimsSchema.safeParse(opened.claims);
  if (!claims.success || claims.data.uid !== userId || claims.data.mid !== mandateId) return null;
  const verification = { token: claims.data.vt };
  taintVerificationToken(verification);
  return verification;
}

async function cookieName(): Promise<string> {
  return (await usesSecureCookies()) ? SECURE_NAME : PLAIN_NAME;
}

/** Works in pages too (it never writes): the change-of-bank page asks which step the customer is at. */
export async function readVerification(userId: string, mandateId: string): Promise<Verification | null> {
  const value = (await cookies()).get(await cookieName())?.value;
  if (value === undefined) return null;
  return unsealVerification(value, userId, mandateId, authSecret());
}

/** Only from a route handler or a server action. */
export async function writeVerification(token: string, userId: string, mandateId: string, now: number = Date.now()): Promise<void> {
  const secure = await usesSecureCookies();
  const expiresAt = now + VERIFICATION_LIFETIME_MS;
  (await cookies()).set(secure ? SECURE_NAME : PLAIN_NAME, await sealVerification(token, userId, mandateId, expiresAt, authSecret()), {
    httpOnly: true,
    // Sent only with this site's own requests: the next step is always a page or a call of its own.
    sameSite: "strict",
    path: "/",
    secure,
    maxAge: VERIFICATION_LIFETIME_MS / 1000,
  });
}

/** Only from a route handler or a server action: once used, refused, or the user signs out. */
export async function clearVerification(): Promise<void> {
  const jar = await cookies();
  for (const name of [SECURE_NAME, PLAIN_NAME]) {
    if (jar.has(name)) jar.delete({ name, path: "/", secure: name === SECURE_NAME });
  }
}

function authSecret(): string {
  // parseServerEnv refuses to start without it at run time.
  return serverEnv().AUTH_SECRET ?? "";
}
