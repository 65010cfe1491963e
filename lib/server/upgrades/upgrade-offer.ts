import "server-only";
// What a locked feature offers: the product the merchant names for its benefit in the portal
// options, with its name and price as RevKeen has them, and the card it would be charged to.
// The product id comes from the options alone, never from the browser: a form names the benefit.
import { processCache } from "@/lib/server/caching/bounded-cache";
import { listPaymentMethods } from "@/lib/server/revkeen-api/payment-methods";
import { getProduct } from "@/lib/server/revkeen-api/products";
import { chargeableCard, type ChargeableCard } from "@/lib/shared/billing/chargeable-card";
import { portalOptions } from "@/lib/shared/billing/portal-options";
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

/** The product offered for `benefitKey`, or null when the merchant offers none for it. */
export function offeredProductId(benefitKey: string): string | null {
  const offers = portalOptions.upgradeOffers;
  return Object.hasOwn(offers, benefitKey) ? (offers[benefitKey] ?? null) : null;
}

/** The offer for `benefitKey` with the product's name and price, or null when none is offered. */
export async function upgradeOffer(benefitKey: string): Promise<UpgradeOffer | null> {
  const productId = offeredProductId(benefitKey);
  if (productId === null) return null;
  const now = Date.now();
  let product = products().get(productId, now);
  if (product === undefined) {
    product = await getProduct(productId);
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
