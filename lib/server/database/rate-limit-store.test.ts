import { describe, expect, it } from "vitest";
import { createDatabaseRateLimiter } from "./rate-limit-store";
import { testDatabaseForThisFile } from "@/lib/testing/embedded-database";

const test = testDatabaseForThisFile();

describe("the rate limiter over the database", () => {
  it("lets a burst in, then refuses with the time until the next token", async () => {
    const limiter = createDatabaseRateLimiter((query) => query(test.db), { burst: 3, windowMs: 60_000 });
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await limiter.hit("user:burst"));
    expect(results.slice(0, 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
    expect(results[3]).toMatchObject({ allowed: false });
    const wait = results[3]?.allowed === false ? results[3].retryAfterSeconds : 0;
    expect(wait).toBeGreaterThanOrEqual(19);
    expect(wait).toBeLessThanOrEqual(20);
  });

  it("counts one limit for every limiter on the same database, as several instances of the app would", async () => {
    const instanceA = createDatabaseRateLimiter((query) => query(test.db), { burst: 4, windowMs: 60_000 });
    const instanceB = createDatabaseRateLimiter((query) => query(test.db), { burst: 4, windowMs: 60_000 });
    const results = await Promise.all([instanceA, instanceB, instanceA, instanceB, instanceA, instanceB].map((limiter) => limiter.hit("user:shared")));
    expect(results.filter((result) => result.allowed)).toHaveLength(4);
  });

  it("keeps keys apart", async () => {
    const limiter = createDatabaseRateLimiter((query) => query(test.db), { burst: 1, windowMs: 60_000 });
    expect(await limiter.hit("user:a")).toEqual({ allowed: true });
    expect(await limiter.hit("user:b")).toEqual({ allowed: true });
    expect((await limiter.hit("user:a")).allowed).toBe(false);
  });

  it("refills as the database's clock moves", async () => {
    const limiter = createDatabaseRateLimiter((query) => query(test.db), { burst: 1, windowMs: 60_000 });
    expect(await limiter.hit("user:refill")).toEqual({ allowed: true });
    expect((await limiter.hit("user:refill")).allowed).toBe(false);
    // A minute ago as far as the bucket knows: a whole token has come back.
    await test.execute("update rate_limit_buckets set updated_at_ms = updated_at_ms - 60000 where key = 'user:refill'");
    expect(await limiter.hit("user:refill")).toEqual({ allowed: true });
  });
});
