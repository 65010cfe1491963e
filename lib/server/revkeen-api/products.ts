import "server-only";
// A product read with the merchant's key, for the name of a plan. ./send.ts sends it.
import { dataSchema } from "@/lib/shared/revkeen-api/wire";
import { productSchema, type Product } from "@/lib/shared/revkeen-api/products";
import { checkedId, parser, send } from "./send";

const productResponse = parser(dataSchema(productSchema));

/** The product `id`. A product RevKeen no longer has is an upstream failure: its plan keeps the price as its name. */
export function getProduct(id: string): Promise<Product> {
  return send({
    operation: "products.get",
    method: "GET",
    path: `/products/${checkedId(id, "upstream:unavailable")}`,
    credential: { kind: "merchant" },
    notFound: "upstream:unavailable",
    parse: (body) => productResponse(body).data,
  });
}
