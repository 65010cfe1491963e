// Headless Chromium as the e2e suite launches it, signing in as a demo customer, and an
// in-page probe that timestamps "clicked" and "data visible" with the page's own clock.
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../../e2e/chromium";
import { APP_URL, CUSTOMER } from "./config";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ headless: true, executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
}

export type View = "overview" | "subscriptions" | "subscription" | "invoices";

/**
 * Installed in every document before its own scripts. Once armed with a view, it notes the
 * first form submit or link click (startAt) and the first moment that view's data is all in
 * the DOM and laid out (readyAt), checked on every DOM mutation. Times are epoch ms from
 * performance.timeOrigin, so they survive a full navigation (state lives in sessionStorage).
 */
const PROBE = `(() => {
  const KEY = "__revkeen_bench";
  const now = () => performance.timeOrigin + performance.now();
  const shown = (selector, min = 1) => {
    const found = document.querySelectorAll(selector);
    if (found.length < min) return false;
    for (const element of found) if (element.getClientRects().length === 0) return false;
    return true;
  };
  const heading = (text) => [...document.querySelectorAll("main h1")].some((h) => h.textContent.trim() === text && h.getClientRects().length > 0);
  const READY = {
    overview: () =>
      heading("Overview") &&
      shown('[data-testid="portal-customer-name"]') &&
      shown('section[aria-labelledby="you-heading"] dl.details') &&
      shown('[data-testid="amount-due"]') &&
      shown('ul[aria-label="Current subscriptions"] > li') &&
      shown('[aria-label="Latest invoices"] tbody tr'),
    subscriptions: () => heading("Subscriptions") && shown('ul[aria-label="Subscriptions"] > li'),
    subscription: () => shown('[aria-labelledby="subscription-details-heading"] dl.details') && shown("main h1"),
    invoices: () => heading("Invoices") && shown('[aria-label="Invoices, newest first"] tbody tr'),
  };
  let state = null;
  try { state = JSON.parse(sessionStorage.getItem(KEY) || "null"); } catch {}
  const save = () => sessionStorage.setItem(KEY, JSON.stringify(state));
  window.__revkeenBench = {
    arm(view) { state = { view, startAt: null, readyAt: null }; save(); },
    read() { return state; },
  };
  const check = () => {
    if (!state || state.startAt === null || state.readyAt !== null) return;
    if (READY[state.view]()) { state.readyAt = now(); save(); }
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

export async function newContext(browser: Browser, storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState });
  await context.addInitScript({ content: PROBE });
  return context;
}

/** Arms the probe for `view`, runs `act` (the click), and returns ms from click/submit to data visible. */
export async function timeToView(page: Page, view: View, act: () => Promise<void>, timeoutMs = 30_000): Promise<number> {
  await page.evaluate((name) => (window as unknown as { __revkeenBench: { arm(view: string): void } }).__revkeenBench.arm(name), view);
  await act();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await page
      .evaluate(() => (window as unknown as { __revkeenBench?: { read(): { startAt: number | null; readyAt: number | null } } }).__revkeenBench?.read() ?? null)
      .catch(() => null); // mid-navigation
    if (state?.startAt != null && state.readyAt != null) return state.readyAt - state.startAt;
    if (Date.now() > deadline) throw new Error(`${view} did not show its data within ${timeoutMs / 1000} s (at ${page.url()})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Until the portal's client components have hydrated (PortalNav marks it). */
export async function portalHydrated(page: Page): Promise<void> {
  await page.locator('nav[aria-label="Billing"][data-hydrated="true"]').waitFor({ state: "attached", timeout: 30_000 });
}

/** Until React owns the "Manage billing" button: a click before that would be a plain form post. */
export async function manageBillingHydrated(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Manage billing" }).waitFor({ state: "visible", timeout: 30_000 });
  await page.waitForFunction(
    () => {
      const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Manage billing");
      return button !== undefined && Object.keys(button).some((key) => key.startsWith("__reactProps$"));
    },
    undefined,
    { timeout: 30_000, polling: 50 },
  );
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

/** Signs in as the demo customer through /sign-in, as e2e/fixtures.ts does. */
export async function signIn(page: Page, name = CUSTOMER): Promise<void> {
  await page.goto(`${APP_URL}/sign-in`);
  await page.getByRole("button", { name: new RegExp(`Continue as ${name}`) }).click();
  await page.getByRole("button", { name: "Manage billing" }).waitFor({ state: "visible", timeout: 30_000 });
}

/** Signs in and opens the portal once, so the context holds both cookies. */
export async function signInToPortal(page: Page): Promise<void> {
  await signIn(page);
  await manageBillingHydrated(page);
  await page.getByRole("button", { name: "Manage billing" }).click();
  await page.waitForURL(/\/portal$/, { timeout: 30_000 });
  await portalHydrated(page);
}
