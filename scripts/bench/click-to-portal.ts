// 1. Click to portal: "Manage billing" submitted → every overview figure visible, against the
// limit of two upstream round trips (mint, then the reads in parallel) at the same latency, and
// against the floor: the same kind of form in an empty Next app, submitted → its next page shown.
import type { Browser, Page } from "@playwright/test";
import { manageBillingHydrated, signIn } from "../../lib/testing/app-under-test";
import { COUNTS, CUSTOMER, FLOOR_URL } from "./config";
import { newContext, timeToView, type View } from "./browser";
import { measureRoundTrips, sandbox, sequentialRoundTrips, withCallLog } from "./sandbox-client";
import { afterWarmUp, median, round, summarize, type Summary } from "./stats";

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

export interface ClickSamples {
  times: number[];
  calls: number[];
  trips: number[];
}

/**
 * Presses "Manage billing" on the home page `runs` times after the unmeasured ones, each from a
 * freshly loaded and hydrated home page; `page` is signed in already.
 */
export async function pressManageBilling(page: Page, options: { view: View; runs: number; latencyMs: number }): Promise<ClickSamples> {
  const presses = await afterWarmUp(options.runs, async () => {
    await page.goto("/");
    await manageBillingHydrated(page);
    return withCallLog(() => timeToView(page, options.view, () => page.getByRole("button", { name: "Manage billing" }).click()));
  });
  return {
    times: presses.map((press) => press.result),
    calls: presses.map((press) => press.log.length),
    trips: presses.flatMap((press) => sequentialRoundTrips(press.log, options.latencyMs) ?? []),
  };
}

export async function clickToPortal(browser: Browser, latencyMs: number, customerId: string): Promise<ClickToPortalRow> {
  await sandbox.latency(latencyMs);
  const { twoRoundTrips } = await measureRoundTrips(customerId);
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await signIn(page, CUSTOMER);
    const { times, calls, trips } = await pressManageBilling(page, { view: "overview", runs: COUNTS.clickRuns, latencyMs });
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

/**
 * The floor app's /submit → /landed (servers.ts): a form with a server action that sets a cookie
 * and redirects to a page rendered per request. What Next and React alone cost from the press to
 * the next page's content, with no upstream and no database; upstream latency does not reach it.
 */
export async function floorSubmitToLanded(browser: Browser): Promise<Summary> {
  const context = await newContext(browser, { baseURL: FLOOR_URL });
  try {
    const page = await context.newPage();
    const times = await afterWarmUp(COUNTS.floorRuns, async () => {
      await page.goto("/submit");
      await manageBillingHydrated(page);
      return timeToView(page, "landed", () => page.getByRole("button", { name: "Manage billing" }).click());
    });
    return summarize(times);
  } finally {
    await context.close();
  }
}
