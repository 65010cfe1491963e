import "server-only";
// Sheds load before the heap runs out. A Node process that reaches its heap limit does not slow
// down: it dies, and every request after it is refused until something restarts it. So once the
// heap nears the limit, new requests are answered 503 at once (they allocate next to nothing)
// while those in flight finish and their memory is collected; serving resumes only once the heap
// is well below the mark, so the server does not flap.
//
// The heap in use includes garbage V8 has not collected yet, and V8 lets it pile up close to the
// limit before collecting. Before deciding on a high figure the guard collects once (at most once
// a second) and reads again: it sheds for memory that requests hold, not for garbage, and a guard
// that sheds cannot wait forever for a collection that shedding itself makes rare.
import { getHeapStatistics } from "node:v8";
import { processSingleton } from "@/lib/server/caching/process-singleton";
import { log } from "@/lib/server/logging/log";
import { collectGarbage } from "./collect-garbage";

/**
 * Shed from this share of the heap limit… The limit (heap_size_limit) includes the young
 * generation's reserve, so the old space fills, and the process dies, well before the heap in use
 * reaches it (docs/speed.md has the figures).
 */
export const SHED_FROM = 0.7;
/** …and serve again below this one. */
export const SERVE_BELOW = 0.55;
/** A full collection stops everything for a moment: at most one a second. */
export const COLLECT_EVERY_MS = 1_000;
/**
 * After shedding this long, a collection that finds the heap below the shedding mark is enough to
 * serve again. Caches are freed only as they are read, and a shedding server reads none: waiting
 * for the heap to fall below the lower mark could then mean shedding until a restart.
 */
export const SETTLE_MS = 5_000;

export type HeapReading = { used: number; limit: number };

export type HeapGuardOptions = {
  shedFrom?: number;
  serveBelow?: number;
  /** Collects garbage; false when it could not. */
  collect?: () => boolean;
  now?: () => number;
};

export class HeapGuard {
  private shedding = false;
  private sheddingSince = 0;
  private lastCollection = Number.NEGATIVE_INFINITY;
  private readonly shedFrom: number;
  private readonly serveBelow: number;
  private readonly collect: () => boolean;
  private readonly now: () => number;

  constructor({ shedFrom = SHED_FROM, serveBelow = SERVE_BELOW, collect = collectGarbage, now = Date.now }: HeapGuardOptions = {}) {
    if (!(serveBelow > 0 && serveBelow < shedFrom && shedFrom <= 1)) throw new RangeError("need 0 < serveBelow < shedFrom <= 1");
    this.shedFrom = shedFrom;
    this.serveBelow = serveBelow;
    this.collect = collect;
    this.now = now;
  }

  /** Whether a request arriving now is shed; says in the log when that changes. */
  shed(read: () => HeapReading): boolean {
    const mark = this.shedding ? this.serveBelow : this.shedFrom;
    let reading = read();
    let collected = false;
    if (reading.used / reading.limit >= mark && this.now() - this.lastCollection >= COLLECT_EVERY_MS) {
      this.lastCollection = this.now();
      collected = this.collect();
      reading = read();
    }
    const settled = this.shedding && collected && this.now() - this.sheddingSince >= SETTLE_MS;
    const shedding = reading.used / reading.limit >= (settled ? this.shedFrom : mark);
    if (shedding !== this.shedding) {
      this.shedding = shedding;
      if (shedding) this.sheddingSince = this.now();
      const fields = { heap_used_mb: Math.round(reading.used / 2 ** 20), heap_limit_mb: Math.round(reading.limit / 2 ** 20) };
      if (shedding) log.warn("server.shedding", { ...fields, detail: "the heap is near its limit: new requests get 503 with Retry-After until it is not" });
      else log.info("server.serving_again", fields);
    }
    return shedding;
  }
}

export function currentHeap(): HeapReading {
  const { used_heap_size: used, heap_size_limit: limit } = getHeapStatistics();
  return { used, limit };
}

/** Whether this process sheds the request arriving now. */
export function heapIsNearLimit(): boolean {
  return processSingleton("heap-guard", () => new HeapGuard()).shed(currentHeap);
}
