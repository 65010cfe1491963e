import "server-only";
// Minting is the one call made with the merchant's key on a user's behalf: a burst of presses or
// a script hammering "Manage billing" is stopped here, per user and per IP address.
import { headers } from "next/headers";
import { serverEnv } from "@/lib/env/server";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { createMemoryRateLimiter, type RateLimiter } from "@/lib/server/security/rate-limit";

type MintLimiters = { perUser: RateLimiter; perIp: RateLimiter };

const LIMITERS = Symbol.for("revkeen-portal-starter.mint-limiters");

/** One set per server process, shared by the action, the renewal route and the API handlers. */
function limiters(): MintLimiters {
  const holder = globalThis as { [LIMITERS]?: MintLimiters };
  const env = serverEnv();
  holder[LIMITERS] ??= {
    perUser: createMemoryRateLimiter({ burst: env.PORTAL_MINTS_PER_MINUTE_PER_USER, windowMs: 60_000 }),
    perIp: createMemoryRateLimiter({ burst: env.PORTAL_MINTS_PER_MINUTE_PER_IP, windowMs: 60_000 }),
  };
  return holder[LIMITERS];
}

async function clientIp(): Promise<string> {
  const list = await headers();
  // Vercel and most proxies put the client first; a direct connection has neither header.
  return list.get("x-forwarded-for")?.split(",")[0]?.trim() || list.get("x-real-ip") || "unknown";
}

function refuse(retryAfterSeconds: number): never {
  throw new PortalError("portal:rate_limited", {
    message: `Too many attempts. Try again in ${retryAfterSeconds} s.`,
    retryAfter: retryAfterSeconds,
  });
}

export async function checkMintRate(userId: string): Promise<void> {
  const { perUser, perIp } = limiters();
  // One after the other: a press refused for its user must not also use up its address's allowance,
  // or one user hammering could lock out everyone behind the same office network.
  const user = await perUser.hit(`user:${userId}`);
  if (!user.allowed) refuse(user.retryAfterSeconds);
  const ip = await perIp.hit(`ip:${await clientIp()}`);
  if (!ip.allowed) refuse(ip.retryAfterSeconds);
}
