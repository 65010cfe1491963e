// 2, the server's part alone: the RSC answer a click on Invoices or Subscriptions asks for, sent by
// Node straight to the portal and to the page floor in turn, at 0 ms upstream latency. No browser
// works beside it, on this machine or in the figures: what the server adds to a click, apart from
// what the browser does with the answer and from the browser's work competing for the same cores.
import type { Browser } from "@playwright/test";
import { appCookieHeader, newContext, portalHydrated, type StorageState } from "./browser";
import { APP_URL, COUNTS, FLOOR_URL } from "./config";
import { mint } from "./sandbox-client";
import { round, summarize, type Summary } from "./stats";

/** Each page with the page the click leaves, whose router state the request carries. */
const PAGES = [
  { page: "invoices", from: "subscriptions" },
  { page: "subscriptions", from: "invoices" },
] as const;

export interface PageRequestRow {
  page: string;
  portal: Summary;
  floor: Summary;
  /** portal median − floor median. */
  differenceMs: number;
  /** The answers' sizes, uncompressed, bytes. */
  portalBytes: number;
  floorBytes: number;
}

/**
 * The router state Next's client sends with a click from /portal/`from` (as Chromium sends it):
 * the server then renders the page that changes, not the layouts around it. Checked on every
 * answer (partialAnswer), since its shape is Next's to change.
 */
function routerState(from: string): string {
  const page = ["__PAGE__", {}, null, null, 0];
  return encodeURIComponent(JSON.stringify(["", { children: ["portal", { children: [from, { children: page }, null, null, 0] }, null, null, 0] }, null, null, 16]));
}

/** What Chromium sends with that click, its Accept-Encoding included: Next compresses what the browser accepts. */
function routerHeaders(cookie: string, from: string): Record<string, string> {
  return { cookie, rsc: "1", "next-router-state-tree": routerState(from), "next-url": `/portal/${from}`, "accept-encoding": "gzip, deflate, br, zstd" };
}

/**
 * The address the router asks for: Next answers an RSC request whose `_rsc` query is not the hash
 * of its router headers with a redirect to the one that is. Asked once, as a browser's is the same
 * for the same headers.
 */
async function routerUrl(url: string, cookie: string, from: string): Promise<string> {
  const response = await fetch(`${url}?_rsc=0`, { headers: routerHeaders(cookie, from), redirect: "manual" });
  await response.arrayBuffer();
  const location = response.headers.get("location");
  if (response.status !== 307 || location === null) throw new Error(`${url} did not name its router address (${response.status})`);
  return new URL(location, url).href;
}

/** The app's answer, timed from sending to its last byte. */
async function timedRequest(url: string, cookie: string, from: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: routerHeaders(cookie, from), redirect: "manual" });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200 || !response.headers.get("content-type")?.startsWith("text/x-component")) throw new Error(`${url} answered ${response.status} ${response.headers.get("location") ?? response.headers.get("content-type")}`);
  partialAnswer(url, body);
  return { ms, bytes: Buffer.byteLength(body) };
}

/** Both apps' layouts draw a <header>: an answer with one rendered the layouts again, not only the page the click changes. */
function partialAnswer(url: string, body: string): void {
  if (body.includes('["$","header"')) throw new Error(`${url} rendered its layouts again: the router state the bench sends no longer matches Next's`);
}

/** The signed-in user's cookies once a portal page has opened: the billing session renewed if it was due. */
async function freshPortalCookies(browser: Browser, storageState: StorageState): Promise<string> {
  const context = await newContext(browser, { storageState });
  try {
    const page = await context.newPage();
    await page.goto("/portal/subscriptions");
    await portalHydrated(page);
    return appCookieHeader(await context.storageState());
  } finally {
    await context.close();
  }
}

/** Part 2's server rows: each page, the portal's request and the floor's in turn, after a warm-up. */
export async function pageRequests(browser: Browser, storageState: StorageState, customerId: string): Promise<PageRequestRow[]> {
  const cookies = { portal: await freshPortalCookies(browser, storageState), floor: `floor-token=${await mint(customerId)}` };
  const rows: PageRequestRow[] = [];
  for (const { page, from } of PAGES) {
    const urls = { portal: await routerUrl(`${APP_URL}/portal/${page}`, cookies.portal, from), floor: await routerUrl(`${FLOOR_URL}/portal/${page}`, cookies.floor, from) };
    const times = { portal: [] as number[], floor: [] as number[] };
    const bytes = { portal: 0, floor: 0 };
    for (let index = 0; index < COUNTS.pageRequestsWarmup + COUNTS.pageRequests; index += 1) {
      const portal = await timedRequest(urls.portal, cookies.portal, from);
      const floor = await timedRequest(urls.floor, cookies.floor, from);
      if (index < COUNTS.pageRequestsWarmup) continue;
      times.portal.push(portal.ms);
      times.floor.push(floor.ms);
      [bytes.portal, bytes.floor] = [portal.bytes, floor.bytes];
    }
    const [portal, floor] = [summarize(times.portal), summarize(times.floor)];
    rows.push({ page: `/portal/${page}`, portal, floor, differenceMs: round(portal.median - floor.median), portalBytes: bytes.portal, floorBytes: bytes.floor });
  }
  return rows;
}
