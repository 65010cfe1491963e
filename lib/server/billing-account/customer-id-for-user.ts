import "server-only";
// Which RevKeen customer a signed-in user is. This is the one function every merchant replaces:
// the answer lives in your own database, next to your users.
import type { SignedInUser } from "@/lib/server/auth/current-user";
import { serverEnv } from "@/lib/env/server";
import { DEMO_PROVIDER_ID } from "./demo-customers";

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
  // A demo user is a demo customer: sign-in checked the id against the sandbox's list and carries
  // it as the user's id. Honoured only while demo sign-in is on (never with a live key).
  if (user.provider === DEMO_PROVIDER_ID) return serverEnv().demoSignIn ? user.id : null;
  return null;
}
