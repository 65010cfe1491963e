import "server-only";
// Signing out revokes the session in the database, so a copy of the sign-in cookie (taken from a
// shared computer, a proxy's log, malware) opens nothing afterwards, on any instance. Every request
// that reads who is signed in asks; each instance remembers an answer briefly so that asking stays
// cheap: "revoked" until the session would have ended anyway (it never comes back), "not revoked"
// for CHECK_TTL_MS, the longest another instance goes on accepting a cookie after its sign-out.
import { processCache } from "@/lib/server/caching/bounded-cache";
import { withDatabase } from "@/lib/server/database/client";
import { forgetExpiredRevocations, isSessionRevoked, revokeSession } from "@/lib/server/database/revoked-sessions";
import type { SignInSession } from "./sign-in-session";

/**
 * Five seconds: a portal page and the reads it makes right after share one look-up, so a visit
 * costs each instance about one indexed read every five seconds. Whoever holds a copy of a cookie
 * could use it all the while its session was live; five seconds more adds nothing they could not
 * have done already.
 */
export const CHECK_TTL_MS = 5_000;

/** Far more signed-in users than one instance serves at once; a few dozen bytes each. */
const CAPACITY = 10_000;

/** Keys are session ids from cookies that opened under AUTH_SECRET: no client can make up one. */
function answers() {
  return processCache<boolean>("revoked-sessions", CAPACITY);
}

/** Ends `session` for every instance; this one knows at once. */
export async function revokeSignInSession(session: SignInSession): Promise<void> {
  await withDatabase("revoked_sessions.revoke", async (db) => {
    await revokeSession(db, session.sessionId, new Date(session.expiresAt));
    await forgetExpiredRevocations(db);
  });
  answers().set(session.sessionId, true, session.expiresAt);
}

/** Whether `session` was signed out. Throws database:unavailable when the database cannot say. */
export async function isSignInSessionRevoked(session: SignInSession, now: number = Date.now()): Promise<boolean> {
  const known = answers().get(session.sessionId, now);
  if (known !== undefined) return known;
  const revoked = await withDatabase("revoked_sessions.check", (db) => isSessionRevoked(db, session.sessionId));
  answers().set(session.sessionId, revoked, revoked ? session.expiresAt : now + CHECK_TTL_MS);
  return revoked;
}
