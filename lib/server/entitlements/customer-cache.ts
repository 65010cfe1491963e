import "server-only";
// What the app caches about one RevKeen customer carries this tag: a webhook about the customer
// (a subscription, an invoice, a payment method, a mandate) drops it all at once.

export function customerCacheTag(customerId: string): string {
  return `revkeen:customer:${customerId}`;
}
