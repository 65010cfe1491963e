// RevKeen's retries of a failed subscription payment, as the sandbox plays them: a retry a week,
// four in all, each of which fails (the way out is paying the open invoice); when the last has
// failed, access to what the plan grants is restricted. Each step is reported, so time-passes.ts
// can send the webhooks for it.
import type { Dunning } from "./records";

const RETRY_INTERVAL_MS = 7 * 86_400_000;
export const DUNNING_TOTAL_RETRIES = 4;

interface DunningRetry {
  /** When the retry was made (sandbox ms). */
  at: number;
}

/** Makes every retry that has fallen due by `now`, in place; answers them, oldest first. */
export function advanceDunning(dunning: Dunning, now: number): DunningRetry[] {
  const retries: DunningRetry[] = [];
  // Bounded by the retries left: a clock moved years at once still makes each retry once.
  while (dunning.nextRetryAt !== null && dunning.nextRetryAt <= now && dunning.retryCount < dunning.totalRetries) {
    const at = dunning.nextRetryAt;
    dunning.retryCount += 1;
    const last = dunning.retryCount >= dunning.totalRetries;
    dunning.nextRetryAt = last ? null : at + RETRY_INTERVAL_MS;
    if (last) dunning.accessRestricted = true;
    retries.push({ at });
  }
  return retries;
}
