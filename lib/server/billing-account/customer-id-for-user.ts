import "server-only";
// Which RevKeen customer a signed-in user is. This is the one function every merchant replaces:
// the answer lives in your own database, next to your users.
import { DEMO_PROVIDER_ID, findDemoCustomer } from "@/lib/server/billing-account/demo-customers";

export type SignedInUser = { id: string; email?: string | null; provider?: string };

/**
 * Returns the RevKeen customer id of `user`, or null when they have no billing account yet.
 * Never match by e-mail alone: an address is not proof that the customer record is theirs.
 *
 * A typical replacement, with the id stored on your users table when you created the customer:
 *
 *   const row = await db.query.users.findFirst({
 *     where: eq(users.id, user.id),
 *     columns: { revkeenCustomerId: true },
 *   });
 *   return row?.revkeenCustomerId ?? null;
 */
export async function customerIdForUser(user: SignedInUser): Promise<string | null> {
  if (user.provider === DEMO_PROVIDER_ID && user.id.startsWith("demo:")) {
    const customer = await findDemoCustomer(user.id.slice("demo:".length));
    return customer?.id ?? null;
  }
  return null;
}
