import "server-only";
// How a request gets a portal token: the signed-in user, their sealed cookie, and minting a new
// session when the cookie is missing, near expiry, another user's, or refused by RevKeen.
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { customerIdForUser, type SignedInUser } from "@/lib/server/billing-account/customer-id-for-user";
import { serverEnv } from "@/lib/env/server";
import { checkMintRate } from "@/lib/server/portal-session/mint-rate-limit";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { readPortalSession, writePortalSession, type PortalSession } from "@/lib/server/portal-session/sealed-cookie";
import { createPortalSession } from "@/lib/server/revkeen/client";
import { readSignInToken } from "@/lib/server/auth/sign-in-cookie";
import { taintPortalToken } from "@/lib/server/security/taint-secrets";

/**
 * A token minted because its predecessor was refused, and refused in turn within this long, is not
 * renewed again: the refusal is real, and renewing would loop.
 */
export const FRESH_TOKEN_MS = 30_000;

/** The signed-in user, read once per request; the same fields auth.ts's session callback gives. */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const env = serverEnv();
  if (!env.AUTH_SECRET) return null;
  const token = await readSignInToken(await headers(), env.AUTH_SECRET, env.AUTH_URL);
  if (!token?.sub) return null;
  return { id: token.sub, email: token.email, provider: typeof token.provider === "string" ? token.provider : undefined };
});

/** Mints a session for `user` and stores it in the cookie. Server actions and route handlers only. */
export async function mintPortalSession(
  user: SignedInUser,
  { afterRefusal = false }: { afterRefusal?: boolean } = {},
): Promise<PortalSession> {
  const customerId = await customerIdForUser(user);
  if (customerId === null) throw new PortalError("portal:no_account");
  await checkMintRate(user.id);
  const minted = await createPortalSession({ customerId, idempotencyKey: randomUUID() });
  const session: PortalSession = {
    token: minted.token,
    expiresAt: minted.expiresAt.getTime(),
    mintedAt: Date.now(),
    userId: user.id,
    customerId,
    renewedAfterRefusal: afterRefusal,
  };
  taintPortalToken(session);
  await writePortalSession(session);
  return session;
}

/**
 * Runs `call` with a valid portal token for the signed-in `user`, renewing it silently once when
 * it is missing, stale or refused. For route handlers and server actions, which may set cookies.
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

/** Where a page sends the browser to get a fresh portal session, then come back to `next`. */
export function renewPath(next: string, force = false): `/portal/session?${string}` {
  const query = new URLSearchParams({ next });
  if (force) query.set("force", "1");
  return `/portal/session?${query.toString()}`;
}

/**
 * The portal session for a page render. Pages cannot set cookies, so a missing or stale one sends
 * the browser through /portal/session, which mints and comes straight back.
 */
export const portalSessionForPage = cache(async (path: string): Promise<PortalSession> => {
  const user = await currentUser();
  if (user === null) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: path }).toString()}`);
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
