import "server-only";
// How often a user may do what costs the merchant something. Minting is the one call made with
// the merchant's key on a user's behalf; a write (a cancel) changes billing. A burst of presses
// or a script hammering either is stopped here: mints per user and per address, writes per user.
// With DATABASE_URL every instance of the app counts in the database, so they share one limit;
// without it (one process, the embedded database) counting happens in memory.
import { headers } from "next/headers";
import { serverEnv } from "@/lib/env/server";
import { withDatabase } from "@/lib/server/database/client";
import { createDatabaseRateLimiter } from "@/lib/server/database/rate-limit-store";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { clientIp } from "./client-ip";
import { createMemoryRateLimiter, type RateLimiter } from "./rate-limit";

type Limiters = { mintsPerUser: RateLimiter; mintsPerIp: RateLimiter; writesPerUser: RateLimiter };

const LIMITERS = Symbol.for("revkeen-portal-starter.request-limiters");

/** One set per server process, shared by the action, the renewal route and the API handlers. */
function limiters(): Limiters {
  const holder = globalThis as { [LIMITERS]?: Limiters };
  const env = serverEnv();
  const perMinute = (burst: number) =>
    env.DATABASE_URL
      ? createDatabaseRateLimiter((query) => withDatabase("rate_limit.hit", query), { burst, windowMs: 60_000 })
      : createMemoryRateLimiter({ burst, windowMs: 60_000 });
  holder[LIMITERS] ??= {
    mintsPerUser: perMinute(env.PORTAL_MINTS_PER_MINUTE_PER_USER),
    mintsPerIp: perMinute(env.PORTAL_MINTS_PER_MINUTE_PER_IP),
    writesPerUser: perMinute(env.PORTAL_WRITES_PER_MINUTE_PER_USER),
  };
  return holder[LIMITERS];
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
  await hitOrRefuse(mintsPerUser, `user:${userId}`);
  const env = serverEnv();
  const address = clientIp(await headers(), { trustedProxyHops: env.TRUSTED_PROXY_HOPS, onVercel: env.VERCEL === "1" });
  await hitOrRefuse(mintsPerIp, `ip:${address}`);
}

export async function checkWriteRate(userId: string): Promise<void> {
  await hitOrRefuse(limiters().writesPerUser, `user:${userId}`);
}
