// 2. The page floor: the floor app's /portal/subscriptions ⇄ /portal/invoices, measured as the
// portal's navigation rows are (same probe, same pauses, same clicks at once), at the same latency
// and run by run beside them, so that each portal step has the framework's own time next to it.
import type { Browser } from "@playwright/test";
import { FLOOR_URL, TARGETS } from "./config";
import { newContext } from "./browser";
import { AT_ONCE_STEP, BETWEEN_START, BETWEEN_STEPS, clickAtOnce, runSteps, stepFigures, type AtOnce, type NavigationRow, type StepRun } from "./navigation";
import { mint } from "./sandbox-client";
import { round, summarize, type Summary } from "./stats";

export interface PageFloorRow {
  latencyMs: number;
  /** The click, taken in both apps: the portal's navigation row of that name stands beside it. */
  step: string;
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

/** The page floor's side of part 2 at `latencyMs` (set by the caller), opened beside the portal's (navigation.ts). */
export async function floorNavigation(browser: Browser, latencyMs: number, customerId: string) {
  const context = await newContext(browser, { baseURL: FLOOR_URL });
  // The floor reads with the customer's portal token, as the portal does; it lives in a cookie.
  await context.addCookies([{ name: "floor-token", value: await mint(customerId), url: FLOOR_URL, httpOnly: true, sameSite: "Lax" }]);
  const page = await context.newPage();
  return {
    run: () => runSteps(page, BETWEEN_START, BETWEEN_STEPS),
    atOnce: () => clickAtOnce(page),
    close: () => context.close(),
    rows(runs: StepRun[], atOnce: AtOnce): PageFloorRow[] {
      return [
        ...BETWEEN_STEPS.map((step, index) => {
          const { measured, requestMs, afterResponseMs, upstreamCalls } = stepFigures(runs, index);
          return { latencyMs, step: step.name, floor: measured, requestMs, afterResponseMs, upstreamCalls };
        }),
        {
          latencyMs,
          step: AT_ONCE_STEP,
          floor: summarize(atOnce.times),
          requestMs: null,
          afterResponseMs: null,
          upstreamCalls: atOnce.callsPerClick,
        },
      ];
    },
  };
}

/** Each floor row beside the portal's row of the same step and latency. */
export function compareWithFloor(navigation: NavigationRow[], floor: PageFloorRow[]): PageFloorComparison[] {
  return floor.flatMap((row) => {
    const portal = navigation.find((candidate) => candidate.latencyMs === row.latencyMs && candidate.step === row.step);
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
