import "server-only";
// Who is signed in, for pages, server actions and route handlers: the sign-in cookie's session,
// unless it has expired or was signed out (./session-revocation.ts).
import { headers } from "next/headers";
import { cache } from "react";
import { serverEnv } from "@/lib/env/server";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { readSignInToken } from "./sign-in-cookie";
import { isSignInSessionRevoked } from "./session-revocation";
import { signInSession, type SignInSession } from "./sign-in-session";

export type SignedInUser = {
  /** Stable across sign-ins: "github:583231" for OAuth (app/(auth)/account-user-id.ts), the customer id for demo sign-in. */
  id: string;
  email?: string | null;
  /** Whether the sign-in provider verified `email` (the token's email_verified claim); only then may it open a billing account. */
  emailVerified: boolean;
  name?: string | null;
  provider?: string;
};

/** The session the request's sign-in cookie stands for, read once per request; not yet checked against sign-outs. */
const cookieSession = cache(async (): Promise<SignInSession | null> => {
  // Headers first: whatever the environment, a page that asks who is signed in renders per request.
  const requestHeaders = await headers();
  const env = serverEnv();
  if (!env.AUTH_SECRET) return null;
  return signInSession(await readSignInToken(requestHeaders, env.AUTH_SECRET, env.AUTH_URL));
});

function userOf(session: SignInSession): SignedInUser {
  return { id: session.userId, email: session.email, emailVerified: session.emailVerified, name: session.name, provider: session.provider };
}

/**
 * The signed-in user, or null (signed out, expired, or a session ended by signing out). Throws
 * database:unavailable when the database cannot say whether the session was signed out: what
 * reads or changes billing then stops with a readable error rather than trusting the cookie.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await cookieSession();
  if (session === null || (await isSignInSessionRevoked(session))) return null;
  return userOf(session);
});

/**
 * Whom to show as signed in (the header, the account page): currentUser(), or while the database
 * cannot be asked, the user the cookie names. Showing a name and a "Manage billing" button grants
 * nothing; everything that does asks currentUser(), which refuses then.
 */
export const displayedUser = cache(async (): Promise<SignedInUser | null> => {
  try {
    return await currentUser();
  } catch (error) {
    if (!(error instanceof PortalError && error.code === "database:unavailable")) throw error;
    const session = await cookieSession();
    return session === null ? null : userOf(session);
  }
});
