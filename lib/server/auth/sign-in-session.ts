import "server-only";
// What names one sign-in, and how long it lasts. Auth.js gives its cookie a new `exp`, `iat` and
// `jti` every time it re-issues it (its /api/auth/session endpoint does, for anyone holding the
// cookie), so none of those can name a session or bound its life. Two claims set once at sign-in
// and copied into every re-issue do: `sid`, which sign-out revokes (./session-revocation.ts), and
// `auth_time`, from which the session's lifetime counts (both named as OpenID Connect names them).
import { randomUUID } from "node:crypto";
import type { JWT } from "next-auth/jwt";
import { z } from "zod";

/**
 * A sign-in lasts seven days from the moment the user signed in, however often it is used. Billing
 * is opened a few times a month, so signing in again each week costs a customer one press, while a
 * cookie left on a shared or lost computer stops opening their billing within the week; and a
 * revocation need only be kept that long.
 */
export const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;

export type SignInSession = {
  userId: string;
  sessionId: string;
  /** When the session ends whatever happens, ms since the epoch. */
  expiresAt: number;
  email?: string | null;
  /** Whether the sign-in provider verified `email` (app/(auth)/email-verified.ts). */
  emailVerified: boolean;
  name?: string | null;
  provider?: string;
};

/** The claims a new sign-in carries, for Auth.js's jwt callback. */
export function newSessionClaims(now: number = Date.now()): { sid: string; auth_time: number } {
  return { sid: randomUUID(), auth_time: Math.floor(now / 1000) };
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  sid: z.uuid(),
  auth_time: z.number().int(),
  email: z.string().nullish(),
  email_verified: z.boolean().optional().catch(undefined),
  name: z.string().nullish(),
  provider: z.string().optional().catch(undefined),
});

/**
 * The session a decoded sign-in token stands for, or null: no token, one past its lifetime, or one
 * issued without a session id (before sessions had one), which could never be revoked.
 */
export function signInSession(token: JWT | null, now: number = Date.now()): SignInSession | null {
  const claims = claimsSchema.safeParse(token);
  if (!claims.success) return null;
  const { sub, sid, auth_time: signedInAt, email, email_verified: emailVerified, name, provider } = claims.data;
  const expiresAt = (signedInAt + SESSION_MAX_AGE_S) * 1000;
  if (expiresAt <= now) return null;
  return { userId: sub, sessionId: sid, expiresAt, email, emailVerified: emailVerified === true, name, provider };
}
