// The printed tables and bench-results/latest.json.
import type { PayNowRow } from "./pay-now";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem, type as osType, release, arch } from "node:os";
import { join } from "node:path";
import type { ApiOverheadRow } from "./api-overhead";
import type { ClickToPortalRow } from "./click-to-portal";
import { COUNTS, RESULTS_DIR, ROOT, TARGETS } from "./config";
import type { ScriptsLoaded } from "./js-shipped";
import { type DatabaseClickRow, type EntitlementRow, type WebhookRow } from "./features";
import { AT_ONCE_STEP, type NavigationRow } from "./navigation";
import { compareWithFloor, type PageFloorComparison, type PageFloorRow } from "./page-floor";
import type { PageRequestRow } from "./page-requests";
import { round, type Summary } from "./stats";
import { COUNTED_OPERATIONS, type UpstreamCallsRow } from "./upstream-calls";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  loadAverageAtStart: number[];
  chromium: string;
  next: string;
}

export function describeMachine(chromium: string): Machine {
  const cores = cpus();
  const next = JSON.parse(readFileSync(join(ROOT, "node_modules", "next", "package.json"), "utf8")) as { version: string };
  return {
    cpu: cores[0]?.model.trim() ?? "unknown",
    cores: cores.length,
    memoryGiB: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    os: `${osType()} ${release()} ${arch()}`,
    loadAverageAtStart: loadavg().map((value) => round(value)),
    chromium,
    next: next.version,
  };
}

export interface Results {
  startedAt: string;
  seconds: number;
  machine: Machine;
  buildSeconds: { app: number; floor: number };
  counts: typeof COUNTS;
  targets: typeof TARGETS;
  clickToPortal: ClickToPortalRow[];
  /** The floor app's /submit → /landed, latency 0. */
  clickFloor: Summary;
  /** What the portal itself adds at latency 0: null without a latency-0 row. */
  clickPortalPart: PortalPart | null;
  navigation: (NavigationRow & { met: boolean })[];
  /** 2. Each navigation step beside the bare app's same step. */
  pageFloor: PageFloorComparison[];
  /** 2. The server's part of a click alone: each app's RSC answer, sent without a browser. */
  pageRequests: PageRequestRow[];
  upstreamCalls: UpstreamCallsRow[];
  jsShipped: { floor: ScriptsLoaded; pages: (ScriptsLoaded & { aboveFloorBytes: number; met: boolean })[] };
  apiOverhead: (ApiOverheadRow & { met: boolean | null })[];
  apiSignedOut: Summary;
  /** 6. Features without a target: figures only. */
  features: {
    database: DatabaseClickRow[];
    webhooks: WebhookRow[];
    entitlements: EntitlementRow[];
    /** Why there are no entitlement rows. */
    entitlementsSkipped: string | null;
  };
  /** 7. "Pay now" → RevKeen's checkout page, per latency. */
  payNow: PayNowRow[];
}

export interface PortalPart {
  portalMedianMs: number;
  floorMedianMs: number;
  /** Two round trips at latency 0. */
  limitMs: number;
  /** portal median − floor median − limit. */
  partMs: number;
  met: boolean;
}

/** Part 2's ✓/✗: each row against its round trip. */
export function judgeNavigation(rows: NavigationRow[]): (NavigationRow & { met: boolean })[] {
  return rows.map((row) => ({ ...row, met: row.measured.median <= row.budgetMs }));
}

/** Adds every ✓/✗ (and the JS above the floor, and the portal's part at latency 0). */
export function judge(parts: {
  clickToPortal: ClickToPortalRow[];
  clickFloor: Summary;
  navigation: NavigationRow[];
  pageFloor: PageFloorRow[];
  jsFloor: ScriptsLoaded;
  jsPages: ScriptsLoaded[];
  apiOverhead: ApiOverheadRow[];
}): Pick<Results, "clickPortalPart" | "navigation" | "pageFloor" | "jsShipped" | "apiOverhead"> {
  const atZero = parts.clickToPortal.find((row) => row.latencyMs === 0);
  const clickPortalPart =
    atZero === undefined
      ? null
      : (() => {
          const partMs = round(atZero.measured.median - parts.clickFloor.median - atZero.limitMs);
          return { portalMedianMs: atZero.measured.median, floorMedianMs: parts.clickFloor.median, limitMs: atZero.limitMs, partMs, met: partMs <= TARGETS.clickPortalPartAt0Ms };
        })();
  const navigation = judgeNavigation(parts.navigation);
  const apiOverhead = parts.apiOverhead.map((row) => ({
    ...row,
    met: row.concurrency === 1 ? row.overheadP50 <= TARGETS.apiOverheadP50Ms : row.app.requestsPerSecond >= TARGETS.apiConcurrentRequestsPerSecond,
  }));
  return { clickPortalPart, navigation, pageFloor: compareWithFloor(parts.navigation, parts.pageFloor), jsShipped: judgeJsShipped(parts.jsFloor, parts.jsPages), apiOverhead };
}

/** Each page's scripts above the floor's, against the budget. */
export function judgeJsShipped(floor: ScriptsLoaded, pages: ScriptsLoaded[]): Results["jsShipped"] {
  return {
    floor,
    pages: pages.map((page) => {
      const aboveFloorBytes = page.gzipBytes - floor.gzipBytes;
      return { ...page, aboveFloorBytes, met: aboveFloorBytes <= TARGETS.jsAboveFloorBytes };
    }),
  };
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
  return [line(headers), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const signed = (value: number) => `${value >= 0 ? "+" : "−"}${ms(Math.abs(value))}`;
const mark = (met: boolean | null) => (met === null ? "" : met ? "✓" : "✗");

/** Part 4's table: also printed alone by BENCH_ONLY=js. */
export function formatJsShipped(js: Results["jsShipped"], next: string): string {
  const floor = js.floor;
  return [
    "4. JavaScript shipped: every script the browser fetched for the page (fresh cache), each body gzipped with node:zlib",
    table(
      ["page", "scripts", "raw", "gzip", "above floor", "target", "met"],
      [
        [`floor (empty page, Next ${next})`, String(floor.scripts), kib(floor.rawBytes), kib(floor.gzipBytes), "—", "", ""],
        ...js.pages.map((page) => [
          page.page,
          String(page.scripts),
          kib(page.rawBytes),
          kib(page.gzipBytes),
          kib(page.aboveFloorBytes),
          `≤ ${kib(TARGETS.jsAboveFloorBytes)}`,
          mark(page.met),
        ]),
      ],
    ),
  ].join("\n");
}

export function formatReport(results: Results): string {
  const m = results.machine;
  const out: string[] = [];
  out.push(`RevKeen Portal Starter — npm run bench (${results.startedAt}, ${Math.round(results.seconds)} s)`);
  out.push(
    `machine: ${m.cpu} × ${m.cores}, ${m.memoryGiB} GiB, node ${m.node}, ${m.os}, load ${m.loadAverageAtStart.join(" ")} at start; ` +
      `Next ${m.next}, Chromium ${m.chromium}; builds: app ${Math.round(results.buildSeconds.app)} s, floor ${Math.round(results.buildSeconds.floor)} s`,
  );
  out.push("Medians and ratios; single times on a shared machine are noise.");

  out.push("", `1. Click to portal: "Manage billing" submitted → every overview figure visible (${COUNTS.clickRuns} runs per latency)`);
  out.push("   limit = mint, then customer + subscriptions + invoices in parallel, straight to the sandbox with fetch (median)");
  out.push("   upstream = calls per click / round trips one after another, from the sandbox's call log (medians)");
  out.push(
    table(
      ["upstream latency", "median", "p90", "limit (2 round trips)", "median / limit", "upstream", "target", "met"],
      results.clickToPortal.map((row) => {
        const targeted = row.latencyMs === 150;
        return [
          `${row.latencyMs} ms`,
          ms(row.measured.median),
          ms(row.measured.p90),
          ms(row.limitMs),
          row.ratio.toFixed(2),
          `${row.upstreamCalls} / ${row.upstreamRoundTrips ?? "—"}`,
          targeted ? `≤ ${TARGETS.clickRatioAt150}` : "",
          targeted ? mark(row.ratio <= TARGETS.clickRatioAt150) : "",
        ];
      }),
    ),
  );
  const part = results.clickPortalPart;
  const floorClick = results.clickFloor;
  out.push(
    "",
    `   floor = the empty Next app's "Manage billing" form (server action, cookie, redirect) → /landed's figures visible (${COUNTS.floorRuns} runs, latency 0)`,
  );
  out.push("   portal's part = portal median − floor median − limit, all at 0 ms");
  out.push(
    table(
      ["upstream latency", "portal median", "floor median", "floor p90", "limit (2 round trips)", "portal's part", "target", "met"],
      part === null
        ? []
        : [
            [
              "0 ms",
              ms(part.portalMedianMs),
              ms(part.floorMedianMs),
              ms(floorClick.p90),
              ms(part.limitMs),
              ms(part.partMs),
              `≤ ${TARGETS.clickPortalPartAt0Ms} ms`,
              mark(part.met),
            ],
          ],
    ),
  );

  out.push(...formatNavigation(results.navigation, results.pageFloor, results.pageRequests));

  out.push("", "3. Upstream calls per view, counted by the sandbox: after reload + hydrate + network idle / after a focus event too (cumulative)");
  const shortNames: Record<string, string> = {
    "customer.get": "customer",
    "subscriptions.list": "subs.list",
    "subscriptions.get": "subs.get",
    "invoices.list": "inv.list",
    "invoices.get": "inv.get",
    "sessions.create": "mint",
  };
  out.push(
    table(
      ["view", ...COUNTED_OPERATIONS.map((name) => shortNames[name] ?? name), "focus at", "target", "met"],
      results.upstreamCalls.map((row) => [
        row.view,
        ...COUNTED_OPERATIONS.map((name) => `${row.afterLoad[name] ?? 0} / ${row.afterFocus[name] ?? 0}`),
        `+${(row.focusAfterMs / 1000).toFixed(1)} s`,
        COUNTED_OPERATIONS.map((name) => row.expected[name] ?? 0).join(" "),
        mark(row.met),
      ]),
    ),
  );

  out.push("", formatJsShipped(results.jsShipped, m.next));

  out.push("", "5. The app's own API: GET /api/portal/subscriptions (cookies) vs GET /v2/customer-portal/subscriptions straight to the sandbox (Bearer), latency 0");
  out.push("   floor = the empty Next app's route handler making the same read with fetch and answering its body: Next's own cost around one call");
  out.push(
    table(
      ["mode", "requests", "app p50", "app p99", "direct p50", "floor p50", "overhead p50", "over floor p50", "app req/s", "direct req/s", "floor req/s", "errors", "target", "met"],
      results.apiOverhead.map((row) => [
        row.mode,
        `${row.requests} each`,
        ms(row.app.latency.median),
        ms(row.app.latency.p99),
        ms(row.direct.latency.median),
        ms(row.floor.latency.median),
        ms(row.overheadP50),
        ms(row.app.latency.median - row.floor.latency.median),
        row.app.requestsPerSecond.toFixed(0),
        row.direct.requestsPerSecond.toFixed(0),
        row.floor.requestsPerSecond.toFixed(0),
        String(row.app.errors + row.direct.errors + row.floor.errors),
        row.concurrency === 1 ? `overhead p50 ≤ ${TARGETS.apiOverheadP50Ms} ms` : `app ≥ ${TARGETS.apiConcurrentRequestsPerSecond} req/s`,
        mark(row.met),
      ]),
    ),
  );
  const signedOut = results.apiSignedOut;
  out.push(`   for scale: the same URL signed out (answered 401 before any upstream call) takes p50 ${ms(signedOut.median)}, p99 ${ms(signedOut.p99)} (${signedOut.n} sequential)`);
  out.push(...formatFeatures(results));
  out.push("", `JSON: ${RESULTS_DIR}/latest.json`);
  return `${out.join("\n")}\n`;
}

/** Part 2: the portal's navigation rows, then each beside the page floor. */
export function formatNavigation(navigation: (NavigationRow & { met: boolean })[], pageFloor: PageFloorComparison[], requests: PageRequestRow[]): string[] {
  const out: string[] = [];
  out.push("", `2. Navigation: click a link → that page's heading and data visible (${COUNTS.navigationRuns} runs per latency)`);
  out.push(
    `   "${AT_ONCE_STEP}": the Billing nav's Subscriptions and Invoices clicked in turn, each the moment the page's data shows (${COUNTS.atOnceClicks} clicks per latency)`,
  );
  out.push("   1 round trip = customer + subscriptions + invoices in parallel, straight to the sandbox (median)");
  out.push(`   target = median ≤ 1 round trip + ${TARGETS.navigationOverRoundTripMs} ms (at 0 ms latency: ≤ ${TARGETS.navigationOverRoundTripMs} ms)`);
  out.push("   upstream = calls per step / round trips one after another (median, worst run), from the sandbox's call log; clicks at once: mean calls per click");
  out.push(
    table(
      ["upstream latency", "step", "median", "p90", "1 round trip", "median / round trip", "upstream", "target", "met"],
      navigation.map((row) => [
        `${row.latencyMs} ms`,
        row.step,
        ms(row.measured.median),
        ms(row.measured.p90),
        ms(row.oneRoundTripMs),
        row.ratio.toFixed(2),
        row.upstreamRoundTrips === null ? `${row.upstreamCalls} / —` : `${row.upstreamCalls} / ${row.upstreamRoundTrips} (${row.worstUpstreamRoundTrips})`,
        `≤ ${ms(row.budgetMs)}`,
        mark(row.met),
      ]),
    ),
  );

  out.push("", "   page floor = a bare Next app (the same Next, React build and experimental.taint), its two dynamic pages making the same upstream reads");
  out.push("   (customer + the list, and on Subscriptions the invoices the portal reads for a plan in dunning, in parallel, with fetch), next/link links between them, the same clicks measured the same way at the same latency, each run beside one of the portal's");
  out.push("   of which = the difference in the page's RSC request (sent → answered: proxy, session, render) / in the browser after it (render, commit), medians");
  out.push(`   target = portal median ≤ floor median + ${TARGETS.navigationOverPageFloorMs} ms`);
  out.push(
    table(
      ["upstream latency", "step", "portal median", "floor median", "floor p90", "difference", "of which request / browser", "portal / floor", "floor upstream", "target", "met"],
      pageFloor.map((row) => [
        `${row.latencyMs} ms`,
        row.step,
        ms(row.portalMedianMs),
        ms(row.floor.median),
        ms(row.floor.p90),
        signed(row.differenceMs),
        row.requestDifferenceMs === null || row.afterResponseDifferenceMs === null ? "—" : `${signed(row.requestDifferenceMs)} / ${signed(row.afterResponseDifferenceMs)}`,
        row.ratio.toFixed(2),
        String(row.upstreamCalls),
        `≤ +${TARGETS.navigationOverPageFloorMs} ms`,
        mark(row.met),
      ]),
    ),
  );

  out.push("", `   the server's part alone: the RSC answer for a click on the page (from the other one), sent from Node to the portal and the floor in turn, no browser`);
  out.push(`   (${COUNTS.pageRequests} each after ${COUNTS.pageRequestsWarmup} unmeasured, 0 ms latency; answers' sizes uncompressed; figures only: the rows above hold the target)`);
  out.push(
    table(
      ["page", "portal median", "portal p90", "floor median", "floor p90", "difference", "portal answer", "floor answer"],
      requests.map((row) => [row.page, ms(row.portal.median), ms(row.portal.p90), ms(row.floor.median), ms(row.floor.p90), signed(row.differenceMs), kib(row.portalBytes), kib(row.floorBytes)]),
    ),
  );
  return out;
}

/** Part 6: figures only, as the issue sets no target for them. */
function formatFeatures(results: Results): string[] {
  const { database, webhooks, entitlements, entitlementsSkipped } = results.features;
  const out: string[] = ["", "6. Features without a target (figures only)"];
  const skipped = (rows: { database: string; skipped: string | null }[]) =>
    [...new Map(rows.filter((row) => row.skipped !== null).map((row) => [`${row.database}: ${row.skipped}`, row])).keys()].map((line) => `   skipped, ${line}`);

  out.push("", `6a. Click to portal per user and database: "Manage billing" submitted → every overview figure visible, latency 0 (${COUNTS.databaseRuns} runs each)`);
  out.push("    the embedded database is the app of parts 1–5; PostgreSQL is a second `next start` of the same build with DATABASE_URL");
  out.push("    (there, the mint rate limits are counted in the database too); a linked user's overview is empty, so compare by user");
  out.push(
    table(
      ["user", "database", "median", "p90", "vs embedded", "upstream calls"],
      database.map((row) => {
        const embedded = database.find((other) => other.user === row.user && other !== row && other.database.startsWith("embedded"));
        const difference = row.measured && embedded?.measured && !row.database.startsWith("embedded") ? row.measured.median - embedded.measured.median : null;
        return [
          row.user,
          row.database,
          row.measured ? ms(row.measured.median) : "skipped",
          row.measured ? ms(row.measured.p90) : "—",
          difference === null ? "—" : `${difference >= 0 ? "+" : "−"}${ms(Math.abs(difference))}`,
          row.upstreamCalls === null ? "—" : String(row.upstreamCalls),
        ];
      }),
    ),
  );
  out.push(...skipped(database));

  out.push("", `6b. Webhook handling: ${COUNTS.webhookRequests} signed customer.updated deliveries about the demo customer, one after another, to POST /api/webhooks/revkeen`);
  out.push("    each is verified, claimed by its event id in the database and drops the customer's cache; any answer but 2xx is an error");
  out.push(
    table(
      ["database", "requests", "p50", "p99", "req/s", "errors"],
      webhooks.map((row) => [
        row.database,
        row.latency ? String(row.requests) : "skipped",
        row.latency ? ms(row.latency.median) : "—",
        row.latency ? ms(row.latency.p99) : "—",
        row.requestsPerSecond === null ? "—" : row.requestsPerSecond.toFixed(0),
        row.latency ? String(row.errors) : "—",
      ]),
    ),
  );
  out.push(...skipped(webhooks));

  out.push("", `6c. Cached entitlement check: /reports loaded (navigation start → the reports visible), signed in as the demo customer (${COUNTS.entitlementRuns} runs each)`);
  out.push("    emptied = the first load after a signed customer.updated webhook dropped the cached answer; cached = the load right after it");
  out.push("    checks = entitlements.check calls per load (sandbox log, median); direct check = that call straight to the sandbox (median)");
  if (entitlementsSkipped !== null) {
    out.push(`   skipped: ${entitlementsSkipped}`);
  } else {
    out.push(
      table(
        ["upstream latency", "cache", "median", "p90", "checks", "direct check", "reports shown"],
        entitlements.map((row) => [
          `${row.latencyMs} ms`,
          row.cache,
          ms(row.measured.median),
          ms(row.measured.p90),
          String(row.upstreamChecks),
          ms(row.directCheckMs),
          row.granted ? "yes" : "no (locked)",
        ]),
      ),
    );
  }
  return out;
}

export function writeResults(results: Results): string {
  const dir = join(ROOT, RESULTS_DIR);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "latest.json");
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
