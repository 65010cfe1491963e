import "server-only";
// Which webhook events this app has taken in, by RevKeen's event id, so that a delivery repeated
// (RevKeen delivers at least once) is acknowledged and not handled twice.
//
// An id is kept for a window, then forgotten, so the table holds at most one window of events
// however many arrive. The window only has to outlast RevKeen's own retries of an event, each
// signed afresh: anyone else's replay carries the original signature's timestamp, which the route
// refuses once it is more than 300 s old, before the id is looked at. An event that arrives again
// after the window (a retry later than that, a resend by hand) is handled again, which changes
// nothing: handling drops a cache, or finds the link already made.
import { eq, lt } from "drizzle-orm";
import type { Database } from "./client";
import { webhookEvents } from "./schema";

/** How long an event id is remembered, in days. */
export const EVENT_IDS_KEPT_DAYS = 7;
const KEEP_MS = EVENT_IDS_KEPT_DAYS * 86_400_000;
/** Old ids are deleted at most this often per instance: a claim costs one insert, and once a minute one delete. */
const PRUNE_EVERY_MS = 60_000;

let nextPruneAt = 0;

/** Claims `id` for handling; false when it was claimed before. Forgets ids past the window on the way. */
export async function claimEvent(db: Database, id: string, type: string, now: number = Date.now()): Promise<boolean> {
  if (now >= nextPruneAt) {
    nextPruneAt = now + PRUNE_EVERY_MS;
    await db.delete(webhookEvents).where(lt(webhookEvents.receivedAt, new Date(now - KEEP_MS)));
  }
  const claimed = await db.insert(webhookEvents).values({ id, type }).onConflictDoNothing().returning({ id: webhookEvents.id });
  return claimed.length > 0;
}

/** Gives a claim back when handling failed, so RevKeen's retry is handled. */
export async function releaseEvent(db: Database, id: string): Promise<void> {
  await db.delete(webhookEvents).where(eq(webhookEvents.id, id));
}
