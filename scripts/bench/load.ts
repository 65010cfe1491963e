// 8. Load (`npm run bench -- --load`): many customers at once against one production instance,
// each reading the portal's pages and its API back to back, as fast as the server answers. What
// the server's memory reaches at 16 and 64 customers, and whether, with its heap capped at a small
// container's size, it stays up: serving most requests and answering the rest 503 with
// Retry-After (lib/server/availability/) rather than dying.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { CUSTOMERS, signInToPortal } from "../../lib/testing/app-under-test";
import { launchBrowser, newContext } from "./browser";
import { APP_URL, LOAD, RESULTS_DIR, ROOT } from "./config";
import { sandbox } from "./sandbox-client";
import { startLoadApp, startPostgres, stopServer } from "./servers";
import { round, summarize } from "./stats";

/** What one customer reads, in turn: the portal's three list pages and the API behind them. */
const PATHS = ["/portal", "/portal/subscriptions", "/portal/invoices", "/api/portal/customer", "/api/portal/subscriptions", "/api/portal/invoices?limit=25"];

/** A request that takes longer than this counts as failed: nobody waits for it. */
const REQUEST_TIMEOUT_MS = 30_000;

type Database = "embedded" | "postgres";

export interface LoadRun {
  label: string;
  database: Database;
  heapMb: number | null;
  customers: number;
  seconds: number;
  served: number;
  shed: number;
  failed: number;
  /** Failed requests by what they got: a status, or the error's name (ECONNREFUSED: the server was gone). */
  failures: Record<string, number>;
  /** Over the requests served, ms. */
  p50: number;
  p99: number;
  peakRssMb: number;
  peakHeapMb: number;
  heapLimitMb: number;
  /** The server's process was still running at the end and answered /sign-in. */
  stayedUp: boolean;
}

type Tally = { served: number[]; shed: number; failures: Map<string, number> };

function fail(tally: Tally, reason: string): void {
  tally.failures.set(reason, (tally.failures.get(reason) ?? 0) + 1);
}

function errorName(error: unknown): string {
  if (error instanceof Error && error.cause instanceof Error && "code" in error.cause) return String(error.cause.code);
  return error instanceof Error ? error.name : "error";
}

/** One customer until `deadline`: each path in turn, waiting Retry-After after a 503 as the page itself does. */
async function customer(cookie: string, offset: number, deadline: number, tally: Tally): Promise<void> {
  for (let i = offset; Date.now() < deadline; i += 1) {
    const path = PATHS[i % PATHS.length] ?? "/portal";
    const started = performance.now();
    try {
      const response = await fetch(`${APP_URL}${path}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      await response.arrayBuffer();
      const retryAfter = Number(response.headers.get("retry-after"));
      if (response.status === 200) tally.served.push(performance.now() - started);
      else if (response.status === 503 && retryAfter > 0) {
        tally.shed += 1;
        await new Promise((resolve) => setTimeout(resolve, Math.min(retryAfter * 1000, Math.max(0, deadline - Date.now()))));
      } else fail(tally, String(response.status));
    } catch (error) {
      fail(tally, errorName(error));
      // A refused connection answers at once: a customer facing a dead server would not retry in a loop.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** The peaks heap-probe.mjs saw in the server: the process with the largest RSS is the server. */
function peaks(file: string): { rss: number; heap: number; limit: number } {
  const byPid = new Map<number, { rss: number; heap: number; limit: number }>();
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { rss: Number.NaN, heap: Number.NaN, limit: Number.NaN };
  }
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const sample = JSON.parse(line) as { pid: number; rss: number; heap: number; limit: number };
    const peak = byPid.get(sample.pid) ?? { rss: 0, heap: 0, limit: sample.limit };
    byPid.set(sample.pid, { rss: Math.max(peak.rss, sample.rss), heap: Math.max(peak.heap, sample.heap), limit: sample.limit });
  }
  return [...byPid.values()].sort((a, b) => b.rss - a.rss)[0] ?? { rss: Number.NaN, heap: Number.NaN, limit: Number.NaN };
}

/** Whether the server still runs and answers a page (polled: it may be shedding for a few seconds more). */
async function answers(child: ChildProcess): Promise<boolean> {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    const status = await fetch(`${APP_URL}/sign-in`, { signal: AbortSignal.timeout(5_000) }).then(
      async (response) => (await response.arrayBuffer(), response.status),
      () => 0,
    );
    if (status === 200) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/** Each path once for one customer, until it answers 200: a fresh server opens its database and compiles on first use. */
async function warmUp(cookie: string): Promise<void> {
  for (const path of PATHS) {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const response = await fetch(`${APP_URL}${path}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      await response.arrayBuffer();
      if (response.status === 200) break;
      if (attempt === 9) throw new Error(`warming up: ${path} answered ${response.status}`);
    }
  }
}

async function run(label: string, database: Database, cookies: string[], heapMb: number | null, customers: number, seconds: number): Promise<LoadRun> {
  const memoryFile = join(ROOT, RESULTS_DIR, `load-memory-${label}.jsonl`);
  rmSync(memoryFile, { force: true });
  const child = await startLoadApp(database, heapMb, memoryFile, `app-load-${label}`);
  try {
    await warmUp(cookies[0] ?? "");
    const tally: Tally = { served: [], shed: 0, failures: new Map() };
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(Array.from({ length: customers }, (_, index) => customer(cookies[index % cookies.length] ?? "", index, deadline, tally)));
    const stayedUp = await answers(child);
    const peak = peaks(memoryFile);
    const latency = summarize(tally.served);
    const failed = [...tally.failures.values()].reduce((sum, count) => sum + count, 0);
    return {
      label,
      database,
      heapMb,
      customers,
      seconds,
      served: tally.served.length,
      shed: tally.shed,
      failed,
      failures: Object.fromEntries(tally.failures),
      p50: latency.median,
      p99: latency.p99,
      peakRssMb: round(peak.rss / 2 ** 20, 0),
      peakHeapMb: round(peak.heap / 2 ** 20, 0),
      heapLimitMb: round(peak.limit / 2 ** 20, 0),
      stayedUp,
    };
  } finally {
    await stopServer(child);
  }
}

/** The demo customers' cookies (sign-in and portal), signed in once in a browser: every later server shares AUTH_SECRET. */
async function signInEveryone(): Promise<string[]> {
  const child = await startLoadApp("embedded", null, join(ROOT, RESULTS_DIR, "load-memory-sign-in.jsonl"), "app-load-sign-in");
  const browser = await launchBrowser();
  try {
    const cookies: string[] = [];
    for (const name of [CUSTOMERS.rich, CUSTOMERS.empty, CUSTOMERS.yen, CUSTOMERS.euro]) {
      const context = await newContext(browser);
      await signInToPortal(await context.newPage(), name);
      const state = await context.storageState();
      await context.close();
      cookies.push(state.cookies.filter((entry) => entry.domain === "127.0.0.1").map((entry) => `${entry.name}=${entry.value}`).join("; "));
    }
    return cookies;
  } finally {
    await browser.close();
    await stopServer(child);
  }
}

export async function loadRuns(progress: (message: string) => void): Promise<LoadRun[]> {
  await sandbox.latency(LOAD.latencyMs);
  progress("8. signing in the demo customers");
  const cookies = await signInEveryone();
  // The embedded database (PGlite) holds hundreds of MB of its own: the rows on PostgreSQL show the app's.
  const postgres = await startPostgres();
  if (!postgres.ok) progress(`8. the PostgreSQL rows are skipped: ${postgres.reason}`);
  const databases: Database[] = postgres.ok ? ["postgres", "embedded"] : ["embedded"];
  const runs: LoadRun[] = [];
  for (const database of databases) {
    for (const customers of LOAD.memoryCustomers) {
      progress(`8. ${customers} customers for ${LOAD.memorySeconds} s on ${database}, Node's default heap`);
      runs.push(await run(`memory-${customers}-${database}`, database, cookies, null, customers, LOAD.memorySeconds));
    }
  }
  for (let i = 1; i <= LOAD.cappedRuns; i += 1) {
    progress(`8. ${LOAD.cappedCustomers} customers for ${LOAD.cappedSeconds} s on embedded, heap capped at ${LOAD.cappedHeapMb} MB (run ${i} of ${LOAD.cappedRuns})`);
    runs.push(await run(`capped-${i}`, "embedded", cookies, LOAD.cappedHeapMb, LOAD.cappedCustomers, LOAD.cappedSeconds));
  }
  progress(`8. ${LOAD.cappedCustomers} customers for ${LOAD.cappedSeconds} s on embedded, heap capped at ${LOAD.tightHeapMb} MB`);
  runs.push(await run("tight", "embedded", cookies, LOAD.tightHeapMb, LOAD.cappedCustomers, LOAD.cappedSeconds));
  await sandbox.latency(0);
  return runs;
}

export function formatLoad(runs: readonly LoadRun[]): string {
  const header = ["run", "database", "heap limit", "customers", "seconds", "served", "shed (503)", "failed", "p50", "p99", "peak RSS", "peak heap", "stayed up"];
  const rows = runs.map((run) => [
    run.label,
    run.database,
    `${run.heapLimitMb} MB${run.heapMb === null ? " (default)" : ""}`,
    String(run.customers),
    String(run.seconds),
    String(run.served),
    `${run.shed} (${run.served + run.shed + run.failed === 0 ? 0 : round((100 * run.shed) / (run.served + run.shed + run.failed), 1)}%)`,
    run.failed === 0 ? "0" : `${run.failed} ${JSON.stringify(run.failures)}`,
    `${round(run.p50, 0)} ms`,
    `${round(run.p99, 0)} ms`,
    `${run.peakRssMb} MB`,
    `${run.peakHeapMb} MB`,
    run.stayedUp ? "yes" : "NO",
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
  return [
    `8. Load: customers at once, each reading ${PATHS.join(", ")} in turn, back to back (sandbox latency ${LOAD.latencyMs} ms); a 503 is waited out for its Retry-After`,
    line(header),
    ...rows.map(line),
  ].join("\n");
}
