import { describe, expect, it } from "vitest";
import { BoundedCache, processCache } from "./bounded-cache";

describe("the bounded cache", () => {
  const now = 1_000_000;

  it("gives a value back until its deadline, never at or after it", () => {
    const cache = new BoundedCache<string>(10);
    cache.set("a", "one", now + 500);
    expect(cache.get("a", now)).toBe("one");
    expect(cache.get("a", now + 499)).toBe("one");
    expect(cache.get("a", now + 500)).toBeUndefined();
    // An entry past its deadline is gone, even for an earlier clock.
    expect(cache.get("a", now)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("holds at most its capacity, dropping the least recently used first", () => {
    const cache = new BoundedCache<number>(3);
    for (const [key, value] of [["a", 1], ["b", 2], ["c", 3]] as const) cache.set(key, value, now + 1000);
    expect(cache.get("a", now)).toBe(1); // a is now the most recently used
    cache.set("d", 4, now + 1000);
    expect(cache.size).toBe(3);
    expect(cache.get("b", now)).toBeUndefined();
    expect([cache.get("a", now), cache.get("c", now), cache.get("d", now)]).toEqual([1, 3, 4]);
    for (let i = 0; i < 1000; i += 1) cache.set(`k${i}`, i, now + 1000);
    expect(cache.size).toBe(3);
  });

  it("freezes what it stores, so no reader can change what the next one gets", () => {
    const cache = new BoundedCache<{ sub: string; nested: { role: string } }>(2);
    const value = { sub: "user", nested: { role: "customer" } };
    cache.set("k", value, now + 1000);
    const read = cache.get("k", now);
    expect(Object.isFrozen(read)).toBe(true);
    expect(Object.isFrozen(read?.nested)).toBe(true);
    expect(() => {
      (read as { sub: string }).sub = "someone else";
    }).toThrow(TypeError);
    expect(cache.get("k", now)?.sub).toBe("user");
  });

  it("refuses a capacity that bounds nothing", () => {
    expect(() => new BoundedCache(0)).toThrow(RangeError);
    expect(() => new BoundedCache(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("is one per name for the whole process", () => {
    const a = processCache<string>("bounded-cache-test", 5);
    a.set("k", "v", Date.now() + 60_000);
    expect(processCache<string>("bounded-cache-test", 5).get("k")).toBe("v");
    expect(processCache<string>("bounded-cache-test-other", 5).get("k")).toBeUndefined();
  });
});
