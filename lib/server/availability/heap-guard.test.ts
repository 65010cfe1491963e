import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { COLLECT_EVERY_MS, HeapGuard, SERVE_BELOW, SETTLE_MS, SHED_FROM } from "./heap-guard";

const LIMIT = 304 * 2 ** 20;

/** A heap whose figures the test sets, a collection that frees what the test says, and a clock. */
function setUp(options: { shedFrom?: number; serveBelow?: number } = {}) {
  const state = { used: 0, limit: LIMIT, garbage: 0, now: 0, collections: 0 };
  const guard = new HeapGuard({
    ...options,
    collect: () => {
      state.collections += 1;
      state.used -= state.garbage;
      state.garbage = 0;
      return true;
    },
    now: () => state.now,
  });
  const shedAt = (used: number, garbage = 0) => {
    state.used = used;
    state.garbage = garbage;
    return guard.shed(() => ({ used: state.used, limit: state.limit }));
  };
  return { state, shedAt };
}

beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  vi.spyOn(console, "info").mockImplementation(() => undefined);
});

afterEach(() => vi.restoreAllMocks());

describe("the heap guard", () => {
  it("serves below the shedding mark without collecting, and sheds from it", () => {
    const { state, shedAt } = setUp();
    expect(shedAt(Math.ceil(SHED_FROM * LIMIT) - 1)).toBe(false);
    expect(state.collections).toBe(0);
    expect(shedAt(Math.ceil(SHED_FROM * LIMIT))).toBe(true);
    expect(state.collections).toBe(1);
  });

  it("does not shed for garbage: it collects first and decides on what is left", () => {
    const { state, shedAt } = setUp();
    expect(shedAt(0.78 * LIMIT, 0.4 * LIMIT)).toBe(false);
    expect(state.collections).toBe(1);
    expect(state.used).toBe(0.38 * LIMIT);
  });

  it("keeps shedding until the heap falls below the lower mark, then serves until the upper one again", () => {
    const { state, shedAt } = setUp({ shedFrom: 0.9, serveBelow: 0.7 });
    // In hundredths of the limit, so that each share is exactly the mark it is compared with.
    state.limit = 100;
    expect([95, 85, 71, 70, 69, 80, 89, 90].map((percent) => shedAt(percent))).toEqual([true, true, true, true, false, false, false, true]);
  });

  it("collects at most once a second, so a shedding server still finds out when its memory is freed", () => {
    const { state, shedAt } = setUp();
    expect(shedAt(0.75 * LIMIT)).toBe(true);
    state.now += COLLECT_EVERY_MS - 1;
    // In flight requests end and leave garbage; within the second, the guard goes by the figure it reads.
    expect(shedAt(0.75 * LIMIT, 0.5 * LIMIT)).toBe(true);
    expect(state.collections).toBe(1);
    state.now += 1;
    expect(shedAt(0.75 * LIMIT, 0.5 * LIMIT)).toBe(false);
    expect(state.collections).toBe(2);
  });

  it("serves again once it has shed a while and a collection finds the heap below the shedding mark, so memory that only serving frees cannot keep it shedding", () => {
    const { state, shedAt } = setUp();
    const between = ((SERVE_BELOW + SHED_FROM) / 2) * LIMIT;
    expect(shedAt(0.75 * LIMIT)).toBe(true);
    // Between the marks after each collection: shedding holds while it settles…
    for (let waited = COLLECT_EVERY_MS; waited < SETTLE_MS; waited += COLLECT_EVERY_MS) {
      state.now += COLLECT_EVERY_MS;
      expect(shedAt(between), `${waited} ms after it began`).toBe(true);
    }
    // …and then a collection that finds it there is enough.
    state.now += COLLECT_EVERY_MS;
    expect(shedAt(between)).toBe(false);
    // Past the mark again, it sheds again.
    expect(shedAt(0.75 * LIMIT)).toBe(true);
  });

  it("decides on the figure it reads when no collection can be made", () => {
    const guard = new HeapGuard({ collect: () => false, now: () => 0 });
    expect(guard.shed(() => ({ used: 0.75 * LIMIT, limit: LIMIT }))).toBe(true);
    expect(guard.shed(() => ({ used: 0.5 * LIMIT, limit: LIMIT }))).toBe(false);
  });

  it("says in the log when it starts shedding and when it serves again, once each", () => {
    const { state, shedAt } = setUp();
    const warn = vi.mocked(console.warn);
    const info = vi.mocked(console.info);
    for (const share of [0.5, 0.75, 0.78, 0.6]) {
      shedAt(share * LIMIT);
      state.now += COLLECT_EVERY_MS;
    }
    shedAt((SERVE_BELOW - 0.01) * LIMIT);
    shedAt(0.4 * LIMIT);
    expect(warn.mock.calls.map((call) => JSON.parse(String(call[0])) as unknown)).toEqual([
      {
        level: "warn",
        event: "server.shedding",
        heap_used_mb: 228,
        heap_limit_mb: 304,
        detail: "the heap is near its limit: new requests get 503 with Retry-After until it is not",
      },
    ]);
    expect(info.mock.calls.map((call) => JSON.parse(String(call[0])) as unknown)).toEqual([
      { level: "info", event: "server.serving_again", heap_used_mb: 164, heap_limit_mb: 304 },
    ]);
  });

  it("refuses marks that leave no room between them", () => {
    expect(() => new HeapGuard({ shedFrom: 0.8, serveBelow: 0.8 })).toThrow(RangeError);
    expect(() => new HeapGuard({ shedFrom: 1.2, serveBelow: 0.8 })).toThrow(RangeError);
  });
});
