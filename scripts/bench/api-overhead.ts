// 5. The app's own API overhead: GET /api/portal/subscriptions (signed in, with the browser's
// cookies) against the same read made straight to the sandbox with a Bearer token.
import { APP_URL, COUNTS, SANDBOX_URL } from "./config";
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
  /** app p50 − direct p50, ms. */
  overheadP50: number;
  overheadP99: number;
}

type Target = () => Promise<boolean>;

function target(url: string, headers: Record<string, string>): Target {
  return async () => {
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    return response.status === 200;
  };
}

async function timed(call: Target, times: number[]): Promise<boolean> {
  const started = performance.now();
  const ok = await call();
  times.push(performance.now() - started);
  return ok;
}

/** Alternating one app request and one direct request, `count` of each. */
async function sequential(app: Target, direct: Target, count: number): Promise<[ApiSide, ApiSide]> {
  const appTimes: number[] = [];
  const directTimes: number[] = [];
  let appErrors = 0;
  let directErrors = 0;
  for (let i = 0; i < count; i += 1) {
    if (!(await timed(app, appTimes))) appErrors += 1;
    if (!(await timed(direct, directTimes))) directErrors += 1;
  }
  const side = (times: number[], errors: number): ApiSide => ({
    latency: summarize(times),
    requestsPerSecond: round(1000 / (times.reduce((sum, ms) => sum + ms, 0) / times.length), 1),
    errors,
  });
  return [side(appTimes, appErrors), side(directTimes, directErrors)];
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

function row(mode: string, requests: number, concurrency: number, app: ApiSide, direct: ApiSide): ApiOverheadRow {
  return {
    mode,
    requests,
    concurrency,
    app,
    direct,
    overheadP50: round(app.latency.median - direct.latency.median),
    overheadP99: round(app.latency.p99 - direct.latency.p99),
  };
}

export interface ApiOverhead {
  rows: ApiOverheadRow[];
  /** The same URL without cookies: proxy.ts answers 401, so this is Next's handling plus the proxy. */
  signedOut: Summary;
}

/** `cookie`: the signed-in browser context's cookies for the app, as one Cookie header. */
export async function apiOverhead(cookie: string, customerId: string): Promise<ApiOverhead> {
  await sandbox.latency(0);
  const token = await mint(customerId);
  const app = target(`${APP_URL}/api/portal/subscriptions`, { cookie });
  const direct = target(`${SANDBOX_URL}/v2/customer-portal/subscriptions`, { authorization: `Bearer ${token}` });

  if (!(await app())) throw new Error("GET /api/portal/subscriptions with the browser's cookies did not answer 200");
  for (let i = 0; i < 50; i += 1) {
    await app();
    await direct();
  }
  const [appSequential, directSequential] = await sequential(app, direct, COUNTS.apiSequential);
  const appConcurrent = await concurrent(app, COUNTS.apiConcurrentTotal, COUNTS.apiConcurrency);
  const directConcurrent = await concurrent(direct, COUNTS.apiConcurrentTotal, COUNTS.apiConcurrency);

  const signedOutCall: Target = async () => {
    const response = await fetch(`${APP_URL}/api/portal/subscriptions`);
    await response.arrayBuffer();
    return response.status === 401;
  };
  const signedOutTimes: number[] = [];
  for (let i = 0; i < 200; i += 1) await timed(signedOutCall, signedOutTimes);

  return {
    rows: [
      row("sequential", COUNTS.apiSequential, 1, appSequential, directSequential),
      row(`${COUNTS.apiConcurrency} concurrent`, COUNTS.apiConcurrentTotal, COUNTS.apiConcurrency, appConcurrent, directConcurrent),
    ],
    signedOut: summarize(signedOutTimes),
  };
}
