import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CallSummary } from "../controls/call-log";
import { ADA_LOVELACE_ID, ADA_PRO, GRACE_HOPPER_ID, KENJI_SATO_ID, SANDBOX_MERCHANT_ID } from "../data/seed";
import { ADA_MASTERCARD, ADA_VISA, KENJI_CARD } from "../data/seed-payment-methods";
import { PRODUCT_ANALYTICS, PRODUCT_PRO, PRODUCT_STANDARD_MONTHLY } from "../data/seed-products";
import type { Sandbox } from "../entry/sandbox";
import { control, DAY_MS, dataOf, errorOf, MERCHANT_KEY, merchant, mintToken, ORIGIN, portal, setup, START } from "../entry/test-support";
import type { Delivery } from "../data/webhooks";

type Subscription = { id: string; customer_id: string; product_id: string; status: string; quantity: number; amount_minor: number; currency: string; metadata: Record<string, unknown> };
type Invoice = { id: string; invoice_number: string; status: string; total: number; amount_paid: number; amount_due: number; paid_at: string | null };

const iso = (ms: number) => new Date(ms).toISOString();
const subscribe = (sandbox: Sandbox, body: unknown, headers: Record<string, string> = {}) => merchant(sandbox, "POST", "/subscriptions", body, headers);

async function events(sandbox: Sandbox): Promise<Delivery["event"][]> {
  return (await dataOf<Delivery[]>(await control(sandbox, "GET", "/webhooks"))).map((delivery) => delivery.event).reverse();
}

async function hasProReports(sandbox: Sandbox, customerId = ADA_LOVELACE_ID): Promise<boolean> {
  const response = await sandbox.handle(new Request(`${ORIGIN}/v2/entitlements/check?customer_id=${customerId}&benefit_key=pro-reports`, { headers: { "x-api-key": MERCHANT_KEY } }));
  return (await dataOf<{ has_access: boolean }>(response)).has_access;
}

async function cancelProNow(sandbox: Sandbox): Promise<void> {
  const token = await mintToken(sandbox);
  const response = await portal(sandbox, token, `/subscriptions/${ADA_PRO}/cancel`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"cancel_at_period_end":false}' });
  expect(response.status).toBe(200);
  await control(sandbox, "DELETE", "/calls");
}

async function countOf(sandbox: Sandbox, customerId: string): Promise<number> {
  return ((await (await merchant(sandbox, "GET", `/subscriptions?customerId=${customerId}`)).json()) as { pagination: { total: number } }).pagination.total;
}

describe("POST /v2/subscriptions with a card on file that pays", () => {
  it("subscribes Ada to Pro again with her default Visa: active at once, billed and paid, and pro-reports back", async () => {
    const { sandbox, clock } = setup();
    await cancelProNow(sandbox);
    expect(await hasProReports(sandbox)).toBe(false);
    clock.advance(60_000);
    const now = START + 60_000;
    const response = await subscribe(sandbox, { customerId: ADA_LOVELACE_ID, productId: PRODUCT_PRO }, { "idempotency-key": randomUUID() });
    expect(response.status).toBe(201);
    const created = await dataOf<Subscription & Record<string, unknown>>(response);
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      merchant_id: SANDBOX_MERCHANT_ID,
      customer_id: ADA_LOVELACE_ID,
      product_id: PRODUCT_PRO,
      price_id: null,
      plan_id: null,
      status: "active",
      quantity: 1,
      amount_minor: 1200,
      currency: "GBP",
      billing_interval: "month",
      interval_count: 1,
      current_period_start: iso(now),
      current_period_end: "2026-07-15T12:01:00.000Z",
      trial_end: null,
      canceled_at: null,
      cancel_at_period_end: false,
      metadata: {},
      created_at: iso(now),
      updated_at: iso(now),
      dunning: null,
    });
    expect(await hasProReports(sandbox)).toBe(true);

    const token = await mintToken(sandbox);
    const [newest] = (await dataOf<{ id: string; status: string }[]>(await portal(sandbox, token, "/subscriptions")));
    expect(newest).toMatchObject({ id: created.id, status: "active", amount_minor: 1200 });
    const [invoice] = await dataOf<Invoice[]>(await portal(sandbox, token, "/invoices?limit=1"));
    expect(invoice).toMatchObject({ invoice_number: "ADA-0047", status: "paid", total: 1200, amount_paid: 1200, amount_due: 0, paid_at: iso(now) });

    const sent = await events(sandbox);
    const afterCancel = sent.slice(sent.findIndex((event) => event.type === "subscription.created"));
    expect(afterCancel.map((event) => event.type)).toEqual(["subscription.created", "invoice.created", "invoice.paid", "payment.succeeded"]);
    expect(afterCancel[0]?.data.object).toMatchObject({ id: created.id, customer_id: ADA_LOVELACE_ID, product_id: PRODUCT_PRO, status: "active" });
    expect(afterCancel[1]?.data.object).toMatchObject({ id: invoice?.id, status: "open", amount_due: 1200, subscription_id: created.id });
    expect(afterCancel[2]?.data.object).toMatchObject({ id: invoice?.id, status: "paid", customer_id: ADA_LOVELACE_ID, subscription_id: created.id });
    expect(afterCancel[3]?.data.object).toMatchObject({ status: "succeeded", amount_minor: 1200, payment_method_id: ADA_VISA, invoice_id: invoice?.id, failure_code: null });
  });

  it("charges the card named, for the quantity asked, with the metadata given", async () => {
    const { sandbox } = setup();
    const response = await subscribe(sandbox, { customerId: KENJI_SATO_ID, productId: PRODUCT_STANDARD_MONTHLY, paymentMethodId: KENJI_CARD, quantity: 2, metadata: { seats: 2 } });
    expect(response.status).toBe(201);
    expect(await dataOf(response)).toMatchObject({ customer_id: KENJI_SATO_ID, status: "active", quantity: 2, amount_minor: 1960, currency: "JPY", metadata: { seats: 2 } });
    const payment = (await events(sandbox)).find((event) => event.type === "payment.succeeded");
    expect(payment?.data.object).toMatchObject({ payment_method_id: KENJI_CARD, amount_minor: 1960, currency: "JPY" });
  });
});

describe("POST /v2/subscriptions with a card that declines", () => {
  it("creates an incomplete subscription that grants nothing, with its first invoice left open", async () => {
    const { sandbox } = setup();
    await cancelProNow(sandbox);
    const declining = await control(sandbox, "POST", "/payment-methods/declines", { customer_id: ADA_LOVELACE_ID });
    expect(await dataOf(declining)).toEqual([
      { id: ADA_VISA, customer_id: ADA_LOVELACE_ID, declines: true },
      { id: ADA_MASTERCARD, customer_id: ADA_LOVELACE_ID, declines: true },
    ]);
    const response = await subscribe(sandbox, { customerId: ADA_LOVELACE_ID, productId: PRODUCT_PRO });
    expect(response.status).toBe(201);
    const created = await dataOf<Subscription>(response);
    expect(created).toMatchObject({ status: "incomplete", dunning: null });
    expect(await hasProReports(sandbox)).toBe(false);

    const token = await mintToken(sandbox);
    expect((await dataOf<{ id: string; status: string }[]>(await portal(sandbox, token, "/subscriptions")))[0]).toMatchObject({ id: created.id, status: "incomplete" });
    const [invoice] = await dataOf<Invoice[]>(await portal(sandbox, token, "/invoices?limit=1"));
    expect(invoice).toMatchObject({ status: "open", total: 1200, amount_paid: 0, amount_due: 1200, paid_at: null });

    const sent = await events(sandbox);
    const afterCancel = sent.slice(sent.findIndex((event) => event.type === "subscription.created"));
    expect(afterCancel.map((event) => event.type)).toEqual(["subscription.created", "invoice.created", "invoice.payment_failed", "payment.failed"]);
    expect(afterCancel[3]?.data.object).toMatchObject({ status: "failed", failure_code: "card_declined", failure_message: "The card was declined.", payment_method_id: ADA_VISA });
  });

  it("stays incomplete as time passes: it neither renews nor is billed again", async () => {
    const { sandbox } = setup();
    await control(sandbox, "POST", "/payment-methods/declines", { payment_method_id: ADA_VISA });
    const created = await dataOf<Subscription>(await subscribe(sandbox, { customerId: ADA_LOVELACE_ID, productId: PRODUCT_ANALYTICS }));
    await control(sandbox, "POST", "/clock", { advance_seconds: (45 * DAY_MS) / 1000 });
    expect(await dataOf(await merchant(sandbox, "GET", `/subscriptions/${created.id}`))).toMatchObject({ status: "incomplete", current_period_start: iso(START) });
  });
});

describe("POST /v2/subscriptions refuses", () => {
  it.each([
    ["another customer's card", { customerId: ADA_LOVELACE_ID, productId: PRODUCT_PRO, paymentMethodId: KENJI_CARD }, "Invalid paymentMethodId: no such payment method for this customer."],
    ["an unknown card", { customerId: ADA_LOVELACE_ID, productId: PRODUCT_PRO, paymentMethodId: "00000000-0000-4000-8000-000000000000" }, "Invalid paymentMethodId: no such payment method for this customer."],
    ["an expired card", { customerId: ADA_LOVELACE_ID, productId: PRODUCT_PRO, paymentMethodId: ADA_MASTERCARD }, "Invalid paymentMethodId: this payment method has expired."],
    ["a customer with no card on file", { customerId: GRACE_HOPPER_ID, productId: PRODUCT_PRO }, "The customer has no payment method on file: send paymentMethodId, or collect the first payment through a hosted checkout."],
    ["a price instead of a product", { customerId: ADA_LOVELACE_ID, priceId: PRODUCT_PRO }, "Invalid priceId: the sandbox does not play priceId in POST /subscriptions (it takes customerId, productId, paymentMethodId, quantity, metadata)."],
    ["a trial", { customerId: ADA_LOVELACE_ID, productId: PRODUCT_PRO, trialEnd: "2026-07-01T00:00:00Z" }, "Invalid trialEnd: the sandbox does not play trialEnd in POST /subscriptions (it takes customerId, productId, paymentMethodId, quantity, metadata)."],
    ["no product", { customerId: ADA_LOVELACE_ID }, "Invalid productId: must be a product id (a UUID)."],
    ["a quantity of 0", { customerId: ADA_LOVELACE_ID, productId: PRODUCT_PRO, quantity: 0 }, "Invalid quantity: must be at least 1."],
    ["snake_case", { customer_id: ADA_LOVELACE_ID, productId: PRODUCT_PRO }, "Invalid customer_id: POST /subscriptions has no such field (it takes customerId, productId, paymentMethodId, quantity, metadata, in camelCase)."],
  ])("%s with a 400, creating nothing", async (_case, body, message) => {
    const { sandbox } = setup();
    const before = await countOf(sandbox, (body as { customerId?: string }).customerId ?? ADA_LOVELACE_ID);
    const response = await subscribe(sandbox, body);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toEqual({ type: "invalid_request_error", code: "invalid_request", message });
    expect(await countOf(sandbox, (body as { customerId?: string }).customerId ?? ADA_LOVELACE_ID)).toBe(before);
    expect(await events(sandbox)).toEqual([]);
  });

  it("a default card that has expired since, with a 400", async () => {
    const { sandbox, clock } = setup();
    clock.advance(20 * DAY_MS);
    expect((await errorOf(await subscribe(sandbox, { customerId: ADA_LOVELACE_ID, productId: PRODUCT_PRO }))).message).toBe(
      "The customer's default payment method has expired: send paymentMethodId, or collect the first payment through a hosted checkout.",
    );
  });

  it("an unknown customer or product with 404, and a request without the key with 401", async () => {
    const { sandbox } = setup();
    expect(await errorOf(await subscribe(sandbox, { customerId: "00000000-0000-4000-8000-000000000000", productId: PRODUCT_PRO }))).toMatchObject({ code: "resource_missing", message: "No such customer for this merchant." });
    expect(await errorOf(await subscribe(sandbox, { customerId: ADA_LOVELACE_ID, productId: "00000000-0000-4000-8000-000000000000" }))).toMatchObject({ code: "resource_missing", message: "No such product." });
    expect((await subscribe(sandbox, { customerId: ADA_LOVELACE_ID, productId: PRODUCT_PRO }, { "x-api-key": "" })).status).toBe(401);
    expect(await countOf(sandbox, ADA_LOVELACE_ID)).toBe(6);
  });
});

describe("POST /v2/subscriptions under an Idempotency-Key", () => {
  it("creates one subscription however often it is sent, and answers each retry the same", async () => {
    const { sandbox } = setup();
    const key = randomUUID();
    const body = { customerId: KENJI_SATO_ID, productId: PRODUCT_STANDARD_MONTHLY };
    const first = await subscribe(sandbox, body, { "idempotency-key": key });
    const second = await subscribe(sandbox, body, { "idempotency-key": key });
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.text()).toBe(await first.text());
    expect(await countOf(sandbox, KENJI_SATO_ID)).toBe(3);
    expect((await events(sandbox)).filter((event) => event.type === "subscription.created")).toHaveLength(1);
    const other = await subscribe(sandbox, { ...body, quantity: 2 }, { "idempotency-key": key });
    expect(await errorOf(other)).toMatchObject({ code: "idempotency_key_reused" });
  });

  it("creates once after a fault: the fault strikes before anything is written", async () => {
    const { sandbox } = setup();
    await control(sandbox, "POST", "/faults", { operation: "merchant_subscriptions.create", status: 503 });
    const key = randomUUID();
    const body = { customerId: KENJI_SATO_ID, productId: PRODUCT_STANDARD_MONTHLY };
    expect((await subscribe(sandbox, body, { "idempotency-key": key })).status).toBe(503);
    expect(await countOf(sandbox, KENJI_SATO_ID)).toBe(2);
    expect((await subscribe(sandbox, body, { "idempotency-key": key })).status).toBe(201);
    expect(await countOf(sandbox, KENJI_SATO_ID)).toBe(3);
    const calls = await dataOf<CallSummary>(await control(sandbox, "GET", "/calls"));
    expect(calls.log.filter((entry) => entry.operation === "merchant_subscriptions.create").map((entry) => [entry.method, entry.path, entry.status])).toEqual([
      ["POST", "/v2/subscriptions", 503],
      ["POST", "/v2/subscriptions", 201],
    ]);
  });
});

describe("POST /__sandbox/payment-methods/declines", () => {
  it("names one card or a customer's cards, never both or neither", async () => {
    const { sandbox } = setup();
    const both = await control(sandbox, "POST", "/payment-methods/declines", { customer_id: ADA_LOVELACE_ID, payment_method_id: ADA_VISA });
    expect((await errorOf(both)).message).toBe("Invalid body: name either customer_id (all of the customer's cards) or payment_method_id (one card).");
    expect((await control(sandbox, "POST", "/payment-methods/declines", {})).status).toBe(400);
    expect((await control(sandbox, "POST", "/payment-methods/declines", { payment_method_id: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    expect((await control(sandbox, "POST", "/payment-methods/declines", { customer_id: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    expect(await dataOf(await control(sandbox, "POST", "/payment-methods/declines", { customer_id: GRACE_HOPPER_ID }))).toEqual([]);
  });

  it("lets a card pay again when turned off, and is undone by a reset", async () => {
    const { sandbox } = setup();
    await control(sandbox, "POST", "/payment-methods/declines", { payment_method_id: KENJI_CARD });
    expect(await dataOf(await control(sandbox, "POST", "/payment-methods/declines", { payment_method_id: KENJI_CARD, declines: false }))).toEqual([{ id: KENJI_CARD, customer_id: KENJI_SATO_ID, declines: false }]);
    await control(sandbox, "POST", "/payment-methods/declines", { payment_method_id: KENJI_CARD });
    await control(sandbox, "POST", "/reset");
    expect(await dataOf(await subscribe(sandbox, { customerId: KENJI_SATO_ID, productId: PRODUCT_STANDARD_MONTHLY }))).toMatchObject({ status: "active" });
  });
});
