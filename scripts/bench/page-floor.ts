// 2. The page floor: the floor app's /portal/subscriptions ⇄ /portal/invoices, measured as the
// portal's navigation rows are (same probe, same pauses, same clicks at once), at the same latency
// and right beside them, so that each portal step has the framework's own time next to it.
import type { Browser } from "@playwright/test";
import { COUNTS, FLOOR_URL, TARGETS } from "./config";
import { newContext, portalHydrated, timeChain, type View } from "./browser";
import { AT_ONCE_STEP, clicksAtOnce, medianParts, NAV_LINK, timedStep, type NavigationRow } from "./navigation";
import { mint, sandbox, withCallLog } from "./sandbox-client";
import { afterWarmUp, median, round, summarize, type Summary } from "./stats";

/** Each floor step, with the portal step it stands beside: the same page reached by a click. */
const STEPS: { name: string; portalStep: string; view: View; link: string }[] = [
  { name: "invoices → subscriptions", portalStep: "overview → subscriptions", view: "subscriptions", link: NAV_LINK("/portal/subscriptions") },
  { name: "subscriptions → invoices", portalStep: "one → invoices", view: "invoices", link: NAV_LINK("/portal/invoices") },
];

export interface PageFloorRow {
  latencyMs: number;
  /** The portal's navigation row this one stands beside. */
  portalStep: string;
  floorStep: string;
  floor: Summary;
  /** Medians of the step's RSC request and the browser's part after it (null for the clicks at once). */
  requestMs: number | null;
  afterResponseMs: number | null;
  /** Upstream calls per step, the median (the clicks at once: the mean). */
  upstreamCalls: number;
}

export interface PageFloorComparison extends PageFloorRow {
  portalMedianMs: number;
  /** portal median − floor median. */
  differenceMs: number;
  /** Of which the RSC request (portal − floor, medians), and the browser's part after it; null for the clicks at once. */
  requestDifferenceMs: number | null;
  afterResponseDifferenceMs: number | null;
  ratio: number;
  met: boolean;
}

export async function pageFloor(browser: Browser, latencyMs: number, customerId: string): Promise<PageFloorRow[]> {
  await sandbox.latency(latencyMs);
  const context = await newContext(browser, { baseURL: FLOOR_URL });
  try {
    // The floor reads with the customer's portal token, as the portal does; it lives in a cookie.
    await context.addCookies([{ name: "floor-token", value: await mint(customerId), url: FLOOR_URL, httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    const runs = await afterWarmUp(COUNTS.navigationRuns, async () => {
      await page.goto("/portal/invoices");
      await portalHydrated(page);
      // As the portal's rows: the links' viewport prefetches may start before the first click.
      await page.waitForTimeout(150);
      const steps = [];
      for (const step of STEPS) steps.push(await withCallLog(() => timedStep(page, step.view, step.link)));
      return steps;
    });

    await page.goto("/portal/subscriptions");
    await portalHydrated(page);
    const chain = clicksAtOnce();
    const atOnce = await withCallLog(() => timeChain(page, chain));

    return [
      ...STEPS.map((step, index) => {
        const samples = runs.flatMap((run) => run[index] ?? []);
        return {
          latencyMs,
          portalStep: step.portalStep,
          floorStep: step.name,
          floor: summarize(samples.map((sample) => sample.result.ms)),
          ...medianParts(samples.map((sample) => sample.result.parts)),
          upstreamCalls: median(samples.map((sample) => sample.log.length)),
        };
      }),
      {
        latencyMs,
        portalStep: AT_ONCE_STEP,
        floorStep: AT_ONCE_STEP,
        floor: summarize(atOnce.result.slice(COUNTS.warmup)),
        requestMs: null,
        afterResponseMs: null,
        upstreamCalls: round(atOnce.log.length / chain.length, 1),
      },
    ];
  } finally {
    await context.close();
  }
}

/** Each floor row beside the portal's row of the same step and latency. */
export function compareWithFloor(navigation: NavigationRow[], floor: PageFloorRow[]): PageFloorComparison[] {
  return floor.flatMap((row) => {
    const portal = navigation.find((candidate) => candidate.latencyMs === row.latencyMs && candidate.step === row.portalStep);
    if (portal === undefined) return [];
    const differenceMs = round(portal.measured.median - row.floor.median);
    return [
      {
        ...row,
        portalMedianMs: portal.measured.median,
        differenceMs,
        requestDifferenceMs: portal.requestMs === null || row.requestMs === null ? null : round(portal.requestMs - row.requestMs),
        afterResponseDifferenceMs: portal.afterResponseMs === null || row.afterResponseMs === null ? null : round(portal.afterResponseMs - row.afterResponseMs),
        ratio: round(portal.measured.median / row.floor.median),
        met: differenceMs <= TARGETS.navigationOverPageFloorMs,
      },
    ];
  });
}
