import "server-only";
// What a locked feature offers: the product the merchant names for its benefit in the portal
// options, with its name and price as RevKeen has them, and the card it would be charged to.
// The product id comes from the options alone, never from the browser: a form names the benefit.
import type { Route } from "next";
import { processCache } from "@/lib/server/caching/bounded-cache";
import { listCustomerSubscriptions } from "@/lib/server/revkeen-api/merchant-subscriptions";
import { listPaymentMethods } from "@/lib/server/revkeen-api/payment-methods";
import { getProduct } from "@/lib/server/revkeen-api/products";
import { chargeableCard, type ChargeableCard } from "@/lib/shared/billing/chargeable-card";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import type { MerchantSubscription } from "@/lib/shared/revkeen-api/merchant-subscriptions";
import type { Product } from "@/lib/shared/revkeen-api/products";

export type UpgradeOffer = {
  benefitKey: string;
  productId: string;
  name: string;
  price: { amount_minor: number | null; currency: string | null; interval: string | null; interval_count: number | null };
};

/** How long a product's name and price are reused: a price change shows within this. */
const PRODUCT_CACHE_MS = 5 * 60_000;
const products = () => processCache<Product>("offered-products", 100);

/**
 * Statuses of a plan that is over: anything else, including a status RevKeen adds later, counts
 * as a plan the customer still has, so an unknown status can only stop a sale, never double one.
 */
const ENDED = new Set(["canceled", "incomplete_expired", "ended"]);

/** Pages of the customer's subscriptions read at most when looking for a plan of the product. */
const MAX_PAGES = 10;

/** The product offered for `benefitKey`, or null when the merchant offers none for it. */
export function offeredProductId(benefitKey: string): string | null {
  const offers = portalOptions.upgradeOffers;
  return Object.hasOwn(offers, benefitKey) ? (offers[benefitKey] ?? null) : null;
}

/**
 * The offered product. A 404 here is upgrade:not_offered: the options name a product RevKeen does
 * not have (the demo's id with a real key), and the page sends the customer to the pricing page
 * rather than to a retry that cannot succeed.
 */
function readOfferedProduct(productId: string): Promise<Product> {
  return getProduct(productId, "upgrade:not_offered");
}

/**
 * The offer for `benefitKey` with the product's name and price, or null when none is offered.
 * Rejects with upgrade:not_offered when RevKeen has no such product, and with the upstream's
 * PortalError when it cannot be asked.
 */
export async function upgradeOffer(benefitKey: string): Promise<UpgradeOffer | null> {
  const productId = offeredProductId(benefitKey);
  if (productId === null) return null;
  const now = Date.now();
  let product = products().get(productId, now);
  if (product === undefined) {
    product = await readOfferedProduct(productId);
    products().set(productId, product, now + PRODUCT_CACHE_MS);
  }
  return {
    benefitKey,
    productId,
    name: product.name,
    price: {
      amount_minor: product.amount_minor ?? null,
      currency: product.currency ?? null,
      interval: product.interval ?? null,
      interval_count: product.interval_count ?? null,
    },
  };
}

/** The card an upgrade of `customerId` would be charged to now, or null: then the pricing page. */
export async function cardToCharge(customerId: string): Promise<ChargeableCard | null> {
  return chargeableCard(await listPaymentMethods(customerId), new Date());
}

/**
 * `customerId`'s plan of `productId` that has not ended, or null. Such a plan without access is
 * waiting for something, most often a payment: a declined first charge leaves an `incomplete`
 * plan with an open invoice, dunning restricts a past-due one. Selling the product again would
 * make a second plan, and paying both invoices two active ones. Read from RevKeen each time, never
 * from a cache: the plan a declined press made a moment ago must be seen by the next press.
 * `customerId` is the one the signed-in user is linked to (customer-id-for-user.ts), never input.
 */
export async function existingPlan(customerId: string, productId: string): Promise<MerchantSubscription | null> {
  const wanted = productId.toLowerCase();
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const list = await listCustomerSubscriptions(customerId, page);
    const found = list.data.find(
      (subscription) => subscription.customer_id.toLowerCase() === customerId.toLowerCase() && subscription.product_id?.toLowerCase() === wanted && !ENDED.has(subscription.status),
    );
    if (found) return found;
    if (page >= list.pagination.totalPages) break;
  }
  return null;
}

/** The portal page of `plan`, with Pay now on its open invoice. Its id is a UUID (the list's schema). */
export function planPath(plan: MerchantSubscription): Route {
  return `/portal/subscriptions/${plan.id}` as Route;
}
