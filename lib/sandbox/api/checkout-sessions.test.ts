import { describe, expect, it } from "vitest";
import type { Delivery } from "../data/webhooks";
import { deterministicUuid } from "../data/ids";
import { ADA_BACKUP_INVOICE, ADA_LOVELACE_ID } from "../data/seed";
import { PRODUCT_PRO } from "../data/seed-products";
import {
  checkoutRequest,
  control,
  createCheckout,
  dataOf,
  DAY_MS,
  errorOf,
  MERCHANT_KEY,
  mintToken,
  ORIGIN,
  setup,
  START,
} from "../entry/test-support";
import type { Sandbox } from "../entry/sandbox";

const SESSIONS = `${ORIGIN}/v2/checkout-sessions`;
const RETURN = { successUrl: "https://shop.example/billing/paid", cancelUrl: "https://shop.example/billing" };

function merchant(sandbox: Sandbox, method: string, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return sandbox.handle(new Request(`${SESSIONS}${path}`, { method, headers: { "x-api-key": MERCHANT_KEY, ...headers } }));
}

async function sessions(sandbox: Sandbox): Promise<{ id: string; status: string }[]> {
  return dataOf(await control(sandbox, "GET", "/checkout-sessions"));
}

async function eventTypes(sandbox: Sandbox): Promise<string[]> {
  return (await dataOf<Delivery[]>(await control(sandbox, "GET", "/webhooks"))).map((delivery) => delivery.event_type).reverse();
}

describe("POST /v2/checkout-sessions", () => {
  it("creates a session for an open invoice: what it costs, whose it is, and the page to pay it on", async () => {
    const { sandbox } = setup();
    const response = await sandbox.handle(checkoutRequest({ invoiceId: ADA_BACKUP_INVOICE, ...RETURN }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { data: Record<string, unknown>; requestId: string };
    expect(body.requestId).toMatch(/^req_[0-9a-f]{32}$/);
    expect(response.headers.get("x-request-id")).toBe(body.requestId);
    expect(Object.keys(body.data).sort()).toEqual(["allowed_methods", "amount_minor", "currency", "customer_id", "expires_at", "id", "public_token", "selected_method", "url"]);
    expect(body.data).toMatchObject({
      amount_minor: 3000,
      currency: "GBP",
      customer_id: ADA_LOVELACE_ID,
      expires_at: new Date(START + DAY_MS).toISOString(),
      allowed_methods: ["card"],
      selected_method: null,
    });
    expect(body.data.public_token).toMatch(/^cspub_[A-Za-z0-9_-]{32}$/);
    // Opened by a token of its own, never by the session's id or its public token.
    expect(body.data.url).toMatch(/^http:\/\/sandbox\.test\/__sandbox\/checkout\/cst_[A-Za-z0-9_-]{43}$/);
    expect(body.data.url).not.toContain(String(body.data.id));
    expect(body.data.url).not.toContain(String(body.data.public_token));
  });

  it("also takes an uncollectible invoice, which is still owed", async () => {
    const { sandbox } = setup();
    const session = await createCheckout(sandbox, { invoiceId: deterministicUuid("invoice:ada:gbp:17") });
    expect(session).toMatchObject({ amount_minor: 1440, currency: "GBP", customer_id: ADA_LOVELACE_ID });
  });

  it("takes an amount alone, which belongs to no customer", async () => {
    const { sandbox } = setup();
    const session = await createCheckout(sandbox, { amountMinor: 980, currency: "jpy" });
    expect(session).toMatchObject({ amount_minor: 980, currency: "JPY" });
    expect(session).not.toHaveProperty("customer_id");
  });

  it("takes a product of the catalogue at its price, which belongs to no customer either", async () => {
    const { sandbox } = setup();
    const session = await createCheckout(sandbox, { productId: PRODUCT_PRO });
    expect(session).toMatchObject({ amount_minor: 1200, currency: "GBP" });
    expect(session).not.toHaveProperty("customer_id");
    expect(await dataOf(await merchant(sandbox, "GET", `/${session.id}`))).toMatchObject({ mode: "subscription", amount_total: 1200, customer_id: null, invoice_id: null });
  });

  it.each([
    ["paid", "invoice:ada:gbp:1"],
    ["void", "invoice:ada:gbp:5"],
  ])("refuses a %s invoice with invoice_not_open, and creates nothing", async (status, key) => {
    const { sandbox } = setup();
    const response = await sandbox.handle(checkoutRequest({ invoiceId: deterministicUuid(key), ...RETURN }));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toEqual({ type: "invalid_request_error", code: "invoice_not_open", message: `This invoice is ${status}: there is nothing left to pay on it.` });
    expect(await sessions(sandbox)).toEqual([]);
  });

  it("answers 404 for an invoice or a product it does not know", async () => {
    const { sandbox } = setup();
    const invoice = await sandbox.handle(checkoutRequest({ invoiceId: deterministicUuid("invoice:nobody") }));
    expect(invoice.status).toBe(404);
    expect(await errorOf(invoice)).toMatchObject({ code: "resource_missing", message: "No such invoice." });
    const product = await sandbox.handle(checkoutRequest({ productId: "prod_unknown" }));
    expect(product.status).toBe(404);
    expect(await errorOf(product)).toMatchObject({ code: "resource_missing", message: "No such product." });
    expect(await sessions(sandbox)).toEqual([]);
  });

  it.each([
    [{}, "Invalid body: name exactly one thing to pay: invoiceId, productId, or amountMinor with currency."],
    [{ invoiceId: ADA_BACKUP_INVOICE, amountMinor: 100, currency: "GBP" }, "Invalid body: name exactly one thing to pay: invoiceId, productId, or amountMinor with currency."],
    [{ invoiceId: ADA_BACKUP_INVOICE, productId: "prod_x" }, "Invalid body: name exactly one thing to pay: invoiceId, productId, or amountMinor with currency."],
    [{ amountMinor: 100 }, "Invalid currency: is required with an amount: send amountMinor and currency together."],
    [{ currency: "GBP" }, "Invalid amountMinor: is required with an amount: send amountMinor and currency together."],
    [{ amountMinor: 0, currency: "GBP" }, "Invalid amountMinor: must be at least 1."],
    [{ amountMinor: 100, currency: "pounds" }, "Invalid currency: must be a three-letter ISO 4217 code, e.g. GBP."],
    [{ invoiceId: "not-a-uuid" }, "Invalid invoiceId: must be an invoice id (a UUID)."],
    [{ invoiceId: ADA_BACKUP_INVOICE, successUrl: "/billing" }, "Invalid successUrl: must be an absolute http(s) URL, e.g. https://shop.example/billing."],
    [{ invoiceId: ADA_BACKUP_INVOICE, successUrl: "javascript:alert(1)" }, "Invalid successUrl: must be an absolute http(s) URL, e.g. https://shop.example/billing."],
    [{ invoiceId: ADA_BACKUP_INVOICE, cancelUrl: "ftp://shop.example/" }, "Invalid cancelUrl: must be an absolute http(s) URL, e.g. https://shop.example/billing."],
    [{ invoiceId: ADA_BACKUP_INVOICE, cancelUrl: "https://user:pass@shop.example/" }, "Invalid cancelUrl: must be an absolute http(s) URL, e.g. https://shop.example/billing."],
    [{ invoiceId: ADA_BACKUP_INVOICE, allowedMethods: ["cash"] }, "Invalid allowedMethods.0: must each be one of card, direct_debit, pay_by_bank, in_store."],
    [{ invoiceId: ADA_BACKUP_INVOICE, allowedMethods: ["direct_debit"] }, "Invalid allowedMethods: the sandbox's checkout takes card only, so it must include card."],
  ])("refuses %j with a 400 that says why", async (body, message) => {
    const { sandbox } = setup();
    const response = await sandbox.handle(checkoutRequest(body));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toEqual({ type: "invalid_request_error", code: "invalid_request", message });
    expect(await sessions(sandbox)).toEqual([]);
  });

  it("takes only the merchant key: no key, or a customer's portal token, is a 401", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const anonymous = await sandbox.handle(checkoutRequest({ invoiceId: ADA_BACKUP_INVOICE }, { "x-api-key": "" }));
    expect(anonymous.status).toBe(401);
    const asCustomer = new Request(SESSIONS, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ invoiceId: ADA_BACKUP_INVOICE }),
    });
    expect((await sandbox.handle(asCustomer)).status).toBe(401);
    expect(await sessions(sandbox)).toEqual([]);
  });

  it("creates one session for a repeated Idempotency-Key, and refuses the key for another body", async () => {
    const { sandbox } = setup();
    const key = { "idempotency-key": "pay-once" };
    const first = await sandbox.handle(checkoutRequest({ invoiceId: ADA_BACKUP_INVOICE, ...RETURN }, key));
    const second = await sandbox.handle(checkoutRequest({ invoiceId: ADA_BACKUP_INVOICE, ...RETURN }, key));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.text()).toBe(await first.text());
    const other = await sandbox.handle(checkoutRequest({ invoiceId: ADA_BACKUP_INVOICE }, key));
    expect(other.status).toBe(409);
    expect(await sessions(sandbox)).toHaveLength(1);
    // Without a key, each call is a new session.
    await createCheckout(sandbox, { invoiceId: ADA_BACKUP_INVOICE });
    expect(await sessions(sandbox)).toHaveLength(2);
  });

  it("fails as a fault says, before creating anything, and counts under checkout_sessions.create", async () => {
    const { sandbox } = setup();
    await control(sandbox, "POST", "/faults", { operation: "checkout_sessions.create", status: 503 });
    expect((await sandbox.handle(checkoutRequest({ invoiceId: ADA_BACKUP_INVOICE }))).status).toBe(503);
    expect(await sessions(sandbox)).toEqual([]);
    expect((await sandbox.handle(checkoutRequest({ invoiceId: ADA_BACKUP_INVOICE }))).status).toBe(201);
    const calls = await dataOf<{ by_operation: Record<string, number>; log: { path: string; status: number; fault: string | null }[] }>(await control(sandbox, "GET", "/calls"));
    expect(calls.by_operation["checkout_sessions.create"]).toBe(2);
    expect(calls.log.map(({ path, status, fault }) => ({ path, status, fault }))).toEqual([
      { path: "/v2/checkout-sessions", status: 503, fault: "status" },
      { path: "/v2/checkout-sessions", status: 201, fault: null },
    ]);
  });
});

describe("GET /v2/checkout-sessions/{id}", () => {
  it("answers the whole session, without its public token", async () => {
    const { sandbox } = setup();
    const created = await createCheckout(sandbox, { invoiceId: ADA_BACKUP_INVOICE, ...RETURN });
    const response = await merchant(sandbox, "GET", `/${created.id}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: Record<string, unknown>; requestId: string };
    expect(body.requestId).toBe(response.headers.get("x-request-id"));
    expect(body.data).toEqual({
      id: created.id,
      object: "checkout_session",
      status: "open",
      mode: "payment",
      amount_total: 3000,
      currency: "GBP",
      customer_id: ADA_LOVELACE_ID,
      payment_intent_id: null,
      invoice_id: ADA_BACKUP_INVOICE,
      subscription_id: null,
      url: created.url,
      success_url: RETURN.successUrl,
      cancel_url: RETURN.cancelUrl,
      expires_at: created.expires_at,
      created_at: new Date(START).toISOString(),
      allowed_methods: ["card"],
      selected_method: null,
    });
    expect(JSON.stringify(body)).not.toContain(created.public_token);
  });

  it("answers 404 for a session it does not know and 400 for an id that is not one", async () => {
    const { sandbox } = setup();
    const unknown = await merchant(sandbox, "GET", `/${deterministicUuid("checkout:nobody")}`);
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toMatchObject({ code: "resource_missing", message: "No such checkout session." });
    const malformed = await merchant(sandbox, "GET", "/cs_123");
    expect(malformed.status).toBe(400);
    expect(await errorOf(malformed)).toMatchObject({ message: "Invalid checkout session id in the path: checkout session ids are UUIDs." });
  });

  it("shows a session expired once a day of sandbox time has passed unpaid, with checkout.session.expired sent", async () => {
    const { sandbox, clock } = setup();
    const created = await createCheckout(sandbox, { invoiceId: ADA_BACKUP_INVOICE });
    clock.advance(DAY_MS - 1);
    expect(await dataOf(await merchant(sandbox, "GET", `/${created.id}`))).toMatchObject({ status: "open" });
    clock.advance(1);
    expect(await dataOf(await merchant(sandbox, "GET", `/${created.id}`))).toMatchObject({ status: "expired" });
    const deliveries = await dataOf<Delivery[]>(await control(sandbox, "GET", "/webhooks"));
    expect(deliveries.map((delivery) => delivery.event_type)).toEqual(["checkout.session.expired"]);
    expect(deliveries[0]?.event.data).toMatchObject({ object: { id: created.id, status: "expired" }, previous_attributes: { status: "open" } });
  });

  it("expires sessions when the clock control moves past them", async () => {
    const { sandbox } = setup();
    await createCheckout(sandbox, { invoiceId: ADA_BACKUP_INVOICE });
    await control(sandbox, "POST", "/clock", { advance_seconds: 86_400 });
    expect(await eventTypes(sandbox)).toContain("checkout.session.expired");
  });
});

describe("POST /v2/checkout-sessions/{id}/expire", () => {
  it("expires an open session once, sends checkout.session.expired, and answers 409 after", async () => {
    const { sandbox, clock } = setup();
    const created = await createCheckout(sandbox, { invoiceId: ADA_BACKUP_INVOICE });
    clock.advance(60_000);
    const response = await merchant(sandbox, "POST", `/${created.id}/expire`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { id: created.id, status: "expired", expired_at: new Date(START + 60_000).toISOString() }, requestId: expect.stringMatching(/^req_/) });
    expect(await eventTypes(sandbox)).toEqual(["checkout.session.expired"]);

    const again = await merchant(sandbox, "POST", `/${created.id}/expire`);
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatchObject({ code: "conflict", message: "This checkout session is already expired: only an open session can be expired." });
    expect(await eventTypes(sandbox)).toHaveLength(1);
  });

  it("replays the first answer for a repeated Idempotency-Key", async () => {
    const { sandbox } = setup();
    const created = await createCheckout(sandbox, { invoiceId: ADA_BACKUP_INVOICE });
    const key = { "idempotency-key": "expire-once" };
    const first = await merchant(sandbox, "POST", `/${created.id}/expire`, key);
    const second = await merchant(sandbox, "POST", `/${created.id}/expire`, key);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await eventTypes(sandbox)).toEqual(["checkout.session.expired"]);
  });

  it("answers 404 for a session it does not know, and counts under checkout_sessions.expire", async () => {
    const { sandbox } = setup();
    expect((await merchant(sandbox, "POST", `/${deterministicUuid("checkout:nobody")}/expire`)).status).toBe(404);
    const calls = await dataOf<{ by_operation: Record<string, number> }>(await control(sandbox, "GET", "/calls"));
    expect(calls.by_operation["checkout_sessions.expire"]).toBe(1);
  });
});
