// 2. Navigation: overview → subscriptions → one subscription → invoices, each step from the
// click to its data visible, against one upstream round trip at the same latency.
import type { Browser, BrowserContext } from "@playwright/test";
import { APP_URL, COUNTS } from "./config";
import { newContext, portalHydrated, timeToView, type View } from "./browser";
import { measureRoundTrips, sandbox, sequentialRoundTrips } from "./sandbox-client";
import { median, round, summarize, type Summary } from "./stats";

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

const STEPS: { name: string; view: View; link: string }[] = [
  { name: "overview → subscriptions", view: "subscriptions", link: 'nav[aria-label="Billing"] a[href="/portal/subscriptions"]' },
  { name: "subscriptions → one", view: "subscription", link: 'ul[aria-label="Subscriptions"] > li h3 a' },
  { name: "one → invoices", view: "invoices", link: 'nav[aria-label="Billing"] a[href="/portal/invoices"]' },
];

export interface NavigationRow {
  latencyMs: number;
  step: string;
  measured: Summary;
  /** Median of the parallel reads straight to the sandbox: one upstream round trip. */
  oneRoundTripMs: number;
  /** measured median / one round trip. */
  ratio: number;
  /** Median upstream calls per step (sandbox log). */
  upstreamCalls: number;
  /** Upstream round trips one after another per step, median and worst run (null at latency 0). */
  upstreamRoundTrips: number | null;
  worstUpstreamRoundTrips: number | null;
}

export async function navigation(browser: Browser, storageState: StorageState, latencyMs: number, customerId: string): Promise<NavigationRow[]> {
  await sandbox.latency(latencyMs);
  const { oneRoundTrip } = await measureRoundTrips(customerId);
  const context = await newContext(browser, storageState);
  const times: number[][] = STEPS.map(() => []);
  const calls: number[][] = STEPS.map(() => []);
  const trips: number[][] = STEPS.map(() => []);
  try {
    const page = await context.newPage();
    for (let i = 0; i < COUNTS.warmup + COUNTS.navigationRuns; i += 1) {
      await page.goto(`${APP_URL}/portal`);
      await portalHydrated(page);
      // Let the links' viewport prefetches start, as they would for a person reading the page.
      await page.waitForTimeout(150);
      for (const [index, step] of STEPS.entries()) {
        await sandbox.resetCalls();
        const ms = await timeToView(page, step.view, () => page.locator(step.link).first().click());
        const { log } = await sandbox.calls();
        if (i < COUNTS.warmup) continue;
        times[index]?.push(ms);
        calls[index]?.push(log.length);
        const waves = sequentialRoundTrips(log, latencyMs);
        if (waves !== null) trips[index]?.push(waves);
      }
    }
  } finally {
    await context.close();
  }
  return STEPS.map((step, index) => {
    const measured = summarize(times[index] ?? []);
    const stepTrips = trips[index] ?? [];
    return {
      latencyMs,
      step: step.name,
      measured,
      oneRoundTripMs: oneRoundTrip,
      ratio: round(measured.median / oneRoundTrip),
      upstreamCalls: median(calls[index] ?? []),
      upstreamRoundTrips: stepTrips.length > 0 ? median(stepTrips) : null,
      worstUpstreamRoundTrips: stepTrips.length > 0 ? Math.max(...stepTrips) : null,
    };
  });
}
