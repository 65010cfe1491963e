import "server-only";
// Limits how often something may happen per key (a user, an IP address). A token bucket: a burst
// of `burst` is allowed at once, then one more every `windowMs / burst`.
//
// The in-memory limiter counts per server instance. That is exact for one long-running server
// (`next start`, a container) and approximate on Vercel, where each function instance counts on
// its own: implement RateLimiter over a shared store (Redis, Upstash, Vercel KV) when that matters.

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  hit(key: string): Promise<RateLimitResult>;
}

type Bucket = { tokens: number; updatedAt: number };

/** Beyond this many keys, full buckets (keys at rest) are forgotten, so memory stays bounded. */
const MAX_KEYS = 10_000;

export function createMemoryRateLimiter(options: {
  burst: number;
  windowMs: number;
  now?: () => number;
}): RateLimiter & { size(): number } {
  const { burst, windowMs } = options;
  const now = options.now ?? Date.now;
  const refillPerMs = burst / windowMs;
  const buckets = new Map<string, Bucket>();

  function refill(bucket: Bucket, at: number): number {
    return Math.min(burst, bucket.tokens + (at - bucket.updatedAt) * refillPerMs);
  }

  function prune(at: number): void {
    for (const [key, bucket] of buckets) {
      if (refill(bucket, at) >= burst) buckets.delete(key);
    }
  }

  return {
    async hit(key) {
      const at = now();
      const bucket = buckets.get(key);
      const tokens = bucket ? refill(bucket, at) : burst;
      if (tokens < 1) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000)) };
      }
      if (!bucket && buckets.size >= MAX_KEYS) prune(at);
      buckets.set(key, { tokens: tokens - 1, updatedAt: at });
      return { allowed: true };
    },
    size: () => buckets.size,
  };
}
