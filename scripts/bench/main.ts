// `npm run bench`: builds and starts the app on the standalone sandbox, drives headless Chromium,
// and prints how fast the portal is next to its limits (docs/speed.md).
// It prints figures and never fails on a time: the exit code is 0 whenever the bench ran.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "@playwright/test";
import { ADA_MANDATE, ADA_PRO, signInToPortal } from "../../lib/testing/app-under-test";
import { apiOverhead } from "./api-overhead";
import { appCookieHeader, launchBrowser, newContext, type StorageState } from "./browser";
import { clickToPortal, floorSubmitToLanded, type ClickToPortalRow } from "./click-to-portal";
import { APP_URL, COUNTS, CUSTOMER, DIST_DIR, FLOOR_URL, LATENCIES, POSTGRES_APP_URL, RESULTS_DIR, ROOT, TARGETS } from "./config";
import { databaseClicks, entitlementChecks, firstLine, webhooks, type EntitlementRow, type Instance, type Skipped } from "./features";
import { scriptsLoaded, type ScriptsLoaded } from "./js-shipped";
import { formatLoad, loadRuns } from "./load";
import { portalNavigation, type NavigationRow } from "./navigation";
import { compareWithFloor, floorNavigation, type PageFloorRow } from "./page-floor";
import { pageRequests, type PageRequestRow } from "./page-requests";
import { formatPayNow, payNowToCheckout, type PayNowRow } from "./pay-now";
import { formatTracing, noopSpanCost, tracingRuns } from "./tracing";
import { describeMachine, formatJsShipped, formatNavigation, formatReport, judge, judgeJsShipped, judgeNavigation, writeResults, type Results } from "./report";
import { sandbox } from "./sandbox-client";
import { afterWarmUp } from "./stats";
import { buildAndStartFloor, buildApp, killAllNow, startApp, startPostgres, startSandbox, stopAll } from "./servers";
import { portalViews, upstreamCalls } from "./upstream-calls";

const started = performance.now();
const progress = (message: string) => process.stderr.write(`[bench +${Math.round((performance.now() - started) / 1000)}s] ${message}\n`);

/** The embedded database's name in the tables, with the PGlite this build bundles. */
function embeddedName(): string {
  const pglite = JSON.parse(readFileSync(join(ROOT, "node_modules", "@electric-sql", "pglite", "package.json"), "utf8")) as { version: string };
  return `embedded (PGlite ${pglite.version})`;
}

/** The full run's results, or with BENCH_ONLY=pay-now, BENCH_ONLY=tracing or BENCH_ONLY=js the text of that part alone. */
async function bench(): Promise<Results | string> {
  const startedAt = new Date().toISOString();
  progress("starting the sandbox");
  await startSandbox();
  await sandbox.reset();

  let appBuild = 0;
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(join(ROOT, DIST_DIR, "BUILD_ID"))) {
    progress(`BENCH_SKIP_BUILD=1: reusing ${DIST_DIR}`);
  } else {
    progress(`next build (NEXT_DIST_DIR=${DIST_DIR})`);
    appBuild = await buildApp();
  }
  progress("building and starting the empty floor app");
  const floorBuild = await buildAndStartFloor();
  // The tracing part starts the app itself, once for each setting.
  if (process.env.BENCH_ONLY !== "tracing") {
    progress("next start");
    await startApp("embedded");
  }

  const browser: Browser = await launchBrowser();
  try {
    const machine = describeMachine(browser.version());
    const customerId = await sandbox.customerId(CUSTOMER);
    // Ada's active plan on the one-subscription page, her active mandate on the change-bank page (a cancelled one shows no form).
    const views = portalViews(ADA_PRO);
    if (process.env.BENCH_ONLY === "tracing") return await tracingOnly(browser, customerId, { startedAt, machine });

    progress("signing in");
    const signInContext = await newContext(browser);
    await signInToPortal(await signInContext.newPage(), CUSTOMER);
    const storageState = await signInContext.storageState();
    await signInContext.close();

    if (process.env.BENCH_ONLY === "pay-now") return await payNowOnly(browser, storageState, { startedAt, machine });
    if (process.env.BENCH_ONLY === "navigation") return await navigationOnly(browser, storageState, customerId, { startedAt, machine });

    progress("4. JavaScript shipped");
    const { jsFloor, jsPages } = await javaScriptShipped(browser, storageState, views);
    if (process.env.BENCH_ONLY === "js") {
      return `\nRevKeen Portal Starter — BENCH_ONLY=js npm run bench (${startedAt})\n\n${formatJsShipped(judgeJsShipped(jsFloor, jsPages), machine.next)}\n`;
    }

    progress("3. upstream calls per view");
    const calls = await upstreamCalls(browser, storageState, views);

    const click: ClickToPortalRow[] = [];
    for (const latency of LATENCIES) {
      progress(`1. click to portal at ${latency} ms`);
      click.push(await clickToPortal(browser, latency, customerId));
    }
    progress("1. the floor app's /submit → /landed");
    await sandbox.latency(0);
    const clickFloor = await floorSubmitToLanded(browser);

    const { steps, floorSteps, requests } = await navigationRows(browser, storageState, customerId);

    progress("5. API overhead");
    const api = await apiOverhead(appCookieHeader(storageState), customerId);
    await sandbox.latency(0);

    // Before the second instance starts: both share the build's folder, Next's cache files included.
    progress("6c. cached entitlement check");
    let entitlements: EntitlementRow[] = [];
    let entitlementsSkipped: string | null = null;
    try {
      entitlements = await entitlementChecks(browser, storageState, customerId);
    } catch (error) {
      entitlementsSkipped = firstLine(error);
    }

    progress("6. PostgreSQL and a second instance of the app on it");
    const embedded: Instance = { database: embeddedName(), url: APP_URL };
    let second: Instance | Skipped;
    const postgres = await startPostgres();
    if (!postgres.ok) {
      second = { database: "PostgreSQL", reason: postgres.reason };
    } else {
      const database = `PostgreSQL ${postgres.version}`.trim();
      second = await startApp("postgres").then(
        (): Instance => ({ database, url: POSTGRES_APP_URL }),
        (error: unknown): Skipped => ({ database, reason: `the app did not start on it: ${firstLine(error)}` }),
      );
    }
    progress("6a. click to portal per user and database");
    const database = await databaseClicks(browser, [embedded, second]);
    progress("6b. webhook handling");
    const webhookRows = await webhooks([embedded, second], customerId);
    await sandbox.latency(0);

    // Last: each press leaves an unpaid checkout behind on Ada's Backup invoice.
    const payNow = await payNowRows(browser, storageState);

    return {
      startedAt,
      seconds: 0,
      machine,
      buildSeconds: { app: appBuild / 1000, floor: floorBuild / 1000 },
      counts: COUNTS,
      targets: TARGETS,
      clickToPortal: click,
      clickFloor,
      upstreamCalls: calls,
      apiSignedOut: api.signedOut,
      features: { database, webhooks: webhookRows, entitlements, entitlementsSkipped },
      payNow,
      pageRequests: requests,
      ...judge({ clickToPortal: click, clickFloor, navigation: steps, pageFloor: floorSteps, jsFloor, jsPages, apiOverhead: api.rows }),
    };
  } finally {
    await browser.close();
  }
}

/**
 * Part 2 at each latency: the portal and the page floor open side by side, each run clicking
 * through one and then the other, so that a change in the machine's pace meets both alike.
 */
async function navigationRows(
  browser: Browser,
  storageState: StorageState,
  customerId: string,
): Promise<{ steps: NavigationRow[]; floorSteps: PageFloorRow[]; requests: PageRequestRow[] }> {
  const steps: NavigationRow[] = [];
  const floorSteps: PageFloorRow[] = [];
  for (const latency of LATENCIES) {
    progress(`2. navigation and its page floor at ${latency} ms`);
    await sandbox.latency(latency);
    const portal = await portalNavigation(browser, storageState, latency, customerId);
    const floor = await floorNavigation(browser, latency, customerId);
    try {
      const runs = await afterWarmUp(COUNTS.navigationRuns, async () => ({ portal: await portal.run(), floor: await floor.run() }));
      const [portalAtOnce, floorAtOnce] = [await portal.atOnce(), await floor.atOnce()];
      steps.push(...portal.rows(runs.map((run) => run.portal), portalAtOnce));
      floorSteps.push(...floor.rows(runs.map((run) => run.floor), floorAtOnce));
    } finally {
      await portal.close();
      await floor.close();
    }
  }
  await sandbox.latency(0);
  progress("2. the page requests alone");
  const requests = await pageRequests(browser, storageState, customerId);
  return { steps, floorSteps, requests };
}

/** BENCH_ONLY=navigation: part 2 and its page floor, printed on their own. */
async function navigationOnly(
  browser: Browser,
  storageState: StorageState,
  customerId: string,
  run: { startedAt: string; machine: ReturnType<typeof describeMachine> },
): Promise<string> {
  const { steps, floorSteps, requests } = await navigationRows(browser, storageState, customerId);
  const judged = { navigation: judgeNavigation(steps), pageFloor: compareWithFloor(steps, floorSteps), pageRequests: requests };
  const m = run.machine;
  mkdirSync(join(ROOT, RESULTS_DIR), { recursive: true });
  writeFileSync(join(ROOT, RESULTS_DIR, "navigation.json"), `${JSON.stringify({ startedAt: run.startedAt, machine: m, navigation: judged.navigation, pageFloor: judged.pageFloor, pageRequests: judged.pageRequests }, null, 2)}\n`);
  return (
    `\nRevKeen Portal Starter — BENCH_ONLY=navigation npm run bench (${run.startedAt})\n` +
    `machine: ${m.cpu} × ${m.cores}, load ${m.loadAverageAtStart.join(" ")} at start; Next ${m.next}, Chromium ${m.chromium}\n` +
    `${formatNavigation(judged.navigation, judged.pageFloor, judged.pageRequests).join("\n")}\n\nJSON: ${RESULTS_DIR}/navigation.json\n`
  );
}

/** `npm run bench -- --load`: part 8 alone, which takes minutes of its own. */
async function loadBench(): Promise<string> {
  progress("starting the sandbox");
  await startSandbox();
  await sandbox.reset();
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(join(ROOT, DIST_DIR, "BUILD_ID"))) {
    progress(`BENCH_SKIP_BUILD=1: reusing ${DIST_DIR}`);
  } else {
    progress(`next build (NEXT_DIST_DIR=${DIST_DIR})`);
    await buildApp();
  }
  const browser = await launchBrowser();
  const machine = describeMachine(browser.version());
  await browser.close();
  const runs = await loadRuns(progress);
  mkdirSync(join(ROOT, RESULTS_DIR), { recursive: true });
  writeFileSync(join(ROOT, RESULTS_DIR, "load.json"), `${JSON.stringify({ startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(), machine, runs }, null, 2)}\n`);
  const m = machine;
  const line = `machine: ${m.cpu} × ${m.cores}, ${m.memoryGiB} GiB, node ${m.node}, ${m.os}, load ${m.loadAverageAtStart.join(" ")} at start; Next ${m.next}`;
  return `${line}\n\n${formatLoad(runs)}\n`;
}

/** Part 4: the floor, then each portal page in a fresh context. */
async function javaScriptShipped(browser: Browser, storageState: StorageState, views: { path: string }[]) {
  await sandbox.latency(0);
  const jsFloor = await scriptsLoaded(browser, "floor", FLOOR_URL, { portal: false });
  const jsPages: ScriptsLoaded[] = [];
  const jsPaths = [...views.map((view) => view.path), "/portal/direct-debit", `/portal/direct-debit/${ADA_MANDATE}/change-bank`];
  for (const path of jsPaths) {
    const name = path.replace(ADA_PRO, "[id]").replace(ADA_MANDATE, "[id]");
    jsPages.push(await scriptsLoaded(browser, name, `${APP_URL}${path}`, { storageState, portal: true }));
  }
  return { jsFloor, jsPages };
}

async function payNowRows(browser: Browser, storageState: StorageState): Promise<PayNowRow[]> {
  const rows: PayNowRow[] = [];
  for (const latency of LATENCIES) {
    progress(`7. Pay now at ${latency} ms`);
    rows.push(await payNowToCheckout(browser, storageState, latency));
  }
  await sandbox.latency(0);
  return rows;
}

/**
 * BENCH_ONLY=pay-now: part 7 and the floor it is measured against, printed on their own (the
 * other parts' figures stay as the last full run left them).
 */
async function payNowOnly(
  browser: Browser,
  storageState: StorageState,
  run: { startedAt: string; machine: ReturnType<typeof describeMachine> },
): Promise<string> {
  progress("1. the floor app's /submit → /landed");
  await sandbox.latency(0);
  const floor = await floorSubmitToLanded(browser);
  const rows = await payNowRows(browser, storageState);
  const m = run.machine;
  return (
    `\nRevKeen Portal Starter — BENCH_ONLY=pay-now npm run bench (${run.startedAt})\n` +
      `machine: ${m.cpu} × ${m.cores}, load ${m.loadAverageAtStart.join(" ")} at start; Next ${m.next}, Chromium ${m.chromium}\n\n` +
      formatPayNow(rows, floor)
  );
}

/** BENCH_ONLY=tracing: the API row with traces off and exported (./tracing.ts), printed on its own. */
async function tracingOnly(browser: Browser, customerId: string, run: { startedAt: string; machine: ReturnType<typeof describeMachine> }): Promise<string> {
  const runs = await tracingRuns(browser, customerId, progress);
  progress("tracing: one no-op span's cost");
  const noop = noopSpanCost();
  const m = run.machine;
  return (
    `\nRevKeen Portal Starter — BENCH_ONLY=tracing npm run bench (${run.startedAt})\n` +
    `machine: ${m.cpu} × ${m.cores}, load ${m.loadAverageAtStart.join(" ")} at start; Next ${m.next}, Chromium ${m.chromium}\n\n` +
    formatTracing(runs, noop)
  );
}

async function main(): Promise<number> {
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    progress(`${signal}: stopping the servers`);
    void stopAll().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("exit", killAllNow);

  try {
    if (process.argv.includes("--load")) {
      process.stdout.write(`\n${await loadBench()}`);
      return 0;
    }
    const results = await bench();
    if (typeof results === "string") {
      process.stdout.write(results);
      return 0;
    }
    results.seconds = (performance.now() - started) / 1000;
    writeResults(results);
    process.stdout.write(`\n${formatReport(results)}\n${formatPayNow(results.payNow, results.clickFloor)}`);
    return 0;
  } catch (error) {
    process.stderr.write(`\nbench did not complete: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  } finally {
    progress("stopping the servers");
    await stopAll();
  }
}

void main().then((code) => process.exit(code));
