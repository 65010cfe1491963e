// Headless Chromium, the full browser where there is one (what a customer runs), and an in-page probe that timestamps "clicked"
// and "data visible" with the page's own clock.
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../../lib/testing/app-under-test";
import { APP_URL } from "./config";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ headless: true, ...chromiumLaunchOptions("bench") });
}

export type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** The signed-in browser's cookies for the app on loopback, as a Cookie header for requests sent from Node. */
export function appCookieHeader(storageState: StorageState): string {
  return storageState.cookies
    .filter((entry) => entry.domain === "127.0.0.1" || entry.domain === "localhost")
    .map((entry) => `${entry.name}=${entry.value}`)
    .join("; ");
}

export type View = "overview" | "emptyOverview" | "subscriptions" | "subscription" | "invoices" | "landed" | "reports";

/**
 * Installed in every document before its own scripts. Once armed with a view, it notes the
 * first form submit or link click (startAt), or for a page load the navigation's start, and the
 * first moment that view's data is all in the DOM and laid out (readyAt), checked on every DOM
 * mutation. Times are epoch ms from performance.timeOrigin, so they survive a full navigation
 * (state lives in sessionStorage). A chain clicks its next link the moment a view is ready,
 * from inside the page: a round trip to Node first would give prefetches time a person does not.
 */
const PROBE = `(() => {
  const KEY = "__revkeen_bench";
  const now = () => performance.timeOrigin + performance.now();
  // Counts laid-out matches only: a route kept hidden for the way back is not the view shown.
  const shown = (selector, min = 1) => [...document.querySelectorAll(selector)].filter((element) => element.getClientRects().length > 0).length >= min;
  const heading = (text) => [...document.querySelectorAll("main h1")].some((h) => h.textContent.trim() === text && h.getClientRects().length > 0);
  const READY = {
    overview: () =>
      heading("Overview") &&
      shown('[data-testid="portal-customer-name"]') &&
      shown('section[aria-labelledby="you-heading"] dl.details') &&
      shown('[data-testid="amount-due"]') &&
      shown('ul[aria-label="Current subscriptions"] > li') &&
      shown('section[aria-labelledby="latest-heading"] tbody tr'),
    subscriptions: () => heading("Subscriptions") && shown('ul[aria-label="Subscriptions"] > li'),
    subscription: () => shown('[aria-labelledby="subscription-details-heading"] dl.details') && shown("main h1"),
    invoices: () => heading("Invoices") && shown('[aria-label="Invoices, newest first"] tbody tr'),
    // A customer with no billing yet (a user the app created and linked): the same figures, empty.
    emptyOverview: () =>
      heading("Overview") &&
      shown('[data-testid="portal-customer-name"]') &&
      shown('section[aria-labelledby="you-heading"] dl.details') &&
      shown('[data-testid="amount-due"]') &&
      shown('section[aria-labelledby="current-heading"] .empty-state') &&
      shown('section[aria-labelledby="latest-heading"] .empty-state'),
    landed: () => heading("Landed") && shown('[data-testid="landed-figures"] dd', 3),
    // Either answer of the gate counts as shown; the caller checks which one it was.
    reports: () => heading("Reports") && (shown('[data-testid="reports"] dl dd', 3) || shown('[data-testid="reports-locked"]')),
  };
  let state = null;
  try { state = JSON.parse(sessionStorage.getItem(KEY) || "null"); } catch {}
  const save = () => sessionStorage.setItem(KEY, JSON.stringify(state));
  // Armed for a page load in the document before: this document is that load if it began after
  // the arming (a few ms of slack for the two documents' clocks).
  if (state && state.fromNavigation && state.startAt === null && performance.timeOrigin >= state.armedAt - 5) {
    state.startAt = performance.timeOrigin;
    save();
  }
  let chain = null;
  window.__revkeenBench = {
    arm(view, fromNavigation = false) { state = { view, startAt: null, readyAt: null, armedAt: now(), fromNavigation }; save(); },
    read() { return state; },
    chain(steps) {
      chain = { steps, index: 0, times: [], error: null, done: false };
      this.arm(steps[0].view);
      clickNext();
    },
    readChain() { return chain && { times: chain.times, error: chain.error, done: chain.done }; },
  };
  const clickNext = () => {
    const step = chain.steps[chain.index];
    const link = document.querySelector(step.selector);
    if (!link) { chain.error = "no " + step.selector + " on " + location.pathname; chain.done = true; return; }
    link.click();
  };
  const check = () => {
    if (!state || state.startAt === null || state.readyAt !== null) return;
    if (!READY[state.view]()) return;
    state.readyAt = now();
    save();
    if (!chain || chain.done) return;
    chain.times.push(state.readyAt - state.startAt);
    chain.index += 1;
    if (chain.index >= chain.steps.length) { chain.done = true; return; }
    window.__revkeenBench.arm(chain.steps[chain.index].view);
    clickNext();
  };
  const start = () => {
    if (!state || state.startAt !== null) return;
    state.startAt = now();
    save();
  };
  document.addEventListener("submit", start, true);
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a[href]")) start();
  }, true);
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
})();`;

/** A fresh context with the probe, on the app's URL unless `baseURL` names another server. */
export async function newContext(browser: Browser, options: { storageState?: StorageState; baseURL?: string } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState: options.storageState, baseURL: options.baseURL ?? APP_URL });
  await context.addInitScript({ content: PROBE });
  return context;
}

type Probe = {
  arm(view: string, fromNavigation?: boolean): void;
  read(): { startAt: number | null; readyAt: number | null } | null;
  chain(steps: ChainStep[]): void;
  readChain(): { times: number[]; error: string | null; done: boolean } | null;
};

/**
 * Arms the probe for `view`, runs `act`, and returns ms from click/submit to data visible; with
 * `fromNavigation`, from the start of the page load `act` makes (a goto) instead.
 */
export async function timeToView(page: Page, view: View, act: () => Promise<unknown>, timeoutMs = 30_000, fromNavigation = false): Promise<number> {
  await page.evaluate(([name, load]) => (window as unknown as { __revkeenBench: Probe }).__revkeenBench.arm(name, load), [view, fromNavigation] as const);
  await act();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await page
      .evaluate(() => (window as unknown as { __revkeenBench?: Probe }).__revkeenBench?.read() ?? null)
      .catch(() => null); // mid-navigation
    if (state?.startAt != null && state.readyAt != null) return state.readyAt - state.startAt;
    if (Date.now() > deadline) throw new Error(`${view} did not show its data within ${timeoutMs / 1000} s (at ${page.url()})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Where the last timed view's time went: its RSC request (sent → answered) and the browser's part after it. */
export interface StepParts {
  requestMs: number;
  afterResponseMs: number;
}

/**
 * The last view timeToView measured, split at its RSC request (the browser's resource timing,
 * same clock as the probe); null when the view came without one.
 */
export async function lastStepParts(page: Page): Promise<StepParts | null> {
  return page.evaluate(() => {
    const state = (window as unknown as { __revkeenBench: Probe }).__revkeenBench.read();
    if (state?.startAt == null || state.readyAt == null) return null;
    const { startAt, readyAt } = state;
    const origin = performance.timeOrigin;
    const request = (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((entry) => entry.name.includes("_rsc=") && origin + entry.startTime >= startAt - 1 && origin + entry.responseEnd <= readyAt)
      .at(-1);
    // The buffer holds 250 entries by default: the next step must find its own.
    performance.clearResourceTimings();
    if (request === undefined) return null;
    return { requestMs: request.responseEnd - request.startTime, afterResponseMs: readyAt - (origin + request.responseEnd) };
  });
}

export interface ChainStep {
  view: View;
  /** The link to click for it: the first match in the page at that moment. */
  selector: string;
}

/**
 * Clicks each step's link the moment the previous view's data shows (the first at once) and
 * returns each click → data visible, in ms. Client-side navigations only: the chain lives in
 * the page's memory.
 */
export async function timeChain(page: Page, steps: ChainStep[], timeoutMs = 120_000): Promise<number[]> {
  await page.evaluate((chain) => (window as unknown as { __revkeenBench: Probe }).__revkeenBench.chain(chain), steps);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const chain = await page.evaluate(() => (window as unknown as { __revkeenBench: Probe }).__revkeenBench.readChain());
    if (chain?.error) throw new Error(`clicks as soon as data shows: ${chain.error}`);
    if (chain?.done) return chain.times;
    if (Date.now() > deadline) throw new Error(`clicks as soon as data shows: ${chain?.times.length ?? 0} of ${steps.length} within ${timeoutMs / 1000} s (at ${page.url()})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Until the portal's client components have hydrated (PortalNav marks it). */
export async function portalHydrated(page: Page): Promise<void> {
  await page.locator('nav[aria-label="Billing"][data-hydrated="true"]').waitFor({ state: "attached", timeout: 30_000 });
}

export interface NetworkTracker {
  /** Until no request has been in flight for `quietMs` (Playwright's "networkidle" fires once per load only). */
  quiet(quietMs?: number, timeoutMs?: number): Promise<void>;
  stop(): void;
}

/** Counts the page's requests in flight from now on; attach it before the navigation it should see. */
export function trackNetwork(page: Page): NetworkTracker {
  let inFlight = 0;
  let lastChange = Date.now();
  const up = () => {
    inFlight += 1;
    lastChange = Date.now();
  };
  const down = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on("request", up);
  page.on("requestfinished", down);
  page.on("requestfailed", down);
  return {
    async quiet(quietMs = 500, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (inFlight === 0 && Date.now() - lastChange >= quietMs) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop() {
      page.off("request", up);
      page.off("requestfinished", down);
      page.off("requestfailed", down);
    },
  };
}
