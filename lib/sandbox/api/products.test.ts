import { describe, expect, it } from "vitest";
import type { CallSummary } from "../controls/call-log";
import { createSeed } from "../data/seed";
import { PRODUCT_BACKUP, PRODUCT_FORMULE_ANNUELLE, PRODUCT_PRO, PRODUCT_STANDARD_MONTHLY, PRODUCT_STANDARD_YEARLY } from "../data/seed-products";
import { control, dataOf, errorOf, merchant, setup, START } from "../entry/test-support";

type Product = { id: string; object: string; product_id: string; name: string; kind: string; pricing_model: string; amount_minor: number; currency: string; interval: string | null; interval_count: number | null };
type ProductList = { data: Product[]; pagination: { kind: string; page: number; limit: number; total: number; totalPages: number } };

describe("GET /v2/products/{id}", () => {
  it("answers Ada's Pro plan by its product id, named and priced", async () => {
    const { sandbox } = setup();
    const response = await merchant(sandbox, "GET", `/products/${PRODUCT_PRO}`);
    expect(response.status).toBe(200);
    expect(await dataOf(response)).toEqual({
      id: PRODUCT_PRO,
      object: "product",
      product_id: "prod_pro",
      name: "Pro",
      description: "Everything in the core plan, with Pro reports.",
      kind: "subscription",
      pricing_model: "recurring",
      amount_minor: 1200,
      currency: "GBP",
      interval: "month",
      interval_count: 1,
      trial_days: 0,
      fulfillment_type: "digital",
      is_active: true,
      is_archived: false,
      metadata: {},
      created_at: new Date(Date.UTC(2022, 5, 15, 12)).toISOString(),
      updated_at: new Date(Date.UTC(2022, 5, 15, 12)).toISOString(),
    });
  });

  it("names Kenji's plans in Japanese and Émilie's in French", async () => {
    const { sandbox } = setup();
    const name = async (id: string) => (await dataOf<Product>(await merchant(sandbox, "GET", `/products/${id}`))).name;
    expect(await name(PRODUCT_STANDARD_MONTHLY)).toBe("スタンダード（月額）");
    expect(await name(PRODUCT_STANDARD_YEARLY)).toBe("スタンダード（年額）");
    expect(await name(PRODUCT_FORMULE_ANNUELLE)).toBe("Formule annuelle");
  });

  it("answers 404 for an unknown product, 400 for a malformed id, 401 without the merchant key", async () => {
    const { sandbox } = setup();
    const unknown = await merchant(sandbox, "GET", "/products/00000000-0000-4000-8000-000000000000");
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toEqual({ type: "invalid_request_error", code: "resource_missing", message: "No such product." });
    expect(await errorOf(await merchant(sandbox, "GET", "/products/prod_pro"))).toMatchObject({ code: "invalid_request", message: "Invalid product id in the path: product ids are UUIDs." });
    expect((await merchant(sandbox, "GET", `/products/${PRODUCT_PRO}`, undefined, { "x-api-key": "" })).status).toBe(401);
  });
});

describe("GET /v2/products", () => {
  it("lists the whole catalogue, one product for every demo plan, in pages", async () => {
    const { sandbox } = setup();
    const all = (await (await merchant(sandbox, "GET", "/products")).json()) as ProductList;
    expect(all.data.map((product) => product.name)).toEqual([
      "Pro",
      "Archive",
      "Team",
      "Backup",
      "Analytics",
      "Legacy support",
      "スタンダード（月額）",
      "スタンダード（年額）",
      "Formule annuelle",
    ]);
    expect(all.pagination).toEqual({ kind: "page", page: 1, limit: 20, total: 9, totalPages: 1 });
    const seed = createSeed(START);
    expect(new Set(seed.subscriptions.map((record) => record.productId))).toEqual(new Set(all.data.map((product) => product.id)));

    const second = (await (await merchant(sandbox, "GET", "/products?page=2&limit=4")).json()) as ProductList;
    expect(second.data.map((product) => product.name)).toEqual(["Analytics", "Legacy support", "スタンダード（月額）", "スタンダード（年額）"]);
    expect(second.pagination).toEqual({ kind: "page", page: 2, limit: 4, total: 9, totalPages: 3 });
    const past = (await (await merchant(sandbox, "GET", "/products?page=9&limit=4")).json()) as ProductList;
    expect(past.data).toEqual([]);
  });

  it("searches names and readable ids, ignoring case", async () => {
    const { sandbox } = setup();
    const search = async (term: string) => ((await (await merchant(sandbox, "GET", `/products?search=${encodeURIComponent(term)}`)).json()) as ProductList).data.map((product) => product.id);
    expect(await search("BACK")).toEqual([PRODUCT_BACKUP]);
    expect(await search("prod_standard")).toEqual([PRODUCT_STANDARD_MONTHLY, PRODUCT_STANDARD_YEARLY]);
    expect(await search("年額")).toEqual([PRODUCT_STANDARD_YEARLY]);
  });

  it.each(["page=0", "page=1.5", "limit=101", "limit=0", "limit=ten"])("refuses %s with a 400 naming the parameter", async (query) => {
    const { sandbox } = setup();
    const response = await merchant(sandbox, "GET", `/products?${query}`);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(new RegExp(`^Invalid ${query.split("=")[0]}: `));
  });
});

describe("the product operations", () => {
  it("are counted as products.get and products.list, and obey faults", async () => {
    const { sandbox } = setup();
    await control(sandbox, "POST", "/faults", { operation: "products.get", status: 503, retry_after: 2 });
    const faulted = await merchant(sandbox, "GET", `/products/${PRODUCT_PRO}`);
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get("retry-after")).toBe("2");
    expect((await merchant(sandbox, "GET", `/products/${PRODUCT_PRO}`)).status).toBe(200);
    await merchant(sandbox, "GET", "/products");
    const calls = await dataOf<CallSummary>(await control(sandbox, "GET", "/calls"));
    expect(calls.by_operation["products.get"]).toBe(2);
    expect(calls.by_operation["products.list"]).toBe(1);
    expect(calls.log.map((entry) => [entry.operation, entry.status, entry.fault])).toEqual([
      ["products.get", 503, "status"],
      ["products.get", 200, null],
      ["products.list", 200, null],
    ]);
  });
});
