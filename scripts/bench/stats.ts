// Repeated measurements: unmeasured runs first, then medians and nearest-rank percentiles over
// the times measured.
import { COUNTS } from "./config";

/**
 * Runs `once` COUNTS.warmup times unmeasured (JIT, connection pools, Next's caches), then `runs`
 * times; answers what the measured runs answered.
 */
export async function afterWarmUp<T>(runs: number, once: () => Promise<T>): Promise<T[]> {
  for (let i = 0; i < COUNTS.warmup; i += 1) await once();
  const results: T[] = [];
  for (let i = 0; i < runs; i += 1) results.push(await once());
  return results;
}

/** ms that `act` took. */
export async function elapsed(act: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await act();
  return performance.now() - started;
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export interface Summary {
  n: number;
  median: number;
  p90: number;
  p99: number;
  min: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    median: round(median(values)),
    p90: round(percentile(values, 90)),
    p99: round(percentile(values, 99)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
  };
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
