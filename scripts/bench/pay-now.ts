// 7. "Pay now" pressed on an open invoice → RevKeen's checkout page shown (the sandbox plays it),
// against one upstream round trip (a checkout created straight at the sandbox with fetch) plus the
// framework's floor (part 1's /submit → /landed). The press makes two upstream calls one after the
// other: the invoice read with the customer's portal token, which must show the invoice open and
// theirs before the merchant key may act (docs/security.md), then the checkout's creation.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { DEFAULT_SANDBOX_API_KEY } from "../../lib/env/schema.mjs";
import { ADA_BACKUP_INVOICE } from "../../lib/testing/app-under-test";
import { newContext, portalHydrated, type StorageState } from "./browser";
import { COUNTS, SANDBOX_URL } from "./config";
import { sandbox, sequentialRoundTrips, withCallLog } from "./sandbox-client";
import { afterWarmUp, median, round, summarize, type Summary } from "./stats";

export interface PayNowRow {
  latencyMs: number;
  measured: Summary;
  /** Median of one checkout created straight at the sandbox with fetch: one upstream round trip. */
  oneRoundTripMs: number;
  /** Median upstream calls per press, and the round trips they took one after another (sandbox log). */
  upstreamCalls: number;
  upstreamRoundTrips: number | null;
}

async function createCheckoutDirectly(): Promise<void> {
  const response = await fetch(`${SANDBOX_URL}/v2/checkout-sessions`, {
    method: "POST",
    headers: { "x-api-key": DEFAULT_SANDBOX_API_KEY, "content-type": "application/json", "idempotency-key": randomUUID() },
    body: JSON.stringify({ invoiceId: ADA_BACKUP_INVOICE, successUrl: "http://127.0.0.1/back", cancelUrl: "http://127.0.0.1/back" }),
  });
  if (response.status !== 201) throw new Error(`sandbox checkout: ${response.status}`);
  await response.arrayBuffer();
}

/** Until React owns the "Pay now" button: a click before that would be a plain form post. */
async function payNowHydrated(page: Page): Promise<void> {
  await portalHydrated(page);
  await page.waitForFunction(
    () => {
      const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.startsWith("Pay now"));
      return button !== undefined && Object.keys(button).some((key) => key.startsWith("__reactProps$"));
    },
    undefined,
    { timeout: 30_000, polling: 50 },
  );
}

/**
 * From the click, in the invoice page's clock, to the checkout page's DOMContentLoaded, in its own:
 * both are the browser's wall clock (timeOrigin), so the redirect in between is counted.
 */
async function pressToCheckoutPage(page: Page): Promise<number> {
  const clickedAt = await page.evaluate(() => {
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.startsWith("Pay now"));
    const at = performance.timeOrigin + performance.now();
    button?.click();
    return at;
  });
  await page.waitForURL((url) => url.origin === SANDBOX_URL, { waitUntil: "domcontentloaded", timeout: 30_000 });
  const shownAt = await page.evaluate(() => {
    const [entry] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    return performance.timeOrigin + (entry?.domContentLoadedEventEnd ?? performance.now());
  });
  return shownAt - clickedAt;
}

export async function payNowToCheckout(browser: Browser, storageState: StorageState, latencyMs: number): Promise<PayNowRow> {
  await sandbox.latency(latencyMs);
  const direct = await afterWarmUp(COUNTS.limitRuns, async () => {
    const started = performance.now();
    await createCheckoutDirectly();
    return performance.now() - started;
  });
  const context = await newContext(browser, { storageState });
  try {
    const page = await context.newPage();
    const presses = await afterWarmUp(COUNTS.payNowRuns, async () => {
      // A fresh rendering each time: a new intent, so a new checkout.
      await page.goto(`/portal/invoices/${ADA_BACKUP_INVOICE}`);
      await payNowHydrated(page);
      return withCallLog(() => pressToCheckoutPage(page));
    });
    const trips = presses.flatMap((press) => sequentialRoundTrips(press.log, latencyMs) ?? []);
    return {
      latencyMs,
      measured: summarize(presses.map((press) => press.result)),
      oneRoundTripMs: round(median(direct)),
      upstreamCalls: median(presses.map((press) => press.log.length)),
      upstreamRoundTrips: trips.length > 0 ? median(trips) : null,
    };
  } finally {
    await context.close();
  }
}

/** The part's lines for the report: measured next to one round trip plus the floor. */
export function formatPayNow(rows: readonly PayNowRow[], floor: Summary): string {
  const out = [
    `7. Pay now: pressed on an open invoice → RevKeen's checkout page (the sandbox's) loaded (${COUNTS.payNowRuns} runs per latency)`,
    "   target = one upstream round trip (a checkout created straight at the sandbox with fetch, median) + the floor (part 1's /submit → /landed, median)",
    "   upstream = calls per press / round trips one after another, from the sandbox's call log (medians)",
    `   floor: median ${floor.median} ms`,
  ];
  for (const row of rows) {
    const target = round(row.oneRoundTripMs + floor.median);
    const trips = row.upstreamRoundTrips === null ? "–" : String(row.upstreamRoundTrips);
    out.push(
      `   latency ${String(row.latencyMs).padStart(3)} ms: median ${row.measured.median} ms (p90 ${row.measured.p90}), ` +
        `one round trip ${row.oneRoundTripMs} ms, target ${target} ms, over target ${round(row.measured.median - target)} ms; upstream ${row.upstreamCalls} / ${trips}`,
    );
  }
  return `${out.join("\n")}\n`;
}
