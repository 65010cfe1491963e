import "server-only";
// Product names, which name the plans: read with the merchant's key and kept for an hour, since a
// merchant renames a product rarely and no webhook says so. A product that cannot be read is not
// kept: its plan keeps the price as its name and the next page asks again.
import { processCache } from "@/lib/server/caching/bounded-cache";
import { getProduct } from "@/lib/server/revkeen-api/products";

export const PRODUCT_NAME_SECONDS = 60 * 60;
/** Products held at once; the least recently used go first. */
const CAPACITY = 2_000;

const names = () => processCache<string>("product-names", CAPACITY);

/** The names of `productIds` that could be had, read in parallel; the rest are left out. */
export async function productNames(productIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const missing: string[] = [];
  for (const id of new Set(productIds)) {
    const name = names().get(id);
    if (name === undefined) missing.push(id);
    else found.set(id, name);
  }
  await Promise.all(
    missing.map(async (id) => {
      try {
        const product = await getProduct(id);
        names().set(id, product.name, Date.now() + PRODUCT_NAME_SECONDS * 1000);
        found.set(id, product.name);
      } catch {
        // Already logged by the call; the plan is named by its price.
      }
    }),
  );
  return found;
}
