import "server-only";
// A small process-wide memory for results that are costly to compute and safe to reuse until a
// deadline (a decrypted cookie until its expiry). It is bounded twice: no entry outlives its
// deadline, and past `capacity` entries the least recently used goes first, so whatever keys a
// client makes it store (cookie values are the client's), memory stays capped. Values are shared
// by every request that finds them, so they are frozen on the way in: no caller can change what
// the next one reads.
import { processSingleton } from "./process-singleton";

type Entry<V> = { value: V; until: number };

export class BoundedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity must be a positive integer");
  }

  /** The value stored under `key` if its deadline (ms since the epoch) is still after `now`. */
  get(key: string, now: number = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (now >= entry.until) return undefined;
    // A Map iterates in insertion order: re-inserting makes this the most recently used.
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value` (frozen, deeply) under `key` until `until` (ms since the epoch). */
  set(key: string, value: V, until: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value: deepFreeze(value), until });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
  return value;
}

/**
 * The one cache called `name` in this process, so that the overview's three API calls, bundled
 * apart, do not each pay for the same cookie.
 */
export function processCache<V>(name: string, capacity: number): BoundedCache<V> {
  return processSingleton(`cache.${name}`, () => new BoundedCache<V>(capacity));
}
