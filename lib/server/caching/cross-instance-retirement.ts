import "server-only";
// What one instance of the app learns from a webhook, every other instance learns within a second:
// with DATABASE_URL (PostgreSQL) the instance that drops a customer's caches NOTIFYs the others,
// which LISTEN and drop theirs (the entitlement answers and the merchant reads kept about that
// customer). The message names the customer's RevKeen id and nothing else: no e-mail, no token.
//
// Hearing can stop (the database restarts, the connection drops). Meanwhile every cache still ends
// with its lifetime, and once the listener hears again everything cached until then is retired:
// a webhook may have come and gone unheard. Without DATABASE_URL there is one process (the
// embedded database cannot be shared), and retiring in it is all there is to do.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { serverEnv } from "@/lib/env/server";
import { withDatabase } from "@/lib/server/database/client";
import { retireAllAnswers, retireAnswers } from "@/lib/server/entitlements/entitlement-cache";
import { log } from "@/lib/server/logging/log";
import { retireAllReads, retireReads } from "@/lib/server/plans/customer-reads-cache";
import { processSingleton } from "./process-singleton";
import { createRetirementListener, type RetirementListener, type RetirementListenerOptions } from "./retirement-listener";

export const RETIREMENT_CHANNEL = "revkeen_portal_cache_retirement";

/** What a message may say: one RevKeen customer id. Anyone who may NOTIFY on the database can send one. */
const retirementPayload = z.uuid();

/** Drops what this process keeps about `customerId`, one read still in flight included. */
export function retireCustomerHere(customerId: string): void {
  retireAnswers(customerId);
  retireReads(customerId);
}

/** Drops everything this process keeps about every customer. */
export function retireEverythingHere(): void {
  retireAllAnswers();
  retireAllReads();
}

/**
 * Tells every other instance to drop what it keeps about `customerId`. Never throws: what this
 * instance keeps was dropped before (dropCustomerCaches), and an instance that misses the message
 * holds an answer at most its lifetime; a failure is logged. "local" without DATABASE_URL.
 */
export async function publishRetirement(customerId: string): Promise<"published" | "local" | "failed"> {
  if (!retirementPayload.safeParse(customerId).success) return "failed";
  if (!serverEnv().DATABASE_URL) return "local";
  try {
    await withDatabase("cache_retirement.notify", (db) => db.execute(sql`select pg_notify(${RETIREMENT_CHANNEL}, ${customerId})`));
    return "published";
  } catch {
    // withDatabase has said why.
    log.warn("cache.retirement_not_published", { customer_id: customerId, detail: "the other instances keep what they cached about this customer until it ends" });
    return "failed";
  }
}

/** Hands one message on: a customer id is retired here, anything else is ignored. */
export function applyRetirement(payload: string): boolean {
  const customerId = retirementPayload.safeParse(payload);
  if (!customerId.success) {
    log.warn("cache.retirement_ignored", { detail: "a message on the cache retirement channel is not a customer id", length: payload.length });
    return false;
  }
  retireCustomerHere(customerId.data);
  return true;
}

/** A listener that applies what it hears to this process's caches. */
export function listenForRetirements(url: string, tuning: Pick<RetirementListenerOptions, "applicationName" | "pauseMs" | "heartbeat"> = {}): RetirementListener {
  return createRetirementListener({
    url,
    channel: RETIREMENT_CHANNEL,
    ...tuning,
    onPayload: applyRetirement,
    onListening: (again) => {
      // Whatever was cached before now may have missed a message: the first time, one sent while
      // this instance started; after an outage, any sent during it.
      retireEverythingHere();
      if (again) log.info("cache.retirement_listening_again", { detail: "everything cached while not listening was dropped" });
    },
    onDown: (reason) => {
      log.warn("cache.retirement_not_listening", { reason, detail: "caches end with their lifetime until the listener is back" });
    },
  });
}

/** Starts this process's listener on the PostgreSQL at `databaseUrl` (DATABASE_URL), once. */
export function startCrossInstanceRetirement(databaseUrl: string): void {
  processSingleton("cache-retirement-listener", () => listenForRetirements(databaseUrl));
}
