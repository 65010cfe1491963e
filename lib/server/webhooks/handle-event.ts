import "server-only";
// What a webhook event changes in this app. The app keeps no copy of RevKeen's state: an event
// about a customer (a deleted one too) drops what was cached for them, and the next read asks
// RevKeen. So an event that arrives twice, or after a newer one, can never leave an older state in
// force. The one thing written from an event is a link: a customer created elsewhere (at checkout)
// whose metadata names one of this app's users with this app's signature of the id
// (lib/server/billing-account/billing-link-metadata.ts).
import { z } from "zod";
import { signedLinkUserId } from "@/lib/server/billing-account/billing-link-metadata";
import { linkCustomer } from "@/lib/server/database/billing-links";
import { withDatabase } from "@/lib/server/database/client";
import { dropCustomerCaches } from "@/lib/server/entitlements/customer-cache";
import { log } from "@/lib/server/logging/log";
import type { WebhookEvent } from "./webhook-event";

/**
 * Event families that change what a customer has: subscriptions, invoices, payments, payment
 * methods, mandates, a completed checkout (and the customer itself, below). An expired or abandoned
 * checkout changes nothing the customer has.
 */
const ABOUT_BILLING = /^((subscription|invoice|payment|payment_method|customer\.payment_method|mandate)\.|checkout\.session\.completed$)/;

/** A customer that asks to be linked: its metadata names a user (checked against the signature below). */
const createdCustomer = z.object({ id: z.uuid(), metadata: z.object({ app_user_id: z.string() }).loose() });
const changedCustomer = z.object({ id: z.uuid() }).loose();
const ownedObject = z.object({ customer_id: z.uuid() }).loose();

export type EventOutcome = "linked" | "already_linked" | "invalidated" | "ignored";

export async function handleEvent(event: WebhookEvent): Promise<EventOutcome> {
  if (event.type === "customer.created") {
    const customer = createdCustomer.safeParse(event.data.object);
    if (!customer.success) return "ignored";
    const userId = signedLinkUserId(customer.data.metadata);
    if (userId === null) {
      // Anyone who can set a customer's metadata can name any user: only this app's signature links.
      log.warn("webhook.unsigned_link", { event_id: event.id, customer_id: customer.data.id, detail: "metadata.app_user_sig is missing or does not match: not linked" });
      return "ignored";
    }
    const outcome = await withDatabase("billing_accounts.link", (db) => linkCustomer(db, userId, customer.data.id));
    if (!outcome.linked) log.warn("webhook.customer_of_another_user", { event_id: event.id, customer_id: customer.data.id });
    return outcome.linked && outcome.customerId === customer.data.id ? "linked" : "already_linked";
  }
  if (event.type === "customer.updated" || event.type === "customer.deleted") {
    const customer = changedCustomer.safeParse(event.data.object);
    if (!customer.success) return "ignored";
    await dropCustomerCaches(customer.data.id);
    return "invalidated";
  }
  if (ABOUT_BILLING.test(event.type)) {
    const owned = ownedObject.safeParse(event.data.object);
    if (!owned.success) return "ignored";
    await dropCustomerCaches(owned.data.customer_id);
    return "invalidated";
  }
  return "ignored";
}
