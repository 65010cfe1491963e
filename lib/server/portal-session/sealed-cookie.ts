import "server-only";
// The portal-session cookie, and the only code that reads or writes it. Its value is sealed
// (lib/server/security/sealed-value.ts), so the rkcps_ token inside is neither readable nor
// forgeable by the browser, and it is bound to the signed-in user who minted it.
import { cookies } from "next/headers";
import { z } from "zod";
import { serverEnv } from "@/lib/env/server";
import { sealValue, unsealValue } from "@/lib/server/security/sealed-value";
import { usesSecureCookies } from "@/lib/server/security/secure-cookies";
import { taintPortalToken } from "@/lib/server/security/taint-secrets";

export type PortalSession = {
  token: string;
  /** When the upstream token expires, ms since the epoch. */
  expiresAt: number;
  /** When it was minted, ms since the epoch: a token refused right after minting is not renewed again. */
  mintedAt: number;
  userId: string;
  /** Minted because RevKeen refused the previous token: if this one is refused too, stop renewing. */
  renewedAfterRefusal: boolean;
};

export type PortalSessionState =
  | { state: "valid"; session: PortalSession }
  | { state: "missing" | "invalid" | "expired" | "other_user" };

/** Renew this long before the upstream expiry, so no request leaves with a token about to lapse. */
export const RENEW_MARGIN_MS = 60_000;
/** The cookie dies a little before the token does. */
const COOKIE_MARGIN_S = 30;

const SECURE_NAME = "__Host-revkeen-portal";
const PLAIN_NAME = "revkeen-portal";

const claimsSchema = z.object({
  tok: z.string().startsWith("rkcps_"),
  uid: z.string().min(1),
  mat: z.number().int(),
  rar: z.boolean(),
  exp: z.number().int(),
});

const PURPOSE = "portal-session cookie v1";

export async function sealPortalSession(session: PortalSession, secret: string): Promise<string> {
  const claims = { tok: session.token, uid: session.userId, mat: session.mintedAt, rar: session.renewedAfterRefusal };
  return sealValue(claims, PURPOSE, session.expiresAt, secret);
}

/** Opens a sealed value for `userId`; anything tampered, expired or minted for someone else is refused. */
export async function unsealPortalSession(
  value: string,
  secret: string,
  userId: string,
  now: number = Date.now(),
): Promise<PortalSessionState> {
  const opened = await unsealValue(value, PURPOSE, secret, now);
  if (opened.state !== "valid") return opened;
  const parsed = claimsSchema.safeParse(opened.claims);
  if (!parsed.success) return { state: "invalid" };
  const claims = parsed.data;
  if (claims.uid !== userId) return { state: "other_user" };
  const session: PortalSession = {
    token: claims.tok,
    expiresAt: claims.exp * 1000,
    mintedAt: claims.mat,
    userId: claims.uid,
    renewedAfterRefusal: claims.rar,
  };
  if (session.expiresAt - now < RENEW_MARGIN_MS) return { state: "expired" };
  taintPortalToken(session);
  return { state: "valid", session };
}

/**
 * `Secure` and the `__Host-` prefix on https, decided as for the sign-in cookie
 * (lib/server/security/https.ts). Plain-http development (localhost) drops both, since a browser
 * would refuse them there.
 */
export function cookieAttributes(secure: boolean, expiresAt: number, now: number = Date.now()) {
  return {
    name: secure ? SECURE_NAME : PLAIN_NAME,
    options: {
      httpOnly: true,
      sameSite: "lax" as const,
      path: "/",
      secure,
      maxAge: Math.max(0, Math.floor((expiresAt - now) / 1000) - COOKIE_MARGIN_S),
    },
  };
}

/** Reads the cookie for the signed-in user. Works in pages too (it never writes). */
export async function readPortalSession(userId: string): Promise<PortalSessionState> {
  const jar = await cookies();
  const value = jar.get((await usesSecureCookies()) ? SECURE_NAME : PLAIN_NAME)?.value;
  if (value === undefined) return { state: "missing" };
  return unsealPortalSession(value, authSecret(), userId);
}

/** Only from a server action or a route handler: pages cannot set cookies. */
export async function writePortalSession(session: PortalSession): Promise<void> {
  const { name, options } = cookieAttributes(await usesSecureCookies(), session.expiresAt);
  (await cookies()).set(name, await sealPortalSession(session, authSecret()), options);
}

/** Only from a server action or a route handler. */
export async function clearPortalSession(): Promise<void> {
  const jar = await cookies();
  for (const name of [SECURE_NAME, PLAIN_NAME]) {
    if (jar.has(name)) jar.delete({ name, path: "/", secure: name === SECURE_NAME });
  }
}

function authSecret(): string {
  // parseServerEnv refuses to start without it at run time.
  return serverEnv().AUTH_SECRET ?? "";
}
