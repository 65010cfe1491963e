import "server-only";
// The link from a signed-in user to their RevKeen customer: read on every mint (one lookup by
// primary key), written once when the customer is created or a webhook names the user.
import { eq } from "drizzle-orm";
import { log } from "@/lib/server/logging/log";
import { databaseInMemory, type Database } from "./client";
import { billingAccounts } from "./schema";

/** The RevKeen customer linked to `userId`, or null. */
export async function linkedCustomerId(db: Database, userId: string): Promise<string | null> {
  const [row] = await db.select({ customerId: billingAccounts.customerId }).from(billingAccounts).where(eq(billingAccounts.userId, userId)).limit(1);
  return row?.customerId ?? null;
}

export type LinkOutcome = { linked: true; customerId: string } | { linked: false; reason: "customer_taken" };

/**
 * Links `userId` to `customerId` unless the user already has a customer (then that one stays:
 * two presses at once end with one link) or the customer already belongs to another user.
 */
export async function linkCustomer(db: Database, userId: string, customerId: string): Promise<LinkOutcome> {
  await db.insert(billingAccounts).values({ userId, customerId }).onConflictDoNothing();
  const [row] = await db.select().from(billingAccounts).where(eq(billingAccounts.userId, userId)).limit(1);
  if (row) {
    // Only the keyless demo runs on a database in memory (embedded-storage.ts); a link made there
    // is gone when this instance stops, and that is said as it happens.
    if (row.customerId === customerId && databaseInMemory()) {
      log.warn("billing_link.in_memory", { customer_id: customerId, detail: "this billing link is kept in memory only and is lost when this instance stops; set DATABASE_URL to keep it" });
    }
    return { linked: true, customerId: row.customerId };
  }
  return { linked: false, reason: "customer_taken" };
}
