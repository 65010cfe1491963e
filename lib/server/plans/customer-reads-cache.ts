import "server-only";
// What the portal reads with the merchant's key about one customer, kept a short while so that a
// page view does not ask RevKeen each time: their subscriptions (for plan names and dunning) and
// their payment methods on file. A read that fails is never kept. A webhook about the customer
// retires everything read before it (dropCustomerCaches), one still in flight included; without
// webhooks a read lives at most CUSTOMER_READS_SECONDS.
//
// Kept in this process, bounded, like the entitlement answers (../entitlements/entitlement-cache.ts),
// and retired on every instance alike (lib/server/caching/cross-instance-retirement.ts).
import { processCache } from "@/lib/server/caching/bounded-cache";
import { processSingleton } from "@/lib/server/caching/process-singleton";
import type { MerchantSubscription } from "@/lib/shared/revkeen-api/merchant-subscriptions";
import type { PaymentMethod } from "@/lib/shared/revkeen-api/payment-methods";

/** The longest a read is used, in seconds: how late a change seen by no webhook shows. */
export const CUSTOMER_READS_SECONDS = 60;
const LIFETIME_MS = CUSTOMER_READS_SECONDS * 1000;
/** Customers held at once; the least recently used go first. */
const CAPACITY = 10_000;

export type CustomerReads = {
  subscriptions: readonly MerchantSubscription[];
  paymentMethods: readonly PaymentMethod[];
};
type Kind = keyof CustomerReads;
type Kept<K extends Kind> = { value: CustomerReads[K]; readAt: number };
/** A customer's reads and when a webhook last retired them, in one entry so neither outlives the other. */
type Customer = { reads: { readonly [K in Kind]?: Kept<K> }; retiredAt: number | null };

const customers = () => processCache<Customer>("customer-merchant-reads", CAPACITY);
/** When every read was last retired at once (ms since the epoch), for reads still in flight then. */
const allRetired = () => processSingleton("customer-merchant-reads.all-retired", () => ({ at: 0 }));

function entry(customerId: string, now: number): Customer {
  return customers().get(customerId, now) ?? { reads: {}, retiredAt: null };
}

function keep(customerId: string, customer: Customer): void {
  const ends = [...Object.values(customer.reads).map((kept) => kept.readAt), customer.retiredAt ?? 0];
  customers().set(customerId, customer, Math.max(...ends) + LIFETIME_MS);
}

/** The `kind` read kept for `customerId`, or undefined: then ask RevKeen. */
export function cachedRead<K extends Kind>(customerId: string, kind: K, now: number = Date.now()): CustomerReads[K] | undefined {
  const { reads, retiredAt } = entry(customerId, now);
  const kept = reads[kind] as Kept<K> | undefined;
  if (kept === undefined || now >= kept.readAt + LIFETIME_MS || kept.readAt <= allRetired().at) return undefined;
  return retiredAt !== null && kept.readAt <= retiredAt ? undefined : kept.value;
}

/** Keeps what RevKeen answered to a read that started at `readAt` (ms since the epoch). */
export function keepRead<K extends Kind>(customerId: string, kind: K, value: CustomerReads[K], readAt: number): void {
  const customer = entry(customerId, readAt);
  keep(customerId, { ...customer, reads: { ...customer.reads, [kind]: { value, readAt } } });
}

/** The kept read, or `read`'s answer (kept unless it fails). */
export async function readThrough<K extends Kind>(customerId: string, kind: K, read: () => Promise<CustomerReads[K]>): Promise<CustomerReads[K]> {
  const known = cachedRead(customerId, kind);
  if (known !== undefined) return known;
  // Taken before asking: a webhook that arrives while RevKeen answers retires this read too.
  const readAt = Date.now();
  const value = await read();
  keepRead(customerId, kind, value, readAt);
  return value;
}

/** Retires every read about `customerId` made until now: the next page asks RevKeen. */
export function retireReads(customerId: string, now: number = Date.now()): void {
  keep(customerId, { ...entry(customerId, now), retiredAt: now });
}

/** Retires every read about every customer made until now, one still in flight included. */
export function retireAllReads(now: number = Date.now()): void {
  allRetired().at = Math.max(allRetired().at, now);
  customers().clear();
}
