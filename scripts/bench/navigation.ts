// 2. Navigation: overview → subscriptions → one subscription → invoices, each step from the
// click to its data visible; then invoices → subscriptions → invoices, the steps the page floor
// takes; then Subscriptions ⇄ Invoices clicked the moment each page's data shows. Each against one
// upstream round trip at the same latency plus a fixed allowance.
import type { Browser, Page } from "@playwright/test";
import { COUNTS, TARGETS } from "./config";
import { lastStepParts, newContext, portalHydrated, timeChain, timeToView, type ChainStep, type StepParts, type StorageState, type View } from "./browser";
import { measureRoundTrips, sequentialRoundTrips, withCallLog, type CallLog } from "./sandbox-client";
import { median, round, summarize, type Summary } from "./stats";

export const NAV_LINK = (path: string) => `nav[aria-label="Billing"] a[href="${path}"]`;

export type Step = { name: string; view: View; link: string };

/** A customer's way through the portal, from the overview. */
const STEPS: Step[] = [
  { name: "overview → subscriptions", view: "subscriptions", link: NAV_LINK("/portal/subscriptions") },
  { name: "subscriptions → one", view: "subscription", link: 'ul[aria-label="Subscriptions"] > li h3 a' },
  { name: "one → invoices", view: "invoices", link: NAV_LINK("/portal/invoices") },
];

/**
 * Between the two pages the page floor has, from a freshly opened invoice list: taken by both apps,
 * so that each floor row stands beside the same click in the portal (the floor has no overview
 * and no subscription's page to leave from).
 */
export const BETWEEN_START = "/portal/invoices";
export const BETWEEN_STEPS: Step[] = [
  { name: "invoices → subscriptions", view: "subscriptions", link: NAV_LINK("/portal/subscriptions") },
  { name: "subscriptions → invoices", view: "invoices", link: NAV_LINK("/portal/invoices") },
];

export const AT_ONCE_STEP = "subscriptions ⇄ invoices, at once";

export interface NavigationRow {
  latencyMs: number;
  step: string;
  /** Clicked the moment the previous page's data showed (no pause for prefetches or idle network). */
  atOnce: boolean;
  measured: Summary;
  /** Median of the parallel reads straight to the sandbox: one upstream round trip. */
  oneRoundTripMs: number;
  /** measured median / one round trip. */
  ratio: number;
  /** The target: one round trip (none at latency 0, where it is noise) + TARGETS.navigationOverRoundTripMs. */
  budgetMs: number;
  /** Medians of the step's RSC request (sent → answered) and of the browser's part after it; null for the clicks at once. */
  requestMs: number | null;
  afterResponseMs: number | null;
  /** Upstream calls per step: the median, or for the clicks at once the mean (one log for all of them). */
  upstreamCalls: number;
  /** Upstream round trips one after another per step, median and worst run (null at latency 0 and for the clicks at once). */
  upstreamRoundTrips: number | null;
  worstUpstreamRoundTrips: number | null;
}

/** Clicks `link` and times it to `view` shown, with where that time went. */
export async function timedStep(page: Page, view: View, link: string): Promise<{ ms: number; parts: StepParts | null }> {
  const ms = await timeToView(page, view, () => page.locator(link).first().click());
  return { ms, parts: await lastStepParts(page) };
}

/** Step `index` of every run: its samples, its times, the medians of its parts and its upstream calls. */
export function stepFigures(runs: StepRun[], index: number) {
  const samples = runs.flatMap((run) => run[index] ?? []);
  return {
    samples,
    measured: summarize(samples.map((sample) => sample.result.ms)),
    ...medianParts(samples.map((sample) => sample.result.parts)),
    upstreamCalls: median(samples.map((sample) => sample.log.length)),
  };
}

/** The medians of the steps' parts, over the steps that had an RSC request. */
export function medianParts(parts: (StepParts | null)[]): { requestMs: number | null; afterResponseMs: number | null } {
  const known = parts.filter((part): part is StepParts => part !== null);
  if (known.length === 0) return { requestMs: null, afterResponseMs: null };
  return { requestMs: round(median(known.map((part) => part.requestMs))), afterResponseMs: round(median(known.map((part) => part.afterResponseMs))) };
}

/** Invoices, Subscriptions, Invoices…: the clicks the "at once" row sends without waiting, warm-up first. */
export function clicksAtOnce(): ChainStep[] {
  return Array.from({ length: COUNTS.warmup + COUNTS.atOnceClicks }, (_, index) =>
    index % 2 === 0 ? { view: "invoices", selector: NAV_LINK("/portal/invoices") } : { view: "subscriptions", selector: NAV_LINK("/portal/subscriptions") },
  );
}

/** What a navigation may take at `latencyMs`, given one measured round trip. */
export function navigationBudget(latencyMs: number, oneRoundTripMs: number): number {
  return round((latencyMs === 0 ? 0 : oneRoundTripMs) + TARGETS.navigationOverRoundTripMs);
}

/** One run's steps, each with the sandbox's call log: from `startPath`, hydrated, the steps in turn. */
export type StepRun = { result: { ms: number; parts: StepParts | null }; log: CallLog }[];

/** Opens `startPath`, lets its links' viewport prefetches start as a person reading it would, and clicks `steps` in turn. */
export async function runSteps(page: Page, startPath: string, steps: readonly { view: View; link: string }[]): Promise<StepRun> {
  await page.goto(startPath);
  await portalHydrated(page);
  await page.waitForTimeout(150);
  const run: StepRun = [];
  for (const step of steps) run.push(await withCallLog(() => timedStep(page, step.view, step.link)));
  return run;
}

/** The clicks at once: each click's time after the warm-up, and the mean upstream calls per click. */
export type AtOnce = { times: number[]; callsPerClick: number };

/** Subscriptions ⇄ Invoices from hydration on, each click the moment the data shows: nothing has had time to prefetch. */
export async function clickAtOnce(page: Page): Promise<AtOnce> {
  await page.goto("/portal/subscriptions");
  await portalHydrated(page);
  const chain = clicksAtOnce();
  const { result, log } = await withCallLog(() => timeChain(page, chain));
  return { times: result.slice(COUNTS.warmup), callsPerClick: round(log.length / chain.length, 1) };
}

/**
 * The portal's side of part 2 at `latencyMs` (set by the caller): `run` clicks through the steps
 * once, `rows` turns the runs and the clicks at once into rows. The page floor's side is opened
 * beside it (page-floor.ts), so each run of one is taken next to a run of the other.
 */
export async function portalNavigation(browser: Browser, storageState: StorageState, latencyMs: number, customerId: string) {
  const { oneRoundTrip } = await measureRoundTrips(customerId);
  const budgetMs = navigationBudget(latencyMs, oneRoundTrip);
  const context = await newContext(browser, { storageState });
  const page = await context.newPage();
  const row = (step: string, measured: Summary, extra: Pick<NavigationRow, "atOnce" | "requestMs" | "afterResponseMs" | "upstreamCalls" | "upstreamRoundTrips" | "worstUpstreamRoundTrips">): NavigationRow => ({
    latencyMs,
    step,
    measured,
    oneRoundTripMs: oneRoundTrip,
    ratio: round(measured.median / oneRoundTrip),
    budgetMs,
    ...extra,
  });
  return {
    run: async (): Promise<StepRun> => [...(await runSteps(page, "/portal", STEPS)), ...(await runSteps(page, BETWEEN_START, BETWEEN_STEPS))],
    atOnce: () => clickAtOnce(page),
    close: () => context.close(),
    rows(runs: StepRun[], atOnce: AtOnce): NavigationRow[] {
      return [
        ...[...STEPS, ...BETWEEN_STEPS].map((step, index) => {
          const { samples, measured, ...figures } = stepFigures(runs, index);
          const trips = samples.flatMap((sample) => sequentialRoundTrips(sample.log, latencyMs) ?? []);
          return row(step.name, measured, {
            atOnce: false,
            ...figures,
            upstreamRoundTrips: trips.length > 0 ? median(trips) : null,
            worstUpstreamRoundTrips: trips.length > 0 ? Math.max(...trips) : null,
          });
        }),
        row(AT_ONCE_STEP, summarize(atOnce.times), {
          atOnce: true,
          requestMs: null,
          afterResponseMs: null,
          upstreamCalls: atOnce.callsPerClick,
          upstreamRoundTrips: null,
          worstUpstreamRoundTrips: null,
        }),
      ];
    },
  };
}
