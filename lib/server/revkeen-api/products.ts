import "server-only";
// A product read with the merchant's key, for the name of a plan. ./send.ts sends it.
import type { PortalErrorCode } from "@/lib/shared/portal-api/error-codes";
import { dataSchema } from "@/lib/shared/revkeen-api/wire";
import { productSchema, type Product } from "@/lib/shared/revkeen-api/products";
import { checkedId, parser, send } from "./send";

const productResponse = parser(dataSchema(productSchema));

/**
 * The product `id`. What a product RevKeen does not have means is the caller's: for a plan's name
 * an upstream failure (the price names the plan), for an upgrade an offer that is not there.
 */
export function getProduct(id: string, notFound: PortalErrorCode = "upstream:unavailable"): Promise<Product> {
  return send({
    operation: "products.get",
    method: "GET",
    path: `/products/${checkedId(id, notFound)}`,
    credential: { kind: "merchant" },
    notFound,
    parse: (body) => productResponse(body).data,
  });
}
