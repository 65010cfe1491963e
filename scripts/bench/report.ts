// The printed tables and bench-results/latest.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem, type as osType, release, arch } from "node:os";
import { join } from "node:path";
import type { ApiOverheadRow } from "./api-overhead";
import type { ClickToPortalRow } from "./click-to-portal";
import { COUNTS, RESULTS_DIR, ROOT, TARGETS } from "./config";
import type { ScriptsLoaded } from "./js-shipped";
import type { NavigationRow } from "./navigation";
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
  navigation: (NavigationRow & { met: boolean | null })[];
  upstreamCalls: UpstreamCallsRow[];
  jsShipped: { floor: ScriptsLoaded; pages: (ScriptsLoaded & { aboveFloorBytes: number; met: boolean })[] };
  apiOverhead: (ApiOverheadRow & { met: boolean | null })[];
  apiSignedOut: Summary;
}

/** Adds every ✓/✗ (and the JS above the floor). */
export function judge(parts: {
  navigation: NavigationRow[];
  jsFloor: ScriptsLoaded;
  jsPages: ScriptsLoaded[];
  apiOverhead: ApiOverheadRow[];
}): Pick<Results, "navigation" | "jsShipped" | "apiOverhead"> {
  const navigation = parts.navigation.map((row) => ({
    ...row,
    met: row.upstreamRoundTrips === null ? null : row.upstreamRoundTrips <= TARGETS.navigationRoundTrips,
  }));
  const pages = parts.jsPages.map((page) => {
    const aboveFloorBytes = page.gzipBytes - parts.jsFloor.gzipBytes;
    return { ...page, aboveFloorBytes, met: aboveFloorBytes <= TARGETS.jsAboveFloorBytes };
  });
  const apiOverhead = parts.apiOverhead.map((row) => ({ ...row, met: row.concurrency === 1 ? row.overheadP50 <= TARGETS.apiOverheadP50Ms : null }));
  return { navigation, jsShipped: { floor: parts.jsFloor, pages }, apiOverhead };
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
  return [line(headers), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mark = (met: boolean | null) => (met === null ? "" : met ? "✓" : "✗");

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

  out.push("", `2. Navigation: click a link → that page's heading and data visible (${COUNTS.navigationRuns} runs per latency)`);
  out.push("   1 round trip = customer + subscriptions + invoices in parallel, straight to the sandbox (median)");
  out.push("   upstream = calls per step / round trips one after another (median, worst run), from the sandbox's call log");
  out.push(
    table(
      ["upstream latency", "step", "median", "p90", "1 round trip", "median / round trip", "upstream", "target", "met"],
      results.navigation.map((row) => [
        `${row.latencyMs} ms`,
        row.step,
        ms(row.measured.median),
        ms(row.measured.p90),
        ms(row.oneRoundTripMs),
        row.ratio.toFixed(2),
        row.upstreamRoundTrips === null ? `${row.upstreamCalls} / —` : `${row.upstreamCalls} / ${row.upstreamRoundTrips} (${row.worstUpstreamRoundTrips})`,
        row.met === null ? "" : `≤ ${TARGETS.navigationRoundTrips} round trip`,
        mark(row.met),
      ]),
    ),
  );

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

  const floor = results.jsShipped.floor;
  out.push("", "4. JavaScript shipped: every script the browser fetched for the page (fresh cache), each body gzipped with node:zlib");
  out.push(
    table(
      ["page", "scripts", "raw", "gzip", "above floor", "target", "met"],
      [
        [`floor (empty page, Next ${m.next})`, String(floor.scripts), kib(floor.rawBytes), kib(floor.gzipBytes), "—", "", ""],
        ...results.jsShipped.pages.map((page) => [
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
  );

  out.push("", "5. The app's own API: GET /api/portal/subscriptions (cookies) vs GET /v2/customer-portal/subscriptions straight to the sandbox (Bearer), latency 0");
  out.push(
    table(
      ["mode", "requests", "app p50", "app p99", "direct p50", "direct p99", "overhead p50", "overhead p99", "app req/s", "direct req/s", "errors", "target", "met"],
      results.apiOverhead.map((row) => [
        row.mode,
        `${row.requests} each`,
        ms(row.app.latency.median),
        ms(row.app.latency.p99),
        ms(row.direct.latency.median),
        ms(row.direct.latency.p99),
        ms(row.overheadP50),
        ms(row.overheadP99),
        row.app.requestsPerSecond.toFixed(0),
        row.direct.requestsPerSecond.toFixed(0),
        String(row.app.errors + row.direct.errors),
        row.met === null ? "" : `p50 ≤ ${TARGETS.apiOverheadP50Ms} ms`,
        mark(row.met),
      ]),
    ),
  );
  const signedOut = results.apiSignedOut;
  out.push(`   for scale: the same URL signed out (proxy.ts answers 401 itself) takes p50 ${ms(signedOut.median)}, p99 ${ms(signedOut.p99)} (${signedOut.n} sequential)`);
  out.push("", `JSON: ${RESULTS_DIR}/latest.json`);
  return `${out.join("\n")}\n`;
}

export function writeResults(results: Results): string {
  const dir = join(ROOT, RESULTS_DIR);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "latest.json");
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
