// Ports, counts and the environment of one bench run. Ports stay away from the e2e suite's
// (3311/3312/4311) and the usual 3000/4010, so a bench and a test run can share the checkout.
import { fileURLToPath } from "node:url";

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name} must be a port number from 1 to 65535`);
  return value;
}

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const PORTS = {
  app: port("BENCH_APP_PORT", 3611),
  floor: port("BENCH_FLOOR_PORT", 3612),
  sandbox: port("BENCH_SANDBOX_PORT", 4611),
};

export const APP_URL = `http://127.0.0.1:${PORTS.app}`;
export const FLOOR_URL = `http://127.0.0.1:${PORTS.floor}`;
export const SANDBOX_URL = `http://127.0.0.1:${PORTS.sandbox}`;

/** The app's build folder: never the `.next` a developer or the e2e suite uses. */
export const DIST_DIR = ".next-bench";
export const RESULTS_DIR = "bench-results";

/** Upstream latencies the sandbox adds to every API call, in ms. */
export const LATENCIES = [0, 50, 150] as const;

export const COUNTS = {
  /** Click to portal, per latency (the issue asks for at least 20). */
  clickRuns: 20,
  /** Navigation runs (overview → subscriptions → one → invoices), per latency. */
  navigationRuns: 15,
  /** Direct sandbox measurements of the round-trip limit, per latency. */
  limitRuns: 20,
  /** Unmeasured runs first, per latency: JIT, connection pools, Next's caches. */
  warmup: 2,
  /** Sequential API requests, each way (at least 1000). */
  apiSequential: 1000,
  /** Concurrent API requests: this many in flight at once… */
  apiConcurrency: 32,
  /** …for this many requests in all, each way. */
  apiConcurrentTotal: 640,
};

/** The demo customer the bench signs in as: every kind of subscription, 46 invoices. */
export const CUSTOMER = "Ada Lovelace";

/** Targets from the issue. */
export const TARGETS = {
  clickRatioAt150: 1.5,
  /** Upstream round trips one after another that a navigation step may wait on (sandbox call log). */
  navigationRoundTrips: 1,
  jsAboveFloorBytes: 15 * 1024,
  apiOverheadP50Ms: 3,
};
