// Portal session tokens. Only a hash of each token is kept, so neither a state dump nor a
// log line can ever hold a usable token.
import { createHash, randomBytes, randomUUID } from "node:crypto";

export interface IssuedSession {
  id: string;
  customerId: string;
  createdAt: number;
  expiresAt: number;
  revoked: boolean;
}

export type TokenLookup =
  | { kind: "valid"; session: IssuedSession }
  | { kind: "unknown" }
  | { kind: "revoked" }
  | { kind: "expired" };

export interface TokenStore {
  mint(customerId: string, now: number, ttlMinutes: number): { token: string; session: IssuedSession };
  resolve(token: string, now: number): TokenLookup;
  /** Revokes one customer's sessions, or every session; returns how many were live. */
  revoke(customerId: string | null, now: number): number;
  clear(): void;
}

/** Expired sessions are remembered this long (to say "expired", not "unknown"), then forgotten. */
const FORGET_AFTER_MS = 24 * 3_600_000;
/** RevKeen's longest portal session. */
const LONGEST_TTL_MS = 240 * 60_000;
/** Sessions remembered at once, at most, oldest out first: minting in a loop fills no memory. */
const MAX_SESSIONS = 10_000;

function hash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function createTokenStore(): TokenStore {
  const sessions = new Map<string, IssuedSession>();

  // A Map iterates in minting order, so the stale sessions are the ones at the front.
  function forgetStale(now: number): void {
    for (const [key, session] of sessions) {
      if (session.createdAt + LONGEST_TTL_MS + FORGET_AFTER_MS >= now && sessions.size <= MAX_SESSIONS) return;
      sessions.delete(key);
    }
  }

  return {
    mint(customerId, now, ttlMinutes) {
      const token = `rkcps_${randomBytes(32).toString("base64url")}`;
      const session: IssuedSession = { id: randomUUID(), customerId, createdAt: now, expiresAt: now + ttlMinutes * 60_000, revoked: false };
      sessions.set(hash(token), session);
      forgetStale(now);
      return { token, session };
    },
    resolve(token, now) {
      const session = sessions.get(hash(token));
      if (!session) return { kind: "unknown" };
      if (session.revoked) return { kind: "revoked" };
      if (session.expiresAt <= now) return { kind: "expired" };
      return { kind: "valid", session };
    },
    revoke(customerId, now) {
      let revoked = 0;
      for (const session of sessions.values()) {
        if (session.revoked || (customerId !== null && session.customerId !== customerId)) continue;
        session.revoked = true;
        if (session.expiresAt > now) revoked += 1;
      }
      return revoked;
    },
    clear() {
      sessions.clear();
    },
  };
}
