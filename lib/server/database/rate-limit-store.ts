import "server-only";
// The token-bucket rate limiter (lib/server/security/rate-limit.ts) over the database, so every
// instance of the app counts against one limit. One statement per hit: the refill, the check and
// the take happen in a single atomic upsert, with the database's clock, so no two instances can
// both take the last token and no instance's clock skews the count.
import { sql } from "drizzle-orm";
import type { RateLimiter, RateLimitResult } from "@/lib/server/security/rate-limit";
import type { Database } from "./client";

type Row = { tokens: number; allowed: boolean };

/** How the limiter reaches the database: withDatabase in the app, a test database in tests. */
type Run = <T>(query: (db: Database) => Promise<T>) => Promise<T>;

export function createDatabaseRateLimiter(run: Run, options: { burst: number; windowMs: number }): RateLimiter {
  const { burst, windowMs } = options;
  const refillPerMs = burst / windowMs;
  return {
    async hit(key): Promise<RateLimitResult> {
      const now = sql`(extract(epoch from now()) * 1000)::bigint`;
      const refilled = sql`least(${burst}::float8, b.tokens + (${now} - b.updated_at_ms) * ${refillPerMs}::float8)`;
      const result = await run((db) =>
        db.execute<Row>(sql`
        insert into rate_limit_buckets as b (key, tokens, updated_at_ms, allowed)
        values (${key}, ${burst - 1}::float8, ${now}, true)
        on conflict (key) do update set
          tokens = case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end,
          updated_at_ms = ${now},
          allowed = ${refilled} >= 1
        returning tokens, allowed`),
      );
      const row = rowsOf(result)[0];
      if (!row) throw new Error("The rate limit upsert returned no row.");
      if (row.allowed) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - row.tokens) / refillPerMs / 1000)) };
    },
  };
}

/** postgres-js answers an array of rows, PGlite an object holding them. */
function rowsOf(result: unknown): Row[] {
  if (Array.isArray(result)) return result as Row[];
  return (result as { rows: Row[] }).rows;
}
