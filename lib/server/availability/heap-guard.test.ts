import { afterEach, describe, expect, it, vi } from "vitest";
import { HeapGuard, SERVE_BELOW, SHED_FROM } from "./heap-guard";

const MB = 2 ** 20;
const LIMIT = 256 * MB;
const at = (share: number) => ({ used: Math.round(share * LIMIT), limit: LIMIT });

afterEach(() => vi.restoreAllMocks());

describe("the heap guard", () => {
  it("serves below the shedding mark and sheds from it", () => {
    const guard = new HeapGuard();
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(guard.shed(at(0.5))).toBe(false);
    expect(guard.shed({ used: Math.ceil(SHED_FROM * LIMIT) - 1, limit: LIMIT })).toBe(false);
    expect(guard.shed({ used: Math.ceil(SHED_FROM * LIMIT), limit: LIMIT })).toBe(true);
  });

  it("keeps shedding until the heap falls below the lower mark, then serves until the upper one again", () => {
    const guard = new HeapGuard(0.9, 0.7);
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    vi.spyOn(console, "info").mockImplementation(() => undefined);
    // In hundredths of the limit, so that each share is exactly the mark it is compared with.
    expect([95, 85, 71, 70, 69, 80, 89, 90].map((percent) => guard.shed({ used: percent, limit: 100 }))).toEqual([
      true, true, true, true, false, false, false, true,
    ]);
  });

  it("says in the log when it starts shedding and when it serves again, once each", () => {
    const guard = new HeapGuard();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    for (const share of [0.5, 0.95, 0.97, 0.8, SERVE_BELOW - 0.01, 0.6]) guard.shed(at(share));
    expect(warn.mock.calls.map((call) => JSON.parse(String(call[0])) as unknown)).toEqual([
      {
        level: "warn",
        event: "server.shedding",
        heap_used_mb: 243,
        heap_limit_mb: 256,
        detail: "the heap is near its limit: new requests get 503 with Retry-After until it is not",
      },
    ]);
    expect(info.mock.calls.map((call) => JSON.parse(String(call[0])) as unknown)).toEqual([
      { level: "info", event: "server.serving_again", heap_used_mb: 189, heap_limit_mb: 256 },
    ]);
  });

  it("refuses marks that leave no room between them", () => {
    expect(() => new HeapGuard(0.8, 0.8)).toThrow(RangeError);
    expect(() => new HeapGuard(1.2, 0.8)).toThrow(RangeError);
  });
});
