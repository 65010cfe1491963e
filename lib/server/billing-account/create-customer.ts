import "server-only";
// A signed-in user with no billing account gets one on their first "Manage billing": a RevKeen
// customer made with the merchant's key from what the sign-in says (e-mail, name), carrying the
// user's id and this app's signature of it in its metadata (./billing-link-metadata.ts), then
// linked to the user in the database. A merchant who creates customers elsewhere (at checkout)
// turns this off in lib/shared/billing/portal-options.ts.
import { createHash } from "node:crypto";
import type { SignedInUser } from "@/lib/server/auth/current-user";
import { linkCustomer } from "@/lib/server/database/billing-links";
import { withDatabase } from "@/lib/server/database/client";
import { log } from "@/lib/server/logging/log";
import { createCustomer } from "@/lib/server/revkeen-api/merchant";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { billingLinkMetadata } from "./billing-link-metadata";

/**
 * The Idempotency-Key for creating `userId`'s customer: the same for every attempt, so a double
 * press or two instances at once create one customer (RevKeen keeps a key for 24 hours).
 */
export function customerCreationKey(userId: string): string {
  const hex = createHash("sha256").update(`revkeen-portal-starter:customer:${userId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Creates and links `user`'s RevKeen customer; answers its id. */
export async function createCustomerFor(user: SignedInUser): Promise<string> {
  if (!user.email) throw new PortalError("portal:no_email");
  // An unverified address may be anyone's: the customer, its invoices and its one-time codes
  // would go to whoever owns it.
  if (!user.emailVerified) throw new PortalError("portal:email_unverified");
  const customer = await createCustomer({
    email: user.email,
    name: user.name ?? undefined,
    metadata: billingLinkMetadata(user.id),
    idempotencyKey: customerCreationKey(user.id),
  });
  const outcome = await withDatabase("billing_accounts.link", (db) => linkCustomer(db, user.id, customer.id)).catch((error: unknown) => {
    // The customer exists and nothing here says whose it is: said now, while it can still be mended.
    log.error("billing_account.link_not_saved", {
      customer_id: customer.id,
      detail: "RevKeen created the customer but its link to the user was not saved: the user's next \"Manage billing\" within 24 hours links the same customer (same idempotency key); after that, link it by hand",
    });
    throw error;
  });
  if (outcome.linked) return outcome.customerId;
  // The customer RevKeen answered with is already another user's: never hand it over.
  log.error("billing_account.customer_of_another_user", { customer_id: customer.id });
  throw new PortalError("portal:no_account");
}
