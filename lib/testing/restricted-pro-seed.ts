// For the upgrade's tests: the demo data with Ada's Pro plan (the product that grants pro-reports)
// past due and out of retries, so dunning has restricted its access.
import type { SeedData } from "@/lib/sandbox/data/records";
import { ADA_PRO, createSeed } from "@/lib/sandbox/data/seed";

const DAY_MS = 86_400_000;

export function restrictedProSeed(now: number): SeedData {
  const seed = createSeed(now);
  const pro = seed.subscriptions.find((record) => record.subscription.id === ADA_PRO);
  if (!pro) throw new Error("no Pro plan in the seed");
  pro.subscription.status = "past_due";
  pro.dunning = { startedAt: now - 30 * DAY_MS, retryCount: 4, totalRetries: 4, nextRetryAt: null, accessRestricted: true };
  return seed;
}
