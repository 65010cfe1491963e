import "server-only";
// Sign-in sessions ended by signing out (lib/server/auth/session-revocation.ts keeps the app's
// side: when to ask, and for how long an answer holds). A revocation matters only until the session
// it names would have expired anyway, so expired ones are forgotten with every new one: the table
// holds no more than the sign-outs of one session lifetime.
import { eq, lt, sql } from "drizzle-orm";
import type { Database } from "./client";
import { revokedSessions } from "./schema";

/** Records that session `sessionId`, which would end at `expiresAt`, is over. */
export async function revokeSession(db: Database, sessionId: string, expiresAt: Date): Promise<void> {
  await db.insert(revokedSessions).values({ sessionId, expiresAt }).onConflictDoNothing();
}

export async function isSessionRevoked(db: Database, sessionId: string): Promise<boolean> {
  const found = await db.select({ sessionId: revokedSessions.sessionId }).from(revokedSessions).where(eq(revokedSessions.sessionId, sessionId)).limit(1);
  return found.length > 0;
}

/** Forgets revocations of sessions that have expired by now: their cookies open nothing anyway. */
export async function forgetExpiredRevocations(db: Database): Promise<void> {
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, sql`now()`));
}
