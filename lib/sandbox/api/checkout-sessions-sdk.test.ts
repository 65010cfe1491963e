// The official SDK's checkout-session functions, unmodified, against the sandbox over HTTP. Merchant
// operations declare the x-api-key scheme, so a plain string `auth` is the merchant key.
import { randomUUID } from "node:crypto";
import { checkoutSessionsCreate, checkoutSessionsExpire, checkoutSessionsGet } from "@revkeen/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "../entry/http-server";
import { ADA_BACKUP_INVOICE, ADA_LOVELACE_ID } from "../data/seed";
import { MERCHANT_KEY } from "../entry/test-support";

let server: SandboxServer;

beforeAll(async () => {
  server = await startSandboxServer({ port: 0 });
});

afterAll(() => server.close());

beforeEach(async () => {
  await fetch(`${server.url}/__sandbox/reset`, { method: "POST", headers: { "content-type": "application/json" } });
});

const merchant = () => ({ baseUrl: `${server.url}/v2`, auth: MERCHANT_KEY });

describe("the official SDK's checkout sessions against the sandbox", () => {
  it("creates, reads and expires a session, with the SDK's own types", async () => {
    const created = await checkoutSessionsCreate({
      ...merchant(),
      body: { invoiceId: ADA_BACKUP_INVOICE, successUrl: "https://shop.example/paid", cancelUrl: "https://shop.example/", allowedMethods: ["card"] },
      headers: { "Idempotency-Key": randomUUID() },
      throwOnError: true,
    });
    expect(created.response.status).toBe(201);
    expect(created.data.data).toMatchObject({ amount_minor: 3000, currency: "GBP", customer_id: ADA_LOVELACE_ID, allowed_methods: ["card"], selected_method: null });
    expect(created.data.data.url.startsWith(`${server.url}/__sandbox/checkout/cst_`)).toBe(true);
    expect(created.data.requestId).toMatch(/^req_/);

    const read = await checkoutSessionsGet({ ...merchant(), path: { id: created.data.data.id }, throwOnError: true });
    expect(read.data.data).toMatchObject({ id: created.data.data.id, object: "checkout_session", status: "open", invoice_id: ADA_BACKUP_INVOICE, url: created.data.data.url });

    const expired = await checkoutSessionsExpire({ ...merchant(), path: { id: created.data.data.id }, throwOnError: true });
    expect(expired.data.data).toMatchObject({ id: created.data.data.id, status: "expired" });

    const after = await checkoutSessionsGet({ ...merchant(), path: { id: created.data.data.id }, throwOnError: true });
    expect(after.data.data.status).toBe("expired");
  });

  it("gets the sandbox's errors back as the SDK's error", async () => {
    const unknown = await checkoutSessionsCreate({ ...merchant(), body: { invoiceId: randomUUID() } });
    expect(unknown.response.status).toBe(404);
    expect(unknown.error).toEqual({ error: { type: "invalid_request_error", code: "resource_missing", message: "No such invoice." } });

    const created = await checkoutSessionsCreate({ ...merchant(), body: { amountMinor: 500, currency: "GBP" }, throwOnError: true });
    await checkoutSessionsExpire({ ...merchant(), path: { id: created.data.data.id }, throwOnError: true });
    const again = await checkoutSessionsExpire({ ...merchant(), path: { id: created.data.data.id } });
    expect(again.response.status).toBe(409);
  });
});
