// Loaded into the app's server by the load bench (NODE_OPTIONS=--import): every 100 ms its RSS and
// heap, one JSON line per sample in BENCH_MEMORY_FILE, for the bench to find the peaks. Lines, not
// one figure kept in memory: a server that dies still leaves what it reached.
import { appendFileSync } from "node:fs";
import { getHeapStatistics } from "node:v8";

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  const sample = () => {
    const heap = getHeapStatistics();
    appendFileSync(file, `${JSON.stringify({ pid: process.pid, rss: process.memoryUsage.rss(), heap: heap.used_heap_size, limit: heap.heap_size_limit })}\n`);
  };
  setInterval(sample, 100).unref();
}
