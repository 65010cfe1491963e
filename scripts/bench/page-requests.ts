// 2, the server's part alone: the RSC answer a click on Invoices or Subscriptions asks for, sent by
// Node straight to the portal and to the page floor in turn, at 0 ms upstream latency. No browser
// works beside it, on this machine or in the figures: what the server adds to a click, apart from
// what the browser does with the answer and from the browser's work competing for the same cores.
import type { Browser } from "@playwright/test";
import { sequential, type Target } from "./api-overhead";
import { appCookieHeader, newContext, portalHydrated, type StorageState } from "./browser";
import { APP_URL, COUNTS, FLOOR_URL } from "./config";
import { mint } from "./sandbox-client";
import { round, type Summary } from "./stats";

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
 * answer (pageTarget), since its shape is Next's to change.
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

/** The app's answer to the click, which must be the page's part alone; `answer` keeps its size. */
function pageTarget(url: string, cookie: string, from: string, answer: { bytes: number }): Target {
  return async () => {
    const response = await fetch(url, { headers: routerHeaders(cookie, from), redirect: "manual" });
    const body = await response.text();
    if (response.status !== 200 || !response.headers.get("content-type")?.startsWith("text/x-component")) throw new Error(`${url} answered ${response.status} ${response.headers.get("location") ?? response.headers.get("content-type")}`);
    // Both apps' layouts draw a <header>: an answer with one rendered the layouts again, not only the page the click changes.
    if (body.includes('["$","header"')) throw new Error(`${url} rendered its layouts again: the router state the bench sends no longer matches Next's`);
    answer.bytes = Buffer.byteLength(body);
    return true;
  };
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
    const answers = { portal: { bytes: 0 }, floor: { bytes: 0 } };
    const targets = [
      pageTarget(await routerUrl(`${APP_URL}/portal/${page}`, cookies.portal, from), cookies.portal, from, answers.portal),
      pageTarget(await routerUrl(`${FLOOR_URL}/portal/${page}`, cookies.floor, from), cookies.floor, from, answers.floor),
    ];
    await sequential(targets, COUNTS.pageRequestsWarmup);
    const [portal, floor] = (await sequential(targets, COUNTS.pageRequests)).map((side) => side.latency) as [Summary, Summary];
    rows.push({ page: `/portal/${page}`, portal, floor, differenceMs: round(portal.median - floor.median), portalBytes: answers.portal.bytes, floorBytes: answers.floor.bytes });
  }
  return rows;
}
