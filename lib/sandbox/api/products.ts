// GET /v2/products/{id} and GET /v2/products, with the merchant key: the catalogue, so a portal
// can name a plan ("Pro") instead of describing its price. Benefits stay the sandbox's own: RevKeen's
// product object does not carry them.
import type { ProductsGetResponse, ProductsListResponse } from "@revkeen/sdk";
import { z } from "zod";
import { toIso } from "../data/calendar";
import type { SandboxContext } from "../entry/context";
import { requireMerchantKey } from "./credentials";
import { ApiError } from "../http/errors";
import type { OperationInput } from "./operations";
import { pageOf, pageQueryShape } from "./page-paging";
import { requirePathId } from "../http/path-ids";
import type { ProductRecord } from "../data/records";
import { jsonReply, type Reply } from "../http/reply";
import { parseInput, queryParams } from "../http/request-input";

type Product = ProductsGetResponse["data"];

const listQuerySchema = z.object({
  ...pageQueryShape,
  search: z.string().max(200, "must be at most 200 characters").optional(),
});

function productView(record: ProductRecord): Product {
  return {
    id: record.id,
    object: "product",
    product_id: record.productId,
    name: record.name,
    description: record.description,
    kind: record.kind,
    pricing_model: record.kind === "subscription" ? "recurring" : record.kind,
    amount_minor: record.amountMinor,
    currency: record.currency,
    interval: record.interval,
    interval_count: record.intervalCount,
    trial_days: 0,
    fulfillment_type: "digital",
    is_active: true,
    is_archived: false,
    metadata: {},
    created_at: toIso(record.createdAt),
    updated_at: toIso(record.createdAt),
  };
}

/** The product, or the 404 RevKeen answers for an id it does not know. */
export function findProduct(context: SandboxContext, id: string): ProductRecord {
  const record = context.state.products.get(id);
  if (!record) throw new ApiError("resource_missing", "No such product.");
  return record;
}

export function getProduct(context: SandboxContext, { request, params }: OperationInput): Reply {
  requireMerchantKey(request, context.apiKey);
  const body: ProductsGetResponse = { data: productView(findProduct(context, requirePathId(params[0], "product"))) };
  return jsonReply(200, body);
}

/** In catalogue order; `search` matches the name or readable id, ignoring case. */
export function listProducts(context: SandboxContext, { request, url }: OperationInput): Reply {
  requireMerchantKey(request, context.apiKey);
  const query = parseInput(listQuerySchema, queryParams(url, ["page", "limit", "search"]), "query");
  const needle = query.search?.trim().toLowerCase() ?? "";
  const matching = [...context.state.products.values()].filter(
    (record) => needle === "" || record.name.toLowerCase().includes(needle) || record.productId.toLowerCase().includes(needle),
  );
  const page = pageOf(matching.map(productView), query);
  const body: ProductsListResponse = { data: page.data, pagination: { kind: "page", ...page.pagination } };
  return jsonReply(200, body);
}
