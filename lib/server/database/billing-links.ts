import "server-only";
// The link from a signed-in user to their RevKeen customer: read on every mint (one lookup by
// primary key), written once when the customer is created or a webhook names the user.
import { eq } from "drizzle-orm";
import type { Database } from "./client";
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
  if (row) return { linked: true, customerId: row.customerId };
  return { linked: false, reason: "customer_taken" };
}
