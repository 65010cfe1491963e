import "server-only";
// What the app caches about one RevKeen customer, dropped at once when a webhook says the customer
// changed (a subscription, an invoice, a payment method, a mandate, the customer itself): the
// answers of entitlement checks, the merchant reads the portal shows beside its own
// (lib/server/plans/customer-reads-cache.ts), and anything cached with Next's data cache under the customer's
// tag (tag your own cached reads about a customer with it to have them dropped too).
import { revalidateTag } from "next/cache";
import { retireReads } from "@/lib/server/plans/customer-reads-cache";
import { retireAnswers } from "./entitlement-cache";

export function customerCacheTag(customerId: string): string {
  return `revkeen:customer:${customerId}`;
}

/** Drops everything cached about `customerId`: the next read waits for RevKeen's answer. */
export function dropCustomerCaches(customerId: string): void {
  retireAnswers(customerId);
  retireReads(customerId);
  // Expired now, not refreshed in the background.
  revalidateTag(customerCacheTag(customerId), { expire: 0 });
}
