// 3. Upstream calls per view, counted by the sandbox: one per resource shown, none again on
// hydrate, none again on a focus event inside SWR's dedupe window.
import type { Browser } from "@playwright/test";
import { newContext, portalHydrated, trackNetwork, type StorageState } from "./browser";
import { sandbox, type OperationCounts } from "./sandbox-client";

export const COUNTED_OPERATIONS = ["customer.get", "subscriptions.list", "subscriptions.get", "invoices.list", "invoices.get", "sessions.create"] as const;

export interface PortalView {
  name: string;
  path: string;
  /** One call per resource the view shows; every other operation 0. */
  expected: Partial<Record<(typeof COUNTED_OPERATIONS)[number], number>>;
}

export function portalViews(subscriptionId: string): PortalView[] {
  return [
    { name: "overview", path: "/portal", expected: { "customer.get": 1, "subscriptions.list": 1, "invoices.list": 1 } },
    { name: "subscriptions", path: "/portal/subscriptions", expected: { "customer.get": 1, "subscriptions.list": 1 } },
    { name: "one subscription", path: `/portal/subscriptions/${subscriptionId}`, expected: { "customer.get": 1, "subscriptions.get": 1 } },
    { name: "invoices", path: "/portal/invoices", expected: { "customer.get": 1, "invoices.list": 1 } },
  ];
}

export interface UpstreamCallsRow {
  view: string;
  path: string;
  expected: OperationCounts;
  /** After the reload, hydration and network idle. */
  afterLoad: OperationCounts;
  /** Cumulative, after a focus event shortly after (inside SWR's 2 s dedupe window). */
  afterFocus: OperationCounts;
  /** ms from the end of the reload to the focus event. */
  focusAfterMs: number;
  met: boolean;
}

function pick(counts: OperationCounts): OperationCounts {
  return Object.fromEntries(COUNTED_OPERATIONS.map((name) => [name, counts[name] ?? 0]));
}

export async function upstreamCalls(browser: Browser, storageState: StorageState, views: PortalView[]): Promise<UpstreamCallsRow[]> {
  await sandbox.latency(0);
  const context = await newContext(browser, { storageState });
  const rows: UpstreamCallsRow[] = [];
  try {
    const page = await context.newPage();
    for (const view of views) {
      await page.goto(view.path);
      await portalHydrated(page);
      const warm = trackNetwork(page);
      await warm.quiet();
      warm.stop();

      await sandbox.resetCalls();
      const network = trackNetwork(page);
      await page.reload();
      const loaded = Date.now();
      await portalHydrated(page);
      await network.quiet();
      const afterLoad = pick((await sandbox.calls()).by_operation);

      const focusAfterMs = Date.now() - loaded;
      await page.evaluate(() => {
        window.dispatchEvent(new Event("focus"));
        document.dispatchEvent(new Event("visibilitychange"));
      });
      await network.quiet();
      network.stop();
      const afterFocus = pick((await sandbox.calls()).by_operation);

      const expected = pick(view.expected);
      const met = COUNTED_OPERATIONS.every((name) => afterLoad[name] === expected[name] && afterFocus[name] === expected[name]);
      rows.push({ view: view.name, path: view.path, expected, afterLoad, afterFocus, focusAfterMs, met });
    }
  } finally {
    await context.close();
  }
  return rows;
}
