import { describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "./rate-limit";

describe("the in-memory rate limiter", () => {
  it("allows a burst, then refuses with the seconds to wait", async () => {
    let now = 0;
    const limiter = createMemoryRateLimiter({ burst: 3, windowMs: 60_000, now: () => now });
    for (let press = 0; press < 3; press += 1) expect(await limiter.hit("user:1")).toEqual({ allowed: true });
    expect(await limiter.hit("user:1")).toEqual({ allowed: false, retryAfterSeconds: 20 });
    now = 5_000;
    expect(await limiter.hit("user:1")).toEqual({ allowed: false, retryAfterSeconds: 15 });
  });

  it("recovers as time passes, one attempt per share of the window", async () => {
    let now = 0;
    const limiter = createMemoryRateLimiter({ burst: 3, windowMs: 60_000, now: () => now });
    for (let press = 0; press < 3; press += 1) await limiter.hit("user:1");
    now = 20_000;
    expect(await limiter.hit("user:1")).toEqual({ allowed: true });
    expect((await limiter.hit("user:1")).allowed).toBe(false);
    now = 200_000;
    for (let press = 0; press < 3; press += 1) expect((await limiter.hit("user:1")).allowed).toBe(true);
  });

  it("counts each key on its own", async () => {
    const limiter = createMemoryRateLimiter({ burst: 1, windowMs: 60_000, now: () => 0 });
    expect((await limiter.hit("user:1")).allowed).toBe(true);
    expect((await limiter.hit("user:1")).allowed).toBe(false);
    expect((await limiter.hit("user:2")).allowed).toBe(true);
  });

  it("keeps its memory bounded when many keys pass through", async () => {
    let now = 0;
    const limiter = createMemoryRateLimiter({ burst: 2, windowMs: 1_000, now: () => now });
    for (let key = 0; key < 10_000; key += 1) await limiter.hit(`ip:${key}`);
    expect(limiter.size()).toBe(10_000);
    now = 10_000;
    // All earlier buckets are full again; the next new key prunes them instead of growing past the cap.
    expect((await limiter.hit("ip:new")).allowed).toBe(true);
    expect(limiter.size()).toBe(1);
  });
});
