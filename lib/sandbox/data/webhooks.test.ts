import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ADA_PRO } from "./seed";
import { control, dataOf, DAY_MS, mintToken, portal, setupWithWebhooks, WEBHOOK_SECRET } from "../entry/test-support";
import type { Delivery } from "./webhooks";

type Received = { headers: Record<string, string>; body: string };

let server: Server | null = null;

/**
 * A webhook endpoint on loopback, as a receiver behaves: 400 for a signature that does not verify,
 * else the next status of `statuses` (200 once they run out).
 */
async function endpoint(statuses: number[] = []): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      const delivery = { headers: req.headers as Record<string, string>, body };
      received.push(delivery);
      res.writeHead(verify(delivery) ? (statuses.shift() ?? 200) : 400).end();
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

function verify(received: Received, secret = WEBHOOK_SECRET): boolean {
  const header = received.headers["x-revkeen-signature"] ?? "";
  const t = /t=(\d+)/.exec(header)?.[1];
  const expected = createHmac("sha256", secret).update(`${t}.${received.body}`).digest("hex");
  return header.split(",").some((part) => part === `v1=${expected}`);
}

const typesOf = (received: Received[]) => received.map((entry) => (JSON.parse(entry.body) as { type: string }).type);

describe("the sandbox's webhooks", () => {
  it("tell the app of a reset: customer.updated for every demo customer, delivered before the reset answers", async () => {
    const hook = await endpoint();
    const { sandbox } = setupWithWebhooks(hook.url);
    const reset = await control(sandbox, "POST", "/reset");
    expect(reset.status).toBe(200);
    const customers = (await dataOf<{ id: string }[]>(await control(sandbox, "GET", "/customers"))).map((customer) => customer.id);
    expect(typesOf(hook.received)).toEqual(customers.map(() => "customer.updated"));
    const ids = hook.received.map((entry) => (JSON.parse(entry.body) as { data: { object: { id: string } } }).data.object.id);
    expect(ids.toSorted()).toEqual(customers.toSorted());
  });

  it("sends a signed event for a scheduled cancel, with the subscription and its customer", async () => {
    const hook = await endpoint();
    const { sandbox } = setupWithWebhooks(hook.url);
    const token = await mintToken(sandbox);
    await portal(sandbox, token, `/subscriptions/${ADA_PRO}/cancel`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    await sandbox.webhooksSettled();
    expect(hook.received).toHaveLength(1);
    const [delivery] = hook.received;
    expect(verify(delivery as Received)).toBe(true);
    const event = JSON.parse(delivery?.body ?? "{}") as { id: string; type: string; data: { object: { id: string; customer_id: string; cancel_at: string }; previous_attributes: unknown } };
    expect(event.type).toBe("subscription.updated");
    expect(delivery?.headers["x-revkeen-event-id"]).toBe(event.id);
    expect(event.data.object).toMatchObject({ id: ADA_PRO, cancel_at: expect.any(String) });
    expect(event.data.previous_attributes).toEqual({ cancel_at: null });
  });

  it("sends subscription.canceled for a cancel now, and nothing for a cancel that changes nothing", async () => {
    const hook = await endpoint();
    const { sandbox } = setupWithWebhooks(hook.url);
    const token = await mintToken(sandbox);
    const cancelNow = () => portal(sandbox, token, `/subscriptions/${ADA_PRO}/cancel`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"cancel_at_period_end":false}' });
    await cancelNow();
    await cancelNow();
    await sandbox.webhooksSettled();
    expect(typesOf(hook.received)).toEqual(["subscription.canceled"]);
  });

  it("bills a renewed period when the clock passes it: subscription.renewed, invoice.created, invoice.paid", async () => {
    const hook = await endpoint();
    const { sandbox } = setupWithWebhooks(hook.url);
    const token = await mintToken(sandbox);
    const before = ((await (await portal(sandbox, token, "/invoices?limit=100")).json()) as { data: unknown[] }).data.length;
    await control(sandbox, "POST", "/clock", { advance_seconds: (31 * DAY_MS) / 1000 });
    await sandbox.webhooksSettled();
    expect(typesOf(hook.received)).toEqual(expect.arrayContaining(["subscription.renewed", "invoice.created", "invoice.paid"]));
    const renewed = hook.received.map((entry) => JSON.parse(entry.body) as { type: string; data: { object: { id: string } } }).find((event) => event.type === "subscription.renewed" && event.data.object.id === ADA_PRO);
    expect(renewed).toBeDefined();
    const token2 = await mintToken(sandbox);
    const after = ((await (await portal(sandbox, token2, "/invoices?limit=100")).json()) as { data: { invoice_number: string }[] }).data;
    expect(after.length).toBeGreaterThan(before);
    expect(after[0]?.invoice_number).toMatch(/^ADA-00\d\d$/);
  });

  it("retries a failed delivery with backoff until the endpoint answers 2xx", async () => {
    const hook = await endpoint([500, 503]);
    const { sandbox } = setupWithWebhooks(hook.url);
    await sandbox.handle(new Request("http://sandbox.test/v2/customers", { method: "POST", headers: { "x-api-key": "rk_sandbox_portal_starter_demo", "content-type": "application/json" }, body: '{"email":"hook@example.com"}' }));
    await sandbox.webhooksSettled();
    expect(hook.received).toHaveLength(3);
    const [delivery] = await dataOf<Delivery[]>(await control(sandbox, "GET", "/webhooks"));
    expect(delivery).toMatchObject({ event_type: "customer.created", state: "delivered" });
    expect(delivery?.attempts.map((attempt) => attempt.status)).toEqual([500, 503, 200]);
  });

  it("gives up after its last attempt and says so", async () => {
    const hook = await endpoint([500, 500, 500, 500]);
    const { sandbox } = setupWithWebhooks(hook.url);
    await sandbox.handle(new Request("http://sandbox.test/v2/customers", { method: "POST", headers: { "x-api-key": "rk_sandbox_portal_starter_demo", "content-type": "application/json" }, body: '{"email":"gives-up@example.com"}' }));
    await sandbox.webhooksSettled();
    const [delivery] = await dataOf<Delivery[]>(await control(sandbox, "GET", "/webhooks"));
    expect(delivery?.state).toBe("failed");
    expect(delivery?.attempts).toHaveLength(4);
  });

  it("plays each delivery fault: a duplicate, a wrong signature, the endpoint down, an event out of order", async () => {
    const hook = await endpoint();
    const { sandbox } = setupWithWebhooks(hook.url);
    const create = (email: string) =>
      sandbox.handle(new Request("http://sandbox.test/v2/customers", { method: "POST", headers: { "x-api-key": "rk_sandbox_portal_starter_demo", "content-type": "application/json" }, body: JSON.stringify({ email }) }));

    await control(sandbox, "POST", "/webhooks/faults", { kind: "duplicate" });
    await create("one@example.com");
    await sandbox.webhooksSettled();
    expect(hook.received).toHaveLength(2);
    expect(hook.received[0]?.headers["x-revkeen-event-id"]).toBe(hook.received[1]?.headers["x-revkeen-event-id"]);

    hook.received.length = 0;
    await control(sandbox, "POST", "/webhooks/faults", { kind: "bad_signature" });
    await create("two@example.com");
    await sandbox.webhooksSettled();
    expect(hook.received.map((entry) => verify(entry))).toEqual([false, true]);

    hook.received.length = 0;
    await control(sandbox, "POST", "/webhooks/faults", { kind: "endpoint_down", count: 2 });
    await create("three@example.com");
    await sandbox.webhooksSettled();
    expect(hook.received).toHaveLength(1);
    const [down] = await dataOf<Delivery[]>(await control(sandbox, "GET", "/webhooks"));
    expect(down?.attempts.map((attempt) => attempt.fault)).toEqual(["endpoint_down", "endpoint_down", null]);

    hook.received.length = 0;
    await control(sandbox, "POST", "/webhooks/faults", { kind: "out_of_order" });
    await create("first@example.com");
    await create("second@example.com");
    await sandbox.webhooksSettled();
    const emails = hook.received.map((entry) => (JSON.parse(entry.body) as { data: { object: { email: string } } }).data.object.email);
    expect(emails).toEqual(["second@example.com", "first@example.com"]);
  });

  it("resends a delivery on request, under the same event id", async () => {
    const hook = await endpoint();
    const { sandbox } = setupWithWebhooks(hook.url);
    await sandbox.handle(new Request("http://sandbox.test/v2/customers", { method: "POST", headers: { "x-api-key": "rk_sandbox_portal_starter_demo", "content-type": "application/json" }, body: '{"email":"again@example.com"}' }));
    await sandbox.webhooksSettled();
    const [delivery] = await dataOf<Delivery[]>(await control(sandbox, "GET", "/webhooks"));
    expect((await control(sandbox, "POST", `/webhooks/${delivery?.id}/resend`)).status).toBe(202);
    await sandbox.webhooksSettled();
    expect(hook.received.map((entry) => entry.headers["x-revkeen-event-id"])).toEqual([delivery?.id, delivery?.id]);
    expect((await control(sandbox, "POST", "/webhooks/evt_nothing/resend")).status).toBe(404);
  });

  it("keeps deliveries waiting when no endpoint is set", async () => {
    const { sandbox } = setupWithWebhooks(null);
    await sandbox.handle(new Request("http://sandbox.test/v2/customers", { method: "POST", headers: { "x-api-key": "rk_sandbox_portal_starter_demo", "content-type": "application/json" }, body: '{"email":"nowhere@example.com"}' }));
    await sandbox.webhooksSettled();
    const [delivery] = await dataOf<Delivery[]>(await control(sandbox, "GET", "/webhooks"));
    expect(delivery).toMatchObject({ state: "no_endpoint", attempts: [] });
  });
});
