import "server-only";
// A full garbage collection on demand, for the heap guard: the heap in use counts garbage not yet
// collected, so only the figure after a collection tells memory that requests still hold from
// memory about to be freed. Node offers gc() only behind --expose-gc; the flag can be set from
// inside, and the function taken from a fresh context, without putting gc on globalThis.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | undefined;

export function collectGarbage(): void {
  if (collect === undefined) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
}
