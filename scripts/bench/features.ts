// 6. Features without a target, measured for their figures:
//   a. "Manage billing" with the database's link lookup, on the embedded database and on PostgreSQL;
//   b. signed webhook deliveries, one after another, on each;
//   c. the cached entitlement check behind /reports, after the cache is emptied and cached.
import { randomUUID } from "node:crypto";
import type { Browser } from "@playwright/test";
import { DEFAULT_SANDBOX_API_KEY } from "../../lib/env/schema.mjs";
import { CUSTOMERS, manageBillingHydrated, signedWebhookHeaders, signIn } from "../../lib/testing/app-under-test";
import { sequential, type ApiSide } from "./api-overhead";
import { newContext, timeToView, type StorageState } from "./browser";
import { pressManageBilling } from "./click-to-portal";
import { APP_URL, COUNTS, CUSTOMER, SANDBOX_URL, SECRETS } from "./config";
import { sandbox, withCallLog } from "./sandbox-client";
import { afterWarmUp, elapsed, median, round, summarize, type Summary } from "./stats";

/** One running instance of the app: the same build, on one database. */
export interface Instance {
  database: string;
  url: string;
}

/** An instance that could not be measured, and why: its rows print as skipped. */
export interface Skipped {
  database: string;
  reason: string;
}

/** An error's first line, for a row that says why it was skipped. */
export const firstLine = (error: unknown) => (error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error));

/** The sandbox's record of the demo customer `customerId`, as its webhooks describe it. */
async function customerRecord(customerId: string): Promise<Record<string, unknown>> {
  const customer = (await sandbox.customers()).find((candidate) => candidate.id === customerId);
  if (!customer) throw new Error(`no customer ${customerId} in the sandbox`);
  return customer;
}

// a. Click to portal per user and database ----------------------------------------------------

/**
 * Ada, a demo customer, is her customer id: her press reads no link (on PostgreSQL it still
 * counts the mint rate limit there). A linked user is one the app created a customer for and
 * linked on a first press; every later press looks the link up in the database, then mints.
 */
export const DATABASE_USERS = [
  { key: "demo", label: `${CUSTOMER} (demo customer, no link lookup)` },
  { key: "linked", label: "a linked user (link lookup)" },
] as const;

export interface DatabaseClickRow {
  database: string;
  user: string;
  /** Why this row has no figures. */
  skipped: string | null;
  measured: Summary | null;
  /** Median upstream calls per press (sandbox log). */
  upstreamCalls: number | null;
}

async function databaseClick(browser: Browser, instance: Instance, user: (typeof DATABASE_USERS)[number]): Promise<DatabaseClickRow> {
  const context = await newContext(browser, { baseURL: instance.url });
  try {
    const page = await context.newPage();
    if (user.key === "demo") {
      await signIn(page, CUSTOMER);
    } else {
      await signIn(page, CUSTOMERS.unlinked);
      // The first press creates the customer and the link; only the presses after it are measured.
      await manageBillingHydrated(page);
      await timeToView(page, "emptyOverview", () => page.getByRole("button", { name: "Manage billing" }).click());
    }
    const view = user.key === "demo" ? "overview" : "emptyOverview";
    const { times, calls } = await pressManageBilling(page, { view, runs: COUNTS.databaseRuns, latencyMs: 0 });
    return { database: instance.database, user: user.label, skipped: null, measured: summarize(times), upstreamCalls: median(calls) };
  } catch (error) {
    return { database: instance.database, user: user.label, skipped: firstLine(error), measured: null, upstreamCalls: null };
  } finally {
    await context.close();
  }
}

export async function databaseClicks(browser: Browser, instances: (Instance | Skipped)[]): Promise<DatabaseClickRow[]> {
  await sandbox.latency(0);
  const rows: DatabaseClickRow[] = [];
  for (const user of DATABASE_USERS) {
    for (const instance of instances) {
      rows.push(
        "reason" in instance
          ? { database: instance.database, user: user.label, skipped: instance.reason, measured: null, upstreamCalls: null }
          : await databaseClick(browser, instance, user),
      );
    }
  }
  return rows;
}

// b. Webhook handling -------------------------------------------------------------------------

/** A customer.updated event about `customer`, as the sandbox renders one (lib/sandbox/data/webhooks.ts). */
function customerUpdated(customer: Record<string, unknown>): string {
  return JSON.stringify({
    id: `evt_bench_${randomUUID().replaceAll("-", "")}`,
    object: "event",
    type: "customer.updated",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: { object: { object: "customer", ...customer } },
  });
}

/** Delivers one newly signed event to `baseUrl` as the sandbox does; true on a 2xx answer. */
async function deliverWebhook(baseUrl: string, customer: Record<string, unknown>): Promise<boolean> {
  const body = customerUpdated(customer);
  const response = await fetch(`${baseUrl}/api/webhooks/revkeen`, { method: "POST", headers: signedWebhookHeaders(body, SECRETS.webhookSecret), body, redirect: "manual" });
  await response.arrayBuffer();
  return response.status >= 200 && response.status < 300;
}

export interface WebhookRow {
  database: string;
  skipped: string | null;
  requests: number;
  latency: Summary | null;
  requestsPerSecond: number | null;
  /** Answers that were not 2xx, or no answer at all. */
  errors: number;
}

async function webhookRun(instance: Instance, customer: Record<string, unknown>): Promise<WebhookRow> {
  const deliver = () => deliverWebhook(instance.url, customer).catch(() => false);
  // Unmeasured first, as in part 5: the route's first requests compile and open the database.
  for (let i = 0; i < 20; i += 1) await deliver();
  const [run] = (await sequential([deliver], COUNTS.webhookRequests)) as [ApiSide];
  return { database: instance.database, skipped: null, requests: run.latency.n, latency: run.latency, requestsPerSecond: run.requestsPerSecond, errors: run.errors };
}

export async function webhooks(instances: (Instance | Skipped)[], customerId: string): Promise<WebhookRow[]> {
  const customer = await customerRecord(customerId);
  const rows: WebhookRow[] = [];
  for (const instance of instances) {
    if ("reason" in instance) {
      rows.push({ database: instance.database, skipped: instance.reason, requests: 0, latency: null, requestsPerSecond: null, errors: 0 });
      continue;
    }
    rows.push(await webhookRun(instance, customer));
  }
  return rows;
}

// c. The cached entitlement check -------------------------------------------------------------

export const ENTITLEMENT_LATENCIES = [0, 150] as const;

export interface EntitlementRow {
  latencyMs: number;
  cache: "emptied" | "cached";
  measured: Summary;
  /** Median entitlements.check calls per load, from the sandbox's log: 1 when emptied, 0 when cached. */
  upstreamChecks: number;
  /** Median GET /v2/entitlements/check straight to the sandbox with the merchant key: the call a cold load must make. */
  directCheckMs: number;
  /** Whether every load showed the reports (Ada's Pro plan grants them), not the locked page. */
  granted: boolean;
}

async function directCheck(customerId: string): Promise<number> {
  const url = `${SANDBOX_URL}/v2/entitlements/check?customer_id=${customerId}&benefit_key=pro-reports`;
  const check = async () => {
    const response = await fetch(url, { headers: { "x-api-key": DEFAULT_SANDBOX_API_KEY } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`sandbox GET /v2/entitlements/check: ${response.status}`);
  };
  return round(median(await afterWarmUp(COUNTS.limitRuns, () => elapsed(check))));
}

/**
 * /reports loaded (page.goto; from the navigation's start to the reports shown) right after a
 * signed customer.updated webhook empties Ada's cached answer, then once more from the cache.
 */
export async function entitlementChecks(browser: Browser, storageState: StorageState, customerId: string): Promise<EntitlementRow[]> {
  const customer = await customerRecord(customerId);
  const rows: EntitlementRow[] = [];
  const context = await newContext(browser, { storageState });
  try {
    const page = await context.newPage();
    await page.goto("/reports");
    for (const latencyMs of ENTITLEMENT_LATENCIES) {
      await sandbox.latency(latencyMs);
      const directCheckMs = await directCheck(customerId);
      let granted = true;
      const load = async () => {
        const loaded = await withCallLog(() => timeToView(page, "reports", () => page.goto("/reports"), 30_000, true));
        if (!(await page.getByTestId("reports").isVisible())) granted = false;
        return { ms: loaded.result, checks: loaded.log.filter((entry) => entry.operation === "entitlements.check").length };
      };
      const runs = await afterWarmUp(COUNTS.entitlementRuns, async () => {
        if (!(await deliverWebhook(APP_URL, customer))) throw new Error("the app refused the signed customer.updated webhook that empties the cache");
        return { emptied: await load(), cached: await load() };
      });
      for (const cache of ["emptied", "cached"] as const) {
        const loads = runs.map((run) => run[cache]);
        rows.push({ latencyMs, cache, measured: summarize(loads.map((one) => one.ms)), upstreamChecks: median(loads.map((one) => one.checks)), directCheckMs, granted });
      }
    }
  } finally {
    await context.close();
    await sandbox.latency(0);
  }
  return rows;
}
