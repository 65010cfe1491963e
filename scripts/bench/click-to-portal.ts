// 1. Click to portal: "Manage billing" submitted → every overview figure visible, against the
// limit of two upstream round trips (mint, then the reads in parallel) at the same latency.
import type { Browser } from "@playwright/test";
import { APP_URL, COUNTS } from "./config";
import { manageBillingHydrated, newContext, signIn, timeToView } from "./browser";
import { measureRoundTrips, sandbox, sequentialRoundTrips } from "./sandbox-client";
import { median, round, summarize, type Summary } from "./stats";

export interface ClickToPortalRow {
  latencyMs: number;
  measured: Summary;
  /** Median of mint → parallel reads, straight to the sandbox with fetch. */
  limitMs: number;
  /** measured median / limit. */
  ratio: number;
  /** Median upstream calls per click, and the round trips they took one after another (sandbox log). */
  upstreamCalls: number;
  upstreamRoundTrips: number | null;
}

export async function clickToPortal(browser: Browser, latencyMs: number, customerId: string): Promise<ClickToPortalRow> {
  await sandbox.latency(latencyMs);
  const { twoRoundTrips } = await measureRoundTrips(customerId);
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await signIn(page);
    const times: number[] = [];
    const calls: number[] = [];
    const trips: number[] = [];
    for (let i = 0; i < COUNTS.warmup + COUNTS.clickRuns; i += 1) {
      await page.goto(APP_URL);
      await manageBillingHydrated(page);
      await sandbox.resetCalls();
      const ms = await timeToView(page, "overview", () => page.getByRole("button", { name: "Manage billing" }).click());
      const { log } = await sandbox.calls();
      if (i < COUNTS.warmup) continue;
      times.push(ms);
      calls.push(log.length);
      const waves = sequentialRoundTrips(log, latencyMs);
      if (waves !== null) trips.push(waves);
    }
    const measured = summarize(times);
    return {
      latencyMs,
      measured,
      limitMs: twoRoundTrips,
      ratio: round(measured.median / twoRoundTrips),
      upstreamCalls: median(calls),
      upstreamRoundTrips: trips.length > 0 ? median(trips) : null,
    };
  } finally {
    await context.close();
  }
}
