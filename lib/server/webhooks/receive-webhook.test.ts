// The webhook endpoint as RevKeen reaches it: signatures, repeats, order. The embedded database
// (in memory) records the events; Next's cache and after() are stood in for, as no request runs.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SANDBOX_WEBHOOK_SECRET } from "@/lib/env/schema.mjs";
import { cachedAnswer, keepAnswer } from "@/lib/server/entitlements/entitlement-cache";

const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ revalidateTag }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => undefined }));

const SECRET = DEFAULT_SANDBOX_WEBHOOK_SECRET;
const ADA = "7e9551bf-ad22-48d2-9022-2bdb9eda6359";
let receiveWebhook: (request: Request) => Promise<Response>;
let linkedCustomerId: (userId: string) => Promise<string | null>;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
  vi.stubEnv("REVKEEN_API_KEY", "");
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("DATABASE_DIR", "memory");
  ({ receiveWebhook } = await import("./receive-webhook"));
  const { withDatabase } = await import("@/lib/server/database/client");
  const links = await import("@/lib/server/database/billing-links");
  linkedCustomerId = (userId) => withDatabase("test", (db) => links.linkedCustomerId(db, userId));
  // Opens (and migrates) the embedded database once, before the timed tests.
  await linkedCustomerId("warm-up");
}, 120_000);

afterAll(() => {
  vi.unstubAllEnvs();
});

beforeEach(() => revalidateTag.mockClear());

let sequence = 0;
function event(type: string, object: Record<string, unknown>, id = `evt_${(sequence += 1)}_${Date.now()}`) {
  return JSON.stringify({ id, object: "event", type, created: Math.floor(Date.now() / 1000), livemode: false, data: { object } });
}

function sign(body: string, secret = SECRET, at = Math.floor(Date.now() / 1000)): string {
  return `t=${at},v1=${createHmac("sha256", secret).update(`${at}.${body}`).digest("hex")}`;
}

function deliver(body: string, signature: string | null): Promise<Response> {
  return receiveWebhook(
    new Request("http://app.test/api/webhooks/revkeen", {
      method: "POST",
      headers: signature === null ? { "content-type": "application/json" } : { "content-type": "application/json", "x-revkeen-signature": signature },
      body,
    }),
  );
}

describe("receiving a webhook", () => {
  it("handles an event whose signature holds", async () => {
    const body = event("subscription.canceled", { id: "sub", customer_id: ADA, status: "canceled" });
    const response = await deliver(body, sign(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    expect(revalidateTag).toHaveBeenCalledWith(`revkeen:customer:${ADA}`, { expire: 0 });
  });

  it("refuses a missing, wrong or stale signature, a changed body, and does nothing", async () => {
    const body = event("subscription.canceled", { customer_id: ADA });
    const refused = [
      await deliver(body, null),
      await deliver(body, sign(body, "rk_wh_another_secret")),
      await deliver(body, sign(body, SECRET, Math.floor(Date.now() / 1000) - 301)),
      await deliver(body.replace("canceled", "renewed"), sign(body)),
      await deliver(body, "t=abc,v2=xyz"),
    ];
    expect(refused.map((response) => response.status)).toEqual([400, 400, 400, 400, 400]);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("accepts any one of several v1 signatures, as during a secret rotation", async () => {
    const body = event("invoice.paid", { customer_id: ADA });
    const at = Math.floor(Date.now() / 1000);
    const old = sign(body, "rk_wh_the_old_secret", at).split(",")[1];
    const response = await deliver(body, `${sign(body, SECRET, at)},${old}`);
    expect(response.status).toBe(200);
    const reversed = event("invoice.paid", { customer_id: ADA });
    expect((await deliver(reversed, `t=${at},${sign(reversed, "rk_wh_the_old_secret", at).split(",")[1]},${sign(reversed, SECRET, at).split(",")[1]}`)).status).toBe(200);
  });

  it("handles a repeated delivery once, and still answers 2xx", async () => {
    const body = event("subscription.updated", { customer_id: ADA }, "evt_repeated_once");
    expect((await deliver(body, sign(body))).status).toBe(200);
    const again = await deliver(body, sign(body));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(revalidateTag).toHaveBeenCalledTimes(1);
  });

  it("drops a customer's cache when the customer is updated", async () => {
    const body = event("customer.updated", { id: ADA, object: "customer", email: "ada@example.com" });
    expect((await deliver(body, sign(body))).status).toBe(200);
    expect(revalidateTag).toHaveBeenCalledWith(`revkeen:customer:${ADA}`, { expire: 0 });
  });

  it("acknowledges and ignores an event type it has no use for", async () => {
    const body = event("meter.created", { id: "meter" });
    expect((await deliver(body, sign(body))).status).toBe(200);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("links a customer created elsewhere to the user its metadata names, and the first link stays", async () => {
    const customer = "0b5a7e1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d";
    const body = event("customer.created", { id: customer, email: "checkout@example.com", metadata: { app_user_id: "github:99" } });
    expect((await deliver(body, sign(body))).status).toBe(200);
    expect(await linkedCustomerId("github:99")).toBe(customer);
    // A later (or older, out of order) event naming another customer for the same user changes nothing.
    const other = event("customer.created", { id: "1c6b8f2d-3e4a-4b5c-9d6e-7f8a9b0c1d2e", email: "other@example.com", metadata: { app_user_id: "github:99" } });
    expect((await deliver(other, sign(other))).status).toBe(200);
    expect(await linkedCustomerId("github:99")).toBe(customer);
  });

  it("drops a deleted customer's caches, the answers of entitlement checks included", async () => {
    keepAnswer(ADA, "pro-reports", true, Date.now() - 1);
    expect(cachedAnswer(ADA, "pro-reports")).toBe(true);
    const body = event("customer.deleted", { id: ADA, object: "customer", deleted: true });
    expect((await deliver(body, sign(body))).status).toBe(200);
    expect(revalidateTag).toHaveBeenCalledWith(`revkeen:customer:${ADA}`, { expire: 0 });
    expect(cachedAnswer(ADA, "pro-reports")).toBeUndefined();
  });

  it("keeps no state from events: an older event arriving after a newer one only drops the cache again", async () => {
    const newer = event("subscription.canceled", { customer_id: ADA, status: "canceled" });
    const older = JSON.stringify({ ...JSON.parse(event("subscription.updated", { customer_id: ADA, status: "active" })), created: 1 });
    await deliver(newer, sign(newer));
    await deliver(older, sign(older));
    expect(revalidateTag.mock.calls).toEqual([
      [`revkeen:customer:${ADA}`, { expire: 0 }],
      [`revkeen:customer:${ADA}`, { expire: 0 }],
    ]);
  });
});

describe("without a webhook secret", () => {
  it("answers 503 in test or live mode, and handles nothing", async () => {
    vi.resetModules();
    vi.stubEnv("REVKEEN_API_KEY", "rk_sandbox_abc");
    vi.stubEnv("REVKEEN_WEBHOOK_SECRET", "");
    const { receiveWebhook: unconfigured } = await import("./receive-webhook");
    const body = event("subscription.canceled", { customer_id: ADA });
    expect((await unconfigured(new Request("http://app.test/", { method: "POST", body, headers: { "x-revkeen-signature": sign(body) } }))).status).toBe(503);
    expect(revalidateTag).not.toHaveBeenCalled();
  });
});
