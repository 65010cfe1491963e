// RevKeen's hosted checkout page as the sandbox plays it, over real HTTP against the standalone
// server: what it shows, its three buttons and what each changes, and what it refuses.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADA_BACKUP, ADA_BACKUP_INVOICE, ADA_LOVELACE_ID, createSeed, EMILIE_DU_CHATELET_ID, KENJI_SATO_ID } from "../data/seed";
import { deterministicUuid } from "../data/ids";
import type { Delivery } from "../data/webhooks";
import { startSandboxServer, type SandboxServer } from "../entry/http-server";
import { createSandbox } from "../entry/sandbox";
import { DAY_MS, fakeClock, type FakeClock, MERCHANT_KEY, START } from "../entry/test-support";
import type { SeedData } from "../data/records";

const SUCCESS = "http://127.0.0.1:1/portal/invoices/paid";
const CANCEL = "http://127.0.0.1:1/portal/invoices";
const KENJI_INVOICE = deterministicUuid("invoice:kenji:monthly:0");
const EMILIE_INVOICE = deterministicUuid("invoice:emilie:yearly:0");

let server: SandboxServer;
let clock: FakeClock;

/** The demo data, with one of Kenji's and one of Émilie's invoices still to pay. */
function seedWithForeignInvoicesOpen(now: number): SeedData {
  const seed = createSeed(now);
  for (const record of seed.invoices) {
    if (record.invoice.id === KENJI_INVOICE || record.invoice.id === EMILIE_INVOICE) {
      Object.assign(record.invoice, { status: "open", amount_paid: 0, amount_due: record.invoice.total, paid_at: null });
    }
  }
  return seed;
}

beforeEach(async () => {
  clock = fakeClock();
  server = await startSandboxServer({ port: 0, sandbox: createSandbox({ clock: clock.now, seed: seedWithForeignInvoicesOpen }) });
});

afterEach(() => server.close());

interface Session {
  id: string;
  url: string;
  public_token: string;
}

async function createSession(body: Record<string, unknown> = { invoiceId: ADA_BACKUP_INVOICE, successUrl: SUCCESS, cancelUrl: CANCEL }): Promise<Session> {
  const response = await fetch(`${server.url}/v2/checkout-sessions`, {
    method: "POST",
    headers: { "x-api-key": MERCHANT_KEY, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { data: Session }).data;
}

async function merchantView(id: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}/v2/checkout-sessions/${id}`, { headers: { "x-api-key": MERCHANT_KEY } });
  return ((await response.json()) as { data: Record<string, unknown> }).data;
}

/** The invoice as its customer's portal shows it. */
async function invoice(id: string, customerId = ADA_LOVELACE_ID): Promise<Record<string, unknown>> {
  const minted = await fetch(`${server.url}/v2/customer-portal/sessions`, {
    method: "POST",
    headers: { "x-api-key": MERCHANT_KEY, "content-type": "application/json" },
    body: JSON.stringify({ customer_id: customerId }),
  });
  const token = new URL(((await minted.json()) as { data: { url: string } }).data.url).searchParams.get("token") ?? "";
  const response = await fetch(`${server.url}/v2/customer-portal/invoices/${id}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { data: Record<string, unknown> }).data;
}

/** The subscription as the merchant's API shows it, with its dunning. */
async function merchantSubscription(id: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}/v2/subscriptions/${id}`, { headers: { "x-api-key": MERCHANT_KEY } });
  return ((await response.json()) as { data: Record<string, unknown> }).data;
}

async function subscription(id: string): Promise<Record<string, unknown>> {
  const minted = await fetch(`${server.url}/v2/customer-portal/sessions`, {
    method: "POST",
    headers: { "x-api-key": MERCHANT_KEY, "content-type": "application/json" },
    body: JSON.stringify({ customer_id: ADA_LOVELACE_ID }),
  });
  const token = new URL(((await minted.json()) as { data: { url: string } }).data.url).searchParams.get("token") ?? "";
  const response = await fetch(`${server.url}/v2/customer-portal/subscriptions/${id}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { data: Record<string, unknown> }).data;
}

/** The webhooks sent so far, oldest first. */
async function events(): Promise<Delivery["event"][]> {
  const response = await fetch(`${server.url}/__sandbox/webhooks`);
  return ((await response.json()) as { data: Delivery[] }).data.map((delivery) => delivery.event).reverse();
}

/** A press of one of the page's buttons, as a browser on the page sends it. */
function press(url: string, action: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(url).origin, "sec-fetch-site": "same-origin", ...headers },
    body: new URLSearchParams({ action }).toString(),
    redirect: "manual",
  });
}

describe("the hosted checkout page", () => {
  it("shows whom the customer pays and what, in their locale, with three labelled buttons and no script", async () => {
    const session = await createSession();
    const response = await fetch(session.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain("<h1>Pay Acme</h1>");
    expect(html).toContain(`<dt>Invoice</dt><dd>${String((await invoice(ADA_BACKUP_INVOICE)).invoice_number)}</dd>`);
    expect(html).toContain("<dt>Billed to</dt><dd>Ada Lovelace</dd>");
    expect(html).toContain('<dt>Amount due</dt><dd class="amount">£30.00</dd>');
    expect([...html.matchAll(/<button type="submit" name="action" value="(\w+)">([^<]+)<\/button>/g)].map((match) => [match[1], match[2]])).toEqual([
      ["pay", "Pay"],
      ["decline", "Pay with a card that is declined"],
      ["cancel", "Cancel"],
    ]);
    expect(html).toContain(`<form method="post" action="${new URL(session.url).pathname}">`);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain(session.public_token);
  });

  it.each([
    [KENJI_SATO_ID, KENJI_INVOICE, "￥1,078", "佐藤 健二"],
    [EMILIE_DU_CHATELET_ID, EMILIE_INVOICE, "118,80\u00a0€", "Émilie du Châtelet"],
  ])("formats the amount in the customer's own locale (%s)", async (_customer, invoiceId, amount, name) => {
    const session = await createSession({ invoiceId });
    const html = await (await fetch(session.url)).text();
    expect(html).toContain(`<dd class="amount">${amount}</dd>`);
    expect(html).toContain(`<dd>${name}</dd>`);
  });

  it("sets headers of its own: a policy allowing its stylesheet and forms to the return addresses, and no referrer", async () => {
    const session = await createSession();
    const response = await fetch(session.url);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; form-action 'self' http:\/\/127\.0\.0\.1:1; frame-ancestors 'none'; base-uri 'none'$/);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it('"Pay" settles the invoice, brings its past-due plan back, completes the session, sends the events and returns to the success address', async () => {
    const session = await createSession();
    const before = await invoice(ADA_BACKUP_INVOICE);
    expect(await merchantSubscription(ADA_BACKUP)).toMatchObject({ status: "past_due", dunning: { is_in_dunning: true, retry_count: 2 } });
    clock.advance(60_000);
    const response = await press(session.url, "pay");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(SUCCESS);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");

    const paidAt = new Date(START + 60_000).toISOString();
    expect(await invoice(ADA_BACKUP_INVOICE)).toMatchObject({ status: "paid", amount_paid: before.total, amount_due: 0, paid_at: paidAt });
    expect(await subscription(ADA_BACKUP)).toMatchObject({ status: "active" });
    expect(await merchantSubscription(ADA_BACKUP)).toMatchObject({ status: "active", dunning: null });
    const view = await merchantView(session.id);
    expect(view).toMatchObject({ status: "complete", selected_method: "card", payment_intent_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    const sent = await events();
    expect(sent.map((event) => event.type)).toEqual(["checkout.session.completed", "invoice.paid", "payment.succeeded", "subscription.updated"]);
    expect(sent[0]?.data).toMatchObject({ object: { id: session.id, status: "complete", invoice_id: ADA_BACKUP_INVOICE }, previous_attributes: { status: "open" } });
    expect(sent[1]?.data).toMatchObject({ object: { id: ADA_BACKUP_INVOICE, status: "paid", amount_due: 0, customer_id: ADA_LOVELACE_ID, subscription_id: ADA_BACKUP }, previous_attributes: { status: "open", amount_due: before.total } });
    expect(sent[2]?.data.object).toMatchObject({ id: view.payment_intent_id, object: "payment", status: "succeeded", amount_minor: 3000, currency: "GBP", customer_id: ADA_LOVELACE_ID, invoice_id: ADA_BACKUP_INVOICE, checkout_session_id: session.id });
    expect(sent[3]?.data).toMatchObject({ object: { id: ADA_BACKUP, status: "active", customer_id: ADA_LOVELACE_ID }, previous_attributes: { status: "past_due" } });
    expect(JSON.stringify(sent)).not.toContain(session.public_token);
  });

  it("pays once when Pay is pressed twice at once, and sends both presses to the success address", async () => {
    const session = await createSession();
    const [first, second] = await Promise.all([press(session.url, "pay"), press(session.url, "pay")]);
    expect([first?.status, second?.status]).toEqual([303, 303]);
    expect([first?.headers.get("location"), second?.headers.get("location")]).toEqual([SUCCESS, SUCCESS]);
    const types = (await events()).map((event) => event.type);
    expect(types.filter((type) => type === "payment.succeeded")).toHaveLength(1);
    expect(types.filter((type) => type === "invoice.paid")).toHaveLength(1);
  });

  it('"Pay with a card that is declined" changes nothing, says so, sends the failure events, and lets her try again', async () => {
    const session = await createSession();
    const declined = await press(session.url, "decline");
    expect(declined.status).toBe(402);
    const html = await declined.text();
    expect(html).toContain('<p class="alert" role="alert">Your card was declined, and nothing was taken. Try again, or use another card.</p>');
    expect(html).toContain('<button type="submit" name="action" value="pay">Pay</button>');
    expect(await invoice(ADA_BACKUP_INVOICE)).toMatchObject({ status: "open", amount_due: 3000 });
    expect(await merchantView(session.id)).toMatchObject({ status: "open" });
    const failed = await events();
    expect(failed.map((event) => event.type)).toEqual(["invoice.payment_failed", "payment.failed"]);
    expect(failed[1]?.data.object).toMatchObject({ status: "failed", failure_code: "card_declined", invoice_id: ADA_BACKUP_INVOICE });

    expect((await press(session.url, "pay")).status).toBe(303);
    expect(await invoice(ADA_BACKUP_INVOICE)).toMatchObject({ status: "paid" });
  });

  it('"Cancel" goes back to the cancel address and leaves the session open to pay later', async () => {
    const session = await createSession();
    const response = await press(session.url, "cancel");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(CANCEL);
    expect(await merchantView(session.id)).toMatchObject({ status: "open" });
    expect(await invoice(ADA_BACKUP_INVOICE)).toMatchObject({ status: "open" });
    expect(await events()).toEqual([]);
  });

  it("says so on the page itself when the session has no return addresses", async () => {
    const session = await createSession({ amountMinor: 1250, currency: "GBP" });
    const html = await (await fetch(session.url)).text();
    expect(html).toContain('<dt>Amount due</dt><dd class="amount">£12.50</dd>');
    expect(html).not.toContain("Billed to");
    const cancelled = await press(session.url, "cancel");
    expect([cancelled.status, await cancelled.text()]).toEqual([200, expect.stringContaining("<h1>Payment cancelled</h1>")]);
    const paid = await press(session.url, "pay");
    expect([paid.status, await paid.text()]).toEqual([200, expect.stringContaining("<h1>Payment received</h1>")]);
    expect((await events()).map((event) => event.type)).toEqual(["checkout.session.completed", "payment.succeeded"]);
  });

  it("refuses a completed session with a page that says it is paid, and takes nothing more", async () => {
    const session = await createSession();
    await press(session.url, "pay");
    const response = await fetch(session.url);
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain("<h1>This payment is complete</h1>");
    expect(html).toContain(`<a class="link" href="${SUCCESS}">Return to Acme</a>`);
    expect(html).not.toContain("<form");
  });

  it("refuses an expired session, shown or pressed, and takes nothing", async () => {
    const session = await createSession();
    clock.advance(DAY_MS);
    const shown = await fetch(session.url);
    expect(shown.status).toBe(410);
    expect(await shown.text()).toContain("<h1>This checkout has expired</h1>");
    expect((await press(session.url, "pay")).status).toBe(410);
    expect(await invoice(ADA_BACKUP_INVOICE)).toMatchObject({ status: "open" });
    expect((await events()).map((event) => event.type)).toEqual(["checkout.session.expired"]);
  });

  it("takes nothing for an invoice already paid through another session, and expires this one", async () => {
    const first = await createSession();
    const second = await createSession();
    await press(first.url, "pay");
    const response = await press(second.url, "pay");
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("<h1>There is nothing left to pay</h1>");
    expect(await merchantView(second.id)).toMatchObject({ status: "expired", payment_intent_id: null });
    expect((await events()).filter((event) => event.type === "payment.succeeded")).toHaveLength(1);
  });

  it("acts only on the session its own token opens", async () => {
    const ada = await createSession();
    const other = await createSession({ amountMinor: 500, currency: "GBP" });
    await press(other.url, "pay");
    expect(await merchantView(ada.id)).toMatchObject({ status: "open" });
    expect(await invoice(ADA_BACKUP_INVOICE)).toMatchObject({ status: "open" });
  });

  it.each([
    ["an unknown token", "/__sandbox/checkout/cst_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG"],
    ["a malformed token", "/__sandbox/checkout/cst_short"],
    ["the public token", "/__sandbox/checkout/PUBLIC"],
    ["the session's id", "/__sandbox/checkout/ID"],
  ])("answers 404 with a readable page for %s, and takes nothing", async (_what, path) => {
    const session = await createSession();
    const url = `${server.url}${path.replace("PUBLIC", session.public_token).replace("ID", session.id)}`;
    const shown = await fetch(url);
    expect(shown.status).toBe(404);
    expect(await shown.text()).toContain("<h1>This checkout link is not valid</h1>");
    expect((await press(url, "pay")).status).toBe(404);
    expect(await merchantView(session.id)).toMatchObject({ status: "open" });
  });

  it.each([
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site", origin: "http://localhost:1" }],
    ["an Origin of another site", { "sec-fetch-site": "", origin: "https://evil.example" }],
    ["Origin: null from a page that says nothing of where it is", { "sec-fetch-site": "", origin: "null" }],
  ])("refuses a press another site started (%s), and takes nothing", async (_what, headers) => {
    const session = await createSession();
    const response = await press(session.url, "pay", headers);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("<h1>This request was refused</h1>");
    expect(await merchantView(session.id)).toMatchObject({ status: "open" });
    expect(await invoice(ADA_BACKUP_INVOICE)).toMatchObject({ status: "open" });
  });

  it("takes its own form's press as a browser sends it under no-referrer: Origin: null, Sec-Fetch-Site: same-origin", async () => {
    const session = await createSession();
    const response = await press(session.url, "pay", { origin: "null", "sec-fetch-site": "same-origin" });
    expect([response.status, response.headers.get("location")]).toEqual([303, SUCCESS]);
  });

  it("refuses what its buttons do not send: another action, another body, another method", async () => {
    const session = await createSession();
    expect((await press(session.url, "refund")).status).toBe(400);
    const json = await fetch(session.url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"action":"pay"}', redirect: "manual" });
    expect(json.status).toBe(400);
    const put = await fetch(session.url, { method: "PUT" });
    expect([put.status, put.headers.get("allow")]).toEqual([405, "GET, HEAD, POST"]);
    expect(await merchantView(session.id)).toMatchObject({ status: "open" });
  });

  it("never puts its token in the call log", async () => {
    const session = await createSession();
    await fetch(session.url);
    await press(session.url, "pay");
    const calls = await (await fetch(`${server.url}/__sandbox/calls`)).text();
    const token = new URL(session.url).pathname.split("/").pop() ?? "";
    expect(calls).not.toContain(token);
    expect(calls).not.toContain(session.public_token);
  });
});
