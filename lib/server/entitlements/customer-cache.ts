import "server-only";
// What the app caches about one RevKeen customer, dropped at once when a webhook says the customer
// changed (a subscription, an invoice, a payment method, a mandate, the customer itself): the
// answers of entitlement checks, the merchant reads the portal shows beside its own
// (lib/server/plans/customer-reads-cache.ts), and anything cached with Next's data cache under the customer's
// tag (tag your own cached reads about a customer with it to have them dropped too). With
// DATABASE_URL every other instance drops its answers and reads too
// (lib/server/caching/cross-instance-retirement.ts).
import { revalidateTag } from "next/cache";
import { publishRetirement, retireCustomerHere } from "@/lib/server/caching/cross-instance-retirement";

export function customerCacheTag(customerId: string): string {
  return `revkeen:customer:${customerId}`;
}

/**
 * Drops everything cached about `customerId`: the next read waits for RevKeen's answer. This
 * instance's caches are dropped before it returns its promise; the promise ends once the other
 * instances have been told (or telling them failed, which is logged): it never rejects.
 */
export async function dropCustomerCaches(customerId: string): Promise<void> {
  retireCustomerHere(customerId);
  // Expired now, not refreshed in the background.
  revalidateTag(customerCacheTag(customerId), { expire: 0 });
  await publishRetirement(customerId);
}
