// `npm run bench`: builds and starts the app on the standalone sandbox, drives headless Chromium,
// and prints how fast the portal is next to its limits (docs/speed.md).
// It prints figures and never fails on a time: the exit code is 0 whenever the bench ran.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "@playwright/test";
import { apiOverhead } from "./api-overhead";
import { launchBrowser, newContext, signInToPortal } from "./browser";
import { clickToPortal, type ClickToPortalRow } from "./click-to-portal";
import { APP_URL, COUNTS, CUSTOMER, DIST_DIR, FLOOR_URL, LATENCIES, ROOT, TARGETS } from "./config";
import { scriptsLoaded, type ScriptsLoaded } from "./js-shipped";
import { navigation, type NavigationRow } from "./navigation";
import { describeMachine, formatReport, judge, writeResults, type Results } from "./report";
import { mint, read, sandbox } from "./sandbox-client";
import { buildAndStartFloor, buildApp, killAllNow, startApp, startSandbox, stopAll } from "./servers";
import { portalViews, upstreamCalls } from "./upstream-calls";

const started = performance.now();
const progress = (message: string) => process.stderr.write(`[bench +${Math.round((performance.now() - started) / 1000)}s] ${message}\n`);

/** An active subscription of the demo customer, for the one-subscription page. */
async function subscriptionId(customerId: string): Promise<string> {
  const list = (await read(await mint(customerId), "/subscriptions?limit=100")) as { data: { id: string; status: string }[] };
  const active = list.data.find((subscription) => subscription.status === "active") ?? list.data[0];
  if (!active) throw new Error("the demo customer has no subscription");
  return active.id;
}

async function bench(): Promise<Results> {
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
  progress("next start");
  await startApp();

  const browser: Browser = await launchBrowser();
  try {
    const machine = describeMachine(browser.version());
    const customerId = await sandbox.customerId(CUSTOMER);
    const subscription = await subscriptionId(customerId);

    progress("signing in");
    const signInContext = await newContext(browser);
    await signInToPortal(await signInContext.newPage());
    const storageState = await signInContext.storageState();
    await signInContext.close();

    progress("4. JavaScript shipped");
    await sandbox.latency(0);
    const jsFloor = await scriptsLoaded(browser, "floor", FLOOR_URL, { portal: false });
    const jsPages: ScriptsLoaded[] = [];
    for (const view of portalViews(subscription)) {
      jsPages.push(await scriptsLoaded(browser, view.path.replace(subscription, "[id]"), `${APP_URL}${view.path}`, { storageState, portal: true }));
    }

    progress("3. upstream calls per view");
    const calls = await upstreamCalls(browser, storageState, portalViews(subscription));

    const click: ClickToPortalRow[] = [];
    for (const latency of LATENCIES) {
      progress(`1. click to portal at ${latency} ms`);
      click.push(await clickToPortal(browser, latency, customerId));
    }

    const steps: NavigationRow[] = [];
    for (const latency of LATENCIES) {
      progress(`2. navigation at ${latency} ms`);
      steps.push(...(await navigation(browser, storageState, latency, customerId)));
    }

    progress("5. API overhead");
    const cookie = storageState.cookies
      .filter((entry) => entry.domain === "127.0.0.1" || entry.domain === "localhost")
      .map((entry) => `${entry.name}=${entry.value}`)
      .join("; ");
    const api = await apiOverhead(cookie, customerId);
    await sandbox.latency(0);

    return {
      startedAt,
      seconds: 0,
      machine,
      buildSeconds: { app: appBuild / 1000, floor: floorBuild / 1000 },
      counts: COUNTS,
      targets: TARGETS,
      clickToPortal: click,
      upstreamCalls: calls,
      apiSignedOut: api.signedOut,
      ...judge({ navigation: steps, jsFloor, jsPages, apiOverhead: api.rows }),
    };
  } finally {
    await browser.close();
  }
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
    const results = await bench();
    results.seconds = (performance.now() - started) / 1000;
    writeResults(results);
    process.stdout.write(`\n${formatReport(results)}`);
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
