// The official SDK's product, subscription and payment-method functions, unmodified, against the
// sandbox over HTTP: the sandbox speaks the wire format the SDK was generated from.
//
// What it takes: the SDK's standalone functions use a module-level client pointed at RevKeen's
// staging URL, so each call gets `baseUrl`, and an `auth` callback that answers the merchant key for
// the x-api-key scheme only (a plain string would also go out as a bearer token).
import { randomUUID } from "node:crypto";
import { customersPaymentMethodsList, productsGet, productsList, subscriptionsCreate, subscriptionsGet, subscriptionsList, subscriptionsUpdate } from "@revkeen/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "../entry/http-server";
import { ADA_ANALYTICS, ADA_BACKUP, ADA_LOVELACE_ID, KENJI_SATO_ID } from "../data/seed";
import { ADA_VISA, KENJI_CARD } from "../data/seed-payment-methods";
import { PRODUCT_PRO, PRODUCT_STANDARD_YEARLY } from "../data/seed-products";
import { MERCHANT_KEY } from "../entry/test-support";

let server: SandboxServer;

beforeAll(async () => {
  server = await startSandboxServer({ port: 0 });
});

afterAll(() => server.close());

beforeEach(async () => {
  await fetch(`${server.url}/__sandbox/reset`, { method: "POST", headers: { "content-type": "application/json" } });
});

/** The per-call options the SDK needs to reach the sandbox as the merchant. */
function asMerchant() {
  return {
    baseUrl: `${server.url}/v2`,
    auth: (scheme: { type: "apiKey" | "http"; scheme?: "basic" | "bearer" }) => (scheme.type === "apiKey" ? MERCHANT_KEY : undefined),
  };
}

describe("the official SDK against the sandbox's merchant operations", () => {
  it("reads products by id and in pages", async () => {
    const pro = await productsGet({ ...asMerchant(), path: { id: PRODUCT_PRO }, throwOnError: true });
    expect(pro.data.data).toMatchObject({ id: PRODUCT_PRO, object: "product", name: "Pro", amount_minor: 1200, currency: "GBP", interval: "month" });
    const page = await productsList({ ...asMerchant(), query: { page: 1, limit: 2 }, throwOnError: true });
    expect(page.data.data.map((product) => product.name)).toEqual(["Pro", "Archive"]);
    expect(page.data.pagination).toMatchObject({ page: 1, limit: 2, total: 9, totalPages: 5 });
  });

  it("lists and reads subscriptions, dunning included", async () => {
    const listed = await subscriptionsList({ ...asMerchant(), query: { customerId: ADA_LOVELACE_ID, status: "past_due" }, throwOnError: true });
    expect(listed.data.data.map((subscription) => subscription.id)).toEqual([ADA_BACKUP]);
    expect(listed.data.pagination).toEqual({ page: 1, limit: 20, total: 1, totalPages: 1 });
    const backup = await subscriptionsGet({ ...asMerchant(), path: { id: ADA_BACKUP }, throwOnError: true });
    expect(backup.data.data.dunning).toMatchObject({ is_in_dunning: true, retry_count: 2, total_possible_retries: 4, access_restricted: false });
  });

  it("keeps a plan that was scheduled to end, under an idempotency key", async () => {
    const kept = await subscriptionsUpdate({
      ...asMerchant(),
      path: { id: ADA_ANALYTICS },
      body: { cancelAtPeriodEnd: false },
      headers: { "Idempotency-Key": randomUUID() },
      throwOnError: true,
    });
    expect(kept.data.data).toMatchObject({ id: ADA_ANALYTICS, status: "active", cancel_at_period_end: false });
  });

  it("subscribes a customer with a card on file", async () => {
    const created = await subscriptionsCreate({
      ...asMerchant(),
      body: { customerId: KENJI_SATO_ID, productId: PRODUCT_STANDARD_YEARLY, paymentMethodId: KENJI_CARD },
      headers: { "Idempotency-Key": randomUUID() },
      throwOnError: true,
    });
    expect(created.response.status).toBe(201);
    expect(created.data.data).toMatchObject({ customer_id: KENJI_SATO_ID, product_id: PRODUCT_STANDARD_YEARLY, status: "active", amount_minor: 9800, currency: "JPY", billing_interval: "year" });
  });

  it("lists a customer's cards", async () => {
    const methods = await customersPaymentMethodsList({ ...asMerchant(), path: { id: ADA_LOVELACE_ID }, throwOnError: true });
    expect(methods.data.data.map((method) => [method.id, method.is_default, method.card?.brand, method.card?.last4])).toEqual([
      [ADA_VISA, true, "visa", "4242"],
      [expect.any(String), false, "mastercard", "4444"],
    ]);
  });

  it("gets the error envelope back as the SDK's error", async () => {
    const result = await subscriptionsCreate({ ...asMerchant(), body: { customerId: ADA_LOVELACE_ID, productId: PRODUCT_PRO, trialEnd: "2027-01-01T00:00:00Z" } });
    expect(result.response.status).toBe(400);
    expect(result.error).toEqual({
      error: {
        type: "invalid_request_error",
        code: "invalid_request",
        message: "Invalid trialEnd: the sandbox does not play trialEnd in POST /subscriptions (it takes customerId, productId, paymentMethodId, quantity, metadata).",
      },
    });
    const missing = await productsGet({ ...asMerchant(), path: { id: "00000000-0000-4000-8000-000000000000" } });
    expect(missing.response.status).toBe(404);
  });
});
