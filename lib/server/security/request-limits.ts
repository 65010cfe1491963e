import "server-only";
// How often a user may do what costs the merchant something or guards their money. Minting is the
// one call made with the merchant's key on a user's behalf; a write (a cancel, a step of a change
// of bank) changes billing; a one-time code is what stands between a session and a customer's bank
// details. A burst of presses or a script hammering any of them is stopped here: mints per user and
// per address, writes per user, code attempts per user and mandate.
// With DATABASE_URL every instance of the app counts in the database, so they share one limit;
// without it (one process, the embedded database) counting happens in memory. Each limit has a key
// space of its own (`mint:…`, `write:…`, `code:…`): the database holds every bucket in one table,
// and one limit spent must never spend, or refill, another.
import { headers } from "next/headers";
import { serverEnv } from "@/lib/env/server";
import { processSingleton } from "@/lib/server/caching/process-singleton";
import { withDatabase } from "@/lib/server/database/client";
import { createDatabaseRateLimiter } from "@/lib/server/database/rate-limit-store";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { clientIp } from "./client-ip";
import { createMemoryRateLimiter, type RateLimiter } from "./rate-limit";

type Limiters = { mintsPerUser: RateLimiter; mintsPerIp: RateLimiter; writesPerUser: RateLimiter; codeAttemptsPerMandate: RateLimiter };

/** A code lives ten minutes upstream: its attempts are counted over the same window. */
const CODE_WINDOW_MS = 10 * 60_000;

/** One set per server process, shared by the action, the renewal route and the API handlers. */
function limiters(): Limiters {
  return processSingleton("request-limiters", () => {
    const env = serverEnv();
    const limit = (burst: number, windowMs = 60_000) =>
      env.DATABASE_URL
        ? createDatabaseRateLimiter((query) => withDatabase("rate_limit.hit", query), { burst, windowMs })
        : createMemoryRateLimiter({ burst, windowMs });
    return {
      mintsPerUser: limit(env.PORTAL_MINTS_PER_MINUTE_PER_USER),
      mintsPerIp: limit(env.PORTAL_MINTS_PER_MINUTE_PER_IP),
      writesPerUser: limit(env.PORTAL_WRITES_PER_MINUTE_PER_USER),
      codeAttemptsPerMandate: limit(env.PORTAL_CODE_ATTEMPTS_PER_10_MINUTES_PER_MANDATE, CODE_WINDOW_MS),
    };
  });
}

async function hitOrRefuse(limiter: RateLimiter, key: string): Promise<void> {
  const result = await limiter.hit(key);
  if (result.allowed) return;
  throw new PortalError("portal:rate_limited", {
    message: `Too many attempts. Try again in ${result.retryAfterSeconds} s.`,
    retryAfter: result.retryAfterSeconds,
  });
}

export async function checkMintRate(userId: string): Promise<void> {
  const { mintsPerUser, mintsPerIp } = limiters();
  // One after the other: a press refused for its user must not also use up its address's allowance,
  // or one user hammering could lock out everyone behind the same office network.
  await hitOrRefuse(mintsPerUser, `mint:user:${userId}`);
  const env = serverEnv();
  const address = clientIp(await headers(), { trustedProxyHops: env.TRUSTED_PROXY_HOPS, onVercel: env.VERCEL === "1" });
  await hitOrRefuse(mintsPerIp, `mint:ip:${address}`);
}

export async function checkWriteRate(userId: string): Promise<void> {
  await hitOrRefuse(limiters().writesPerUser, `write:user:${userId}`);
}

/**
 * One attempt at a one-time code for `mandateId`. RevKeen limits tries per code, but a new code
 * resets that; this limit holds across codes. The mandate (a UUID) comes first in the key, so no
 * user id can make two keys meet.
 */
export async function checkCodeAttemptRate(userId: string, mandateId: string): Promise<void> {
  await hitOrRefuse(limiters().codeAttemptsPerMandate, `code:mandate:${mandateId}:user:${userId}`);
}
