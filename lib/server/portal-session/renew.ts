import "server-only";
// Renewing a portal token that is missing, near expiry, another user's, or refused by RevKeen.
// Minting spends the merchant's key and the user's allowance, so it happens only when this site
// asks: a write (its Origin checked) or a server action renews in the request. A read never does:
// any site can start a GET, so a read and a page render send the browser once through
// /portal/session, which checks who started the navigation, mints and comes straight back.
import { redirect } from "next/navigation";
import { cache } from "react";
import { currentUser, type SignedInUser } from "@/lib/server/auth/current-user";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { renewPath, signInPath } from "@/lib/shared/paths/redirect-paths";
import { mintPortalSession } from "./mint";
import { readPortalSession, type PortalSession } from "./sealed-cookie";

/**
 * A token minted because its predecessor was refused, and refused in turn within this long, is not
 * renewed again: the refusal is real, and renewing would loop.
 */
const FRESH_TOKEN_MS = 30_000;

/**
 * Runs a read with the portal token in this browser's cookie. No usable cookie, or a token RevKeen
 * refuses, is portal:expired: the page renews through /portal/session (lib/browser/portal-request.ts).
 */
export async function withStoredPortalToken<T>(user: SignedInUser, call: (token: string) => Promise<T>): Promise<T> {
  const stored = await readPortalSession(user.id);
  if (stored.state !== "valid") throw new PortalError("portal:expired");
  return call(stored.session.token);
}

/**
 * Runs `call` with a valid portal token for the signed-in `user`, renewing it silently once when
 * it is missing, stale or refused. Only for what this site alone can start: writes, whose Origin
 * is checked first, and server actions, whose origin Next checks.
 */
export async function withPortalToken<T>(user: SignedInUser, call: (token: string) => Promise<T>): Promise<T> {
  const stored = await readPortalSession(user.id);
  const session = stored.state === "valid" ? stored.session : await mintPortalSession(user);
  try {
    return await call(session.token);
  } catch (error) {
    // Renew once per request, and never a token this request has just minted.
    const refused = error instanceof PortalError && error.code === "portal:expired";
    if (!refused || stored.state !== "valid") throw error;
    const renewed = await mintPortalSession(user, { afterRefusal: true });
    return call(renewed.token);
  }
}

/**
 * The portal session for a page render; a missing or stale one goes through /portal/session, as
 * does one whose sign-in cannot be checked (the database is down): that route says so on the
 * account page.
 */
export const portalSessionForPage = cache(async (path: string): Promise<PortalSession> => {
  const user = await currentUser().catch((error: unknown) => {
    if (error instanceof PortalError) redirect(renewPath(path));
    throw error;
  });
  if (user === null) redirect(signInPath(path));
  const stored = await readPortalSession(user.id);
  if (stored.state !== "valid") redirect(renewPath(path));
  return stored.session;
});

/**
 * Turns a refused token during a page render into one trip through /portal/session, unless that
 * trip has just been made: then the refusal is real and the page shows it.
 */
export function renewIfRefused(error: unknown, session: PortalSession, path: string): void {
  if (!(error instanceof PortalError) || error.code !== "portal:expired") return;
  const refusedAgain = session.renewedAfterRefusal && Date.now() - session.mintedAt < FRESH_TOKEN_MS;
  if (!refusedAgain) redirect(renewPath(path, true));
}
