// The standalone sandbox seen from the bench: its controls, and the upstream calls the app makes,
// made straight from Node, to measure what a round trip costs at a given latency.
import { randomUUID } from "node:crypto";
import { DEFAULT_SANDBOX_API_KEY } from "../../lib/env/schema.mjs";
import { SandboxControls, type SandboxCalls } from "../../lib/testing/app-under-test";
import { COUNTS, SANDBOX_URL } from "./config";
import { afterWarmUp, median, round } from "./stats";

export type OperationCounts = Record<string, number>;

/** The controls the bench uses, on its own sandbox. */
export const sandbox = new SandboxControls(SANDBOX_URL);

const API = `${SANDBOX_URL}/v2/customer-portal`;

/** POST /sessions with the merchant key, as lib/server/revkeen-api/merchant.ts does; returns the portal token. */
export async function mint(customerId: string): Promise<string> {
  const response = await fetch(`${API}/sessions`, {
    method: "POST",
    headers: { "x-api-key": DEFAULT_SANDBOX_API_KEY, "content-type": "application/json", "idempotency-key": randomUUID() },
    body: JSON.stringify({ customer_id: customerId, ttl_minutes: 60 }),
  });
  if (response.status !== 201) throw new Error(`sandbox mint: ${response.status}`);
  const { data } = (await response.json()) as { data: { url: string } };
  const token = new URL(data.url).searchParams.get("token");
  if (!token) throw new Error("sandbox mint: no token in the session url");
  return token;
}

async function read(token: string, path: string): Promise<unknown> {
  const response = await fetch(`${API}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`sandbox GET ${path}: ${response.status}`);
  return response.json();
}

/** The overview's reads, with the query the app sends. */
const OVERVIEW_READS = ["/customer", "/subscriptions?limit=100", "/invoices?limit=100"];

export interface RoundTrips {
  /** Mint, then the overview's three reads in parallel: what "Manage billing" cannot beat. */
  twoRoundTrips: number;
  /** The three reads in parallel: what any one portal view cannot beat. */
  oneRoundTrip: number;
}

/** Median times of the limit's round trips, measured with fetch at the sandbox's current latency. */
export async function measureRoundTrips(customerId: string): Promise<RoundTrips> {
  const runs = await afterWarmUp(COUNTS.limitRuns, async () => {
    const started = performance.now();
    const token = await mint(customerId);
    const minted = performance.now();
    await Promise.all(OVERVIEW_READS.map((path) => read(token, path)));
    const done = performance.now();
    return { two: done - started, one: done - minted };
  });
  return { twoRoundTrips: round(median(runs.map((run) => run.two))), oneRoundTrip: round(median(runs.map((run) => run.one))) };
}

export type CallLog = SandboxCalls["log"];

/** Runs `act` with the sandbox's call log emptied first; answers what `act` answered and the upstream calls made meanwhile. */
export async function withCallLog<T>(act: () => Promise<T>): Promise<{ result: T; log: CallLog }> {
  await sandbox.resetCalls();
  const result = await act();
  return { result, log: (await sandbox.calls()).log };
}

/**
 * How many upstream round trips, one after another, a logged sequence of calls took at latency
 * `latencyMs` (null at 0: nothing separates them). A call that reaches the sandbox within half
 * the latency of the first call of a wave was sent alongside it, without waiting for an answer.
 */
export function sequentialRoundTrips(log: CallLog, latencyMs: number): number | null {
  if (latencyMs <= 0 || log.length === 0) return null;
  const arrivals = log.map((entry) => Date.parse(entry.at)).sort((a, b) => a - b);
  let waves = 1;
  let waveStart = arrivals[0] ?? 0;
  for (const at of arrivals) {
    if (at - waveStart >= latencyMs / 2) {
      waves += 1;
      waveStart = at;
    }
  }
  return waves;
}
