// 5. The app's own API overhead: GET /api/portal/subscriptions (signed in, with the browser's
// cookies) against the same read made straight to the sandbox with a Bearer token, and against
// the floor app's route handler that makes that read with plain fetch (what Next alone costs).
import { APP_URL, COUNTS, FLOOR_URL, SANDBOX_URL } from "./config";
import { mint, sandbox } from "./sandbox-client";
import { round, summarize, type Summary } from "./stats";

export interface ApiSide {
  latency: Summary;
  requestsPerSecond: number;
  errors: number;
}

export interface ApiOverheadRow {
  mode: string;
  requests: number;
  concurrency: number;
  app: ApiSide;
  direct: ApiSide;
  /** The floor app's forwarding route handler. */
  floor: ApiSide;
  /** app p50 − direct p50, ms. */
  overheadP50: number;
  overheadP99: number;
}

/** One request; true when it answered as expected. */
export type Target = () => Promise<boolean>;

function target(url: string, headers: Record<string, string>, expectedStatus = 200): Target {
  return async () => {
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    return response.status === expectedStatus;
  };
}

async function timed(call: Target, times: number[]): Promise<boolean> {
  const started = performance.now();
  const ok = await call();
  times.push(performance.now() - started);
  return ok;
}

/** One request to each target in turn, `count` rounds: load and noise fall on every side alike. */
export async function sequential(targets: Target[], count: number): Promise<ApiSide[]> {
  const times = targets.map((): number[] => []);
  const errors = targets.map(() => 0);
  for (let i = 0; i < count; i += 1) {
    for (const [index, call] of targets.entries()) {
      if (!(await timed(call, times[index] ?? []))) errors[index] = (errors[index] ?? 0) + 1;
    }
  }
  return times.map((side, index) => ({
    latency: summarize(side),
    requestsPerSecond: round(1000 / (side.reduce((sum, ms) => sum + ms, 0) / side.length), 1),
    errors: errors[index] ?? 0,
  }));
}

/** `concurrency` loops sharing `total` requests; requests per second over the wall-clock time. */
async function concurrent(call: Target, total: number, concurrency: number): Promise<ApiSide> {
  const times: number[] = [];
  let issued = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (issued < total) {
        issued += 1;
        if (!(await timed(call, times))) errors += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { latency: summarize(times), requestsPerSecond: round(times.length / seconds, 1), errors };
}

function row(mode: string, requests: number, concurrency: number, app: ApiSide, direct: ApiSide, floor: ApiSide): ApiOverheadRow {
  return {
    mode,
    requests,
    concurrency,
    app,
    direct,
    floor,
    overheadP50: round(app.latency.median - direct.latency.median),
    overheadP99: round(app.latency.p99 - direct.latency.p99),
  };
}

export interface ApiOverhead {
  rows: ApiOverheadRow[];
  /** The same URL without cookies: portalRoute answers 401 before any upstream call, so this is Next and the session check. */
  signedOut: Summary;
}

/** `cookie`: the signed-in browser context's cookies for the app, as one Cookie header. */
export async function apiOverhead(cookie: string, customerId: string): Promise<ApiOverhead> {
  await sandbox.latency(0);
  const token = await mint(customerId);
  const app = target(`${APP_URL}/api/portal/subscriptions`, { cookie });
  const direct = target(`${SANDBOX_URL}/v2/customer-portal/subscriptions`, { authorization: `Bearer ${token}` });
  const floor = target(`${FLOOR_URL}/api/floor`, { authorization: `Bearer ${token}` });

  if (!(await app())) throw new Error("GET /api/portal/subscriptions with the browser's cookies did not answer 200");
  if (!(await floor())) throw new Error("the floor app's GET /api/floor did not answer 200");
  await sequential([app, direct, floor], 50); // unmeasured: JIT, connection pools
  const [appSequential, directSequential, floorSequential] = (await sequential([app, direct, floor], COUNTS.apiSequential)) as [ApiSide, ApiSide, ApiSide];
  const appConcurrent = await concurrent(app, COUNTS.apiConcurrentTotal, COUNTS.apiConcurrency);
  const directConcurrent = await concurrent(direct, COUNTS.apiConcurrentTotal, COUNTS.apiConcurrency);
  const floorConcurrent = await concurrent(floor, COUNTS.apiConcurrentTotal, COUNTS.apiConcurrency);

  const [signedOut] = (await sequential([target(`${APP_URL}/api/portal/subscriptions`, {}, 401)], 200)) as [ApiSide];

  return {
    rows: [
      row("sequential", COUNTS.apiSequential, 1, appSequential, directSequential, floorSequential),
      row(`${COUNTS.apiConcurrency} concurrent`, COUNTS.apiConcurrentTotal, COUNTS.apiConcurrency, appConcurrent, directConcurrent, floorConcurrent),
    ],
    signedOut: signedOut.latency,
  };
}
