import "server-only";
// The portal-session cookie, and the only code that reads or writes it. Its value is sealed
// (lib/server/security/define-sealed-cookie.ts), so the rkcps_ token inside is neither readable
// nor forgeable by the browser, and it is bound to the signed-in user who minted it.
import { z } from "zod";
import { defineSealedCookie, type SealedCookieAttributes } from "@/lib/server/security/define-sealed-cookie";
import type { Unsealed } from "@/lib/server/security/sealed-value";
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

/** Lax: sent on a navigation from another site too (a link to the portal in an e-mail), so arriving that way does not mint again. */
const cookie = defineSealedCookie({ name: "revkeen-portal", purpose: "portal-session cookie v1", sameSite: "lax" });

const claimsSchema = z.object({
  tok: z.string().startsWith("rkcps_"),
  uid: z.string().min(1),
  mat: z.number().int(),
  rar: z.boolean(),
  exp: z.number().int(),
});

export async function sealPortalSession(session: PortalSession, secret: string): Promise<string> {
  return cookie.seal(claimsOf(session), session.expiresAt, secret);
}

function claimsOf(session: PortalSession) {
  return { tok: session.token, uid: session.userId, mat: session.mintedAt, rar: session.renewedAfterRefusal };
}

/** Opens a sealed value for `userId`; anything tampered, expired or minted for someone else is refused. */
export async function unsealPortalSession(
  value: string,
  secret: string,
  userId: string,
  now: number = Date.now(),
): Promise<PortalSessionState> {
  return sessionFrom(await cookie.open(value, secret, now), userId, now);
}

function sessionFrom(opened: Unsealed, userId: string, now: number): PortalSessionState {
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

function maxAgeSeconds(expiresAt: number, now: number): number {
  return Math.max(0, Math.floor((expiresAt - now) / 1000) - COOKIE_MARGIN_S);
}

/** The cookie's name and options for a token that expires at `expiresAt`. */
export function cookieAttributes(secure: boolean, expiresAt: number, now: number = Date.now()): SealedCookieAttributes {
  return cookie.attributes(secure, maxAgeSeconds(expiresAt, now));
}

/** Reads the cookie for the signed-in user. Works in pages too (it never writes). */
export async function readPortalSession(userId: string): Promise<PortalSessionState> {
  const now = Date.now();
  const opened = await cookie.read(now);
  return opened.state === "missing" ? opened : sessionFrom(opened, userId, now);
}

/** Only from a server action or a route handler: pages cannot set cookies. */
export async function writePortalSession(session: PortalSession): Promise<void> {
  await cookie.write(claimsOf(session), session.expiresAt, maxAgeSeconds(session.expiresAt, Date.now()));
}

/** Only from a server action or a route handler. */
export async function clearPortalSession(): Promise<void> {
  await cookie.clear();
}
