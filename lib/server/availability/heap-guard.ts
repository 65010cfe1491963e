import "server-only";
// Sheds load before the heap runs out. A Node process that reaches its heap limit does not slow
// down: it dies, and every request after it is refused until something restarts it. So once the
// heap in use nears the limit, new requests are answered 503 at once (they allocate next to
// nothing) while those in flight finish and their memory is collected; serving resumes only once
// the heap is well below the mark, so the server does not flap on every collection.
import { getHeapStatistics } from "node:v8";
import { processSingleton } from "@/lib/server/caching/process-singleton";
import { log } from "@/lib/server/logging/log";

/** Shed from this share of the heap limit… */
export const SHED_FROM = 0.88;
/** …and serve again below this one. */
export const SERVE_BELOW = 0.75;

export type HeapReading = { used: number; limit: number };

export class HeapGuard {
  private shedding = false;

  constructor(
    private readonly shedFrom: number = SHED_FROM,
    private readonly serveBelow: number = SERVE_BELOW,
  ) {
    if (!(serveBelow > 0 && serveBelow < shedFrom && shedFrom <= 1)) throw new RangeError("need 0 < serveBelow < shedFrom <= 1");
  }

  /** Whether a request arriving at this reading is shed; says in the log when that changes. */
  shed({ used, limit }: HeapReading): boolean {
    const share = used / limit;
    const before = this.shedding;
    if (this.shedding) this.shedding = share >= this.serveBelow;
    else this.shedding = share >= this.shedFrom;
    if (this.shedding !== before) {
      const fields = { heap_used_mb: Math.round(used / 2 ** 20), heap_limit_mb: Math.round(limit / 2 ** 20) };
      if (this.shedding) log.warn("server.shedding", { ...fields, detail: "the heap is near its limit: new requests get 503 with Retry-After until it is not" });
      else log.info("server.serving_again", fields);
    }
    return this.shedding;
  }
}

export function currentHeap(): HeapReading {
  const { used_heap_size: used, heap_size_limit: limit } = getHeapStatistics();
  return { used, limit };
}

/** Whether this process sheds the request arriving now. */
export function heapIsNearLimit(): boolean {
  return processSingleton("heap-guard", () => new HeapGuard()).shed(currentHeap());
}
