// Ports, counts and the environment of one bench run. Ports stay away from the e2e suite's
// (3311-3316/4311/5411) and the usual 3000/4010, so a bench and a test run can share the checkout.
import { fileURLToPath } from "node:url";
import { CUSTOMERS, freshAuthSecret, freshWebhookSecret, loopbackUrl, portFrom } from "../../lib/testing/app-under-test";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const PORTS = {
  app: portFrom("BENCH_APP_PORT", 3611),
  floor: portFrom("BENCH_FLOOR_PORT", 3612),
  sandbox: portFrom("BENCH_SANDBOX_PORT", 4611),
  /** A second `next start` of the same build, on PostgreSQL (part 6a, 6b). */
  postgresApp: portFrom("BENCH_POSTGRES_APP_PORT", 3613),
  /** The throwaway PostgreSQL server that instance uses. */
  postgres: portFrom("BENCH_POSTGRES_PORT", 5611),
};

export const APP_URL = loopbackUrl(PORTS.app);
export const FLOOR_URL = loopbackUrl(PORTS.floor);
export const SANDBOX_URL = loopbackUrl(PORTS.sandbox);
export const POSTGRES_APP_URL = loopbackUrl(PORTS.postgresApp);
export const POSTGRES_URL = `postgres://postgres@127.0.0.1:${PORTS.postgres}/postgres`;

/** Fresh for each run, as the e2e suite's: the bench signs its own webhooks with the webhook secret. */
export const SECRETS = { authSecret: freshAuthSecret(), webhookSecret: freshWebhookSecret() };

/** The app's build folder: never the `.next` a developer or the e2e suite uses. */
export const DIST_DIR = ".next-bench";
export const RESULTS_DIR = "bench-results";

/** Upstream latencies the sandbox adds to every API call, in ms. */
export const LATENCIES = [0, 50, 150] as const;

export const COUNTS = {
  /** Click to portal, per latency (the issue asks for at least 20). */
  clickRuns: 20,
  /** The floor app's submit → redirected page, at latency 0 (upstream latency does not reach it). */
  floorRuns: 20,
  /** Navigation runs (overview → subscriptions → one → invoices), per latency. */
  navigationRuns: 15,
  /** Clicks alternating subscriptions ⇄ invoices, each as soon as the page's data shows, per latency. */
  atOnceClicks: 20,
  /** Each app's RSC answer for a click on Invoices and on Subscriptions, sent without a browser (part 2)… */
  pageRequests: 100,
  /** …after this many unmeasured ones each. */
  pageRequestsWarmup: 20,
  /** Click to portal per user and database (part 6a), at latency 0. */
  databaseRuns: 15,
  /** Signed webhook deliveries, one after another, per database (part 6b; at least 200). */
  webhookRequests: 250,
  /** /reports loads per cache state and latency (part 6c). */
  entitlementRuns: 20,
  /** "Pay now" presses → RevKeen's checkout page, per latency (part 7). */
  payNowRuns: 20,
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
export const CUSTOMER = CUSTOMERS.rich;

/** BENCH_LOAD_SECONDS shortens every load run, to try the bench out: its figures are not the table's. */
const loadSeconds = /^\d+$/.test(process.env.BENCH_LOAD_SECONDS ?? "") ? Number(process.env.BENCH_LOAD_SECONDS) || null : null;

/** The load bench (part 8, `npm run bench -- --load`). */
export const LOAD = {
  /** Upstream latency the sandbox adds: a realistic round trip keeps requests in flight longer. */
  latencyMs: 50,
  /** Peak memory rows, on Node's default heap… */
  memoryCustomers: [16, 64],
  memorySeconds: loadSeconds ?? 45,
  /** …then repeated runs with the heap of a small container. */
  cappedRuns: 3,
  cappedCustomers: 64,
  cappedSeconds: loadSeconds ?? 90,
  cappedHeapMb: 256,
  /** One more run with a heap too small for that many customers, where the guard must shed. */
  tightHeapMb: 128,
};

/** Targets from the issue. */
export const TARGETS = {
  clickRatioAt150: 1.5,
  /** Click to portal at latency 0: median − the floor app's median − two round trips. */
  clickPortalPartAt0Ms: 30,
  /** A navigation's median may exceed one upstream round trip (none at latency 0) by this much. */
  navigationOverRoundTripMs: 60,
  /** A navigation's median may exceed the page floor's (the bare app's same step) by this much. */
  navigationOverPageFloorMs: 15,
  jsAboveFloorBytes: 15 * 1024,
  apiOverheadP50Ms: 3,
  /** 32 concurrent: three times the 198 req/s the app served on 2026-11-30 (issue 18). */
  apiConcurrentRequestsPerSecond: 3 * 198,
};
