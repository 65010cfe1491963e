import "server-only";
// Which RevKeen customer a signed-in user is. The default answer is the link this app stores in
// its database when it creates the customer (create-customer.ts) or a webhook names the user; a
// merchant whose users table already holds the id replaces this one function.
import type { SignedInUser } from "@/lib/server/auth/current-user";
import { linkedCustomerId } from "@/lib/server/database/billing-links";
import { withDatabase } from "@/lib/server/database/client";
import { serverEnv } from "@/lib/env/server";
import { uuidSchema } from "@/lib/shared/revkeen-api/wire";
import { DEMO_PROVIDER_ID } from "./demo-customers";

/**
 * Returns the RevKeen customer id of `user`, or null when they have no billing account yet.
 * Never match by e-mail alone: an address is not proof that the customer record is theirs.
 *
 * A replacement that reads your own users table:
 *
 *   const row = await db.query.users.findFirst({
 *     where: eq(users.id, user.id),
 *     columns: { revkeenCustomerId: true },
 *   });
 *   return row?.revkeenCustomerId ?? null;
 */
export async function customerIdForUser(user: SignedInUser): Promise<string | null> {
  // A demo user is a demo customer: sign-in checked the id against the sandbox's list and carries
  // it as the user's id. Honoured only while demo sign-in is on (never with a live key).
  if (user.provider === DEMO_PROVIDER_ID && uuidSchema.safeParse(user.id).success) return serverEnv().demoSignIn ? user.id : null;
  return withDatabase("billing_accounts.read", (db) => linkedCustomerId(db, user.id));
}
