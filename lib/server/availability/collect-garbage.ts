import "server-only";
// A full garbage collection on demand, for the heap guard: the heap in use counts garbage not yet
// collected, so only the figure after a collection tells memory that requests still hold from
// memory about to be freed. Node offers gc() only behind --expose-gc; the flag can be set from
// inside, and the function taken from a fresh context, without putting gc on globalThis.
// Where that fails, the guard decides on the uncollected figure: a guard that threw would fail
// every request it was meant to protect.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { log } from "@/lib/server/logging/log";

let collect: (() => void) | null | undefined;

/** A full collection; false when this runtime offers none. */
export function collectGarbage(): boolean {
  if (collect === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      const gc: unknown = runInNewContext("gc");
      collect = typeof gc === "function" ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
    if (collect === null) log.warn("server.gc_unavailable", { detail: "the heap guard decides on the heap in use without collecting first" });
  }
  if (collect === null) return false;
  collect();
  return true;
}
