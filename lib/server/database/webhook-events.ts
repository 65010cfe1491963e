import "server-only";
// Which webhook events this app has taken in, by RevKeen's event id, so that a delivery repeated
// (RevKeen delivers at least once) is acknowledged and not handled twice.
import { eq, lt, sql } from "drizzle-orm";
import type { Database } from "./client";
import { webhookEvents } from "./schema";

/** How long an event id is remembered: far longer than RevKeen goes on retrying one. */
const KEEP_DAYS = 30;

/** Claims `id` for handling; false when it was claimed before. */
export async function claimEvent(db: Database, id: string, type: string): Promise<boolean> {
  const claimed = await db.insert(webhookEvents).values({ id, type }).onConflictDoNothing().returning({ id: webhookEvents.id });
  return claimed.length > 0;
}

/** Gives a claim back when handling failed, so RevKeen's retry is handled. */
export async function releaseEvent(db: Database, id: string): Promise<void> {
  await db.delete(webhookEvents).where(eq(webhookEvents.id, id));
}

/** Forgets events older than KEEP_DAYS. */
export async function forgetOldEvents(db: Database): Promise<void> {
  await db.delete(webhookEvents).where(lt(webhookEvents.receivedAt, sql`now() - make_interval(days => ${KEEP_DAYS})`));
}
