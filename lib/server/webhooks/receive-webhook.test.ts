// The webhook endpoint as RevKeen reaches it: signatures, repeats, order, links. The embedded
// database (in memory) records the events; Next's revalidateTag is stood in for, as no request runs.
import { createHmac, hkdfSync, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Sandbox } from "@/lib/sandbox/entry/sandbox";
import { controlSandbox } from "@/lib/testing/sandbox-under-test";
import { cachedAnswer, keepAnswer } from "@/lib/server/entitlements/entitlement-cache";

const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ revalidateTag }));

/** Where the in-process sandbox delivers its webhooks; the tests route it to receiveWebhook. */
const APP_WEBHOOK_URL = "http://app.test/api/webhooks/revkeen";
const ADA = "7e9551bf-ad22-48d2-9022-2bdb9eda6359";
/** The secret the app checks (sandbox mode: derived from AUTH_SECRET); RevKeen's stand-in signs with it. */
let SECRET: string;
let receiveWebhook: (request: Request) => Promise<Response>;
let billingLinkMetadata: (userId: string) => { app_user_id: string; app_user_sig: string };
let linkedCustomerId: (userId: string) => Promise<string | null>;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
  vi.stubEnv("REVKEEN_API_KEY", "");
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("DATABASE_DIR", "memory");
  vi.stubEnv("SANDBOX_WEBHOOK_URL", APP_WEBHOOK_URL);
  ({ receiveWebhook } = await import("./receive-webhook"));
  SECRET = (await import("./webhook-secret")).webhookSecret() ?? "";
  ({ billingLinkMetadata } = await import("@/lib/server/billing-account/billing-link-metadata"));
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

/** A link signature made as this app makes them, under another AUTH_SECRET. */
function signedUnder(authSecret: string, userId: string): string {
  const key = hkdfSync("sha256", authSecret, "revkeen-portal-starter", "billing-link app_user_sig v1", 32);
  return createHmac("sha256", Buffer.from(key)).update(userId).digest("hex");
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

  it.each(["invoice.paid", "checkout.session.completed", "payment.succeeded"])("drops the paying customer's cache on %s", async (type) => {
    const body = event(type, { id: "cs_or_in_1", customer_id: ADA, status: "complete" }, `evt_${type}`);
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
    const body = event("customer.created", { id: customer, email: "checkout@example.com", metadata: billingLinkMetadata("github:99") });
    expect((await deliver(body, sign(body))).status).toBe(200);
    expect(await linkedCustomerId("github:99")).toBe(customer);
    // A later (or older, out of order) event naming another customer for the same user changes nothing.
    const other = event("customer.created", { id: "1c6b8f2d-3e4a-4b5c-9d6e-7f8a9b0c1d2e", email: "other@example.com", metadata: billingLinkMetadata("github:99") });
    expect((await deliver(other, sign(other))).status).toBe(200);
    expect(await linkedCustomerId("github:99")).toBe(customer);
  });

  it("refuses a body over 256 KiB with 413, signed or not, and reads none of one whose Content-Length says so", async () => {
    const large = event("subscription.canceled", { customer_id: ADA, padding: "x".repeat(256 * 1024) });
    const refused = await deliver(large, sign(large));
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({ error: "The webhook is too large." });

    let pulled = 0;
    const megabyte = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled === 1024) return controller.close();
          pulled += 1;
          controller.enqueue(new Uint8Array(1024));
        },
      },
      { highWaterMark: 0 },
    );
    const declared = await receiveWebhook(
      new Request("http://app.test/api/webhooks/revkeen", {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(1024 ** 3), "x-revkeen-signature": sign("{}") },
        body: megabyte,
        duplex: "half",
      } as RequestInit),
    );
    expect(declared.status).toBe(413);
    expect(pulled).toBe(0);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("links nobody from a customer whose metadata names a user without this app's signature of that id", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const forged = "9f".repeat(32);
    const attempts = [
      { app_user_id: "github:victim" },
      { app_user_id: "github:victim", app_user_sig: forged },
      { app_user_id: "github:victim", app_user_sig: "" },
      { app_user_id: "github:victim", app_user_sig: 42 },
      { app_user_id: "github:victim", app_user_sig: billingLinkMetadata("github:attacker").app_user_sig },
      { app_user_id: "github:victim", app_user_sig: signedUnder("another-auth-secret-that-is-long-enough-456", "github:victim") },
      { app_user_id: "github:victim", app_user_sig: `${billingLinkMetadata("github:victim").app_user_sig}00` },
    ];
    for (const metadata of attempts) {
      const body = event("customer.created", { id: randomUUID(), email: "attacker@example.com", metadata });
      expect((await deliver(body, sign(body))).status).toBe(200);
    }
    expect(await linkedCustomerId("github:victim")).toBeNull();
    const lines = warn.mock.calls.map(([line]) => String(line)).filter((line) => line.includes("webhook.unsigned_link"));
    expect(lines).toHaveLength(attempts.length);
    for (const line of lines) expect(line).not.toContain(forged);
    warn.mockRestore();
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

describe("webhooks from the in-process sandbox (a keyless deployment)", () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    // The sandbox delivers over HTTP to the app's own route: here, straight to it.
    vi.stubGlobal("fetch", (url: string, init: RequestInit) => receiveWebhook(new Request(url, init)));
    sandbox = (await import("@/lib/sandbox/entry/in-process-sandbox")).inProcessSandbox();
  });

  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it("are not signed with the secret this repository once published: a delivery signed with that is refused", async () => {
    const body = event("customer.created", { id: randomUUID(), metadata: { app_user_id: "github:published" } });
    const response = await deliver(body, sign(body, "rk_wh_sandbox_portal_starter_demo"));
    expect(response.status).toBe(400);
    expect(await linkedCustomerId("github:published")).toBeNull();
  });

  it("are verified, and a customer created at a checkout with billingLinkMetadata is linked to its user", async () => {
    const { createCustomer } = await import("@/lib/server/revkeen-api/merchant");
    const customer = await createCustomer({ email: "checkout-buyer@example.com", metadata: billingLinkMetadata("github:checkout"), idempotencyKey: randomUUID() });
    await sandbox.webhooksSettled();
    const [delivery] = await controlSandbox<{ event_type: string; attempts: { status: number | null }[] }[]>(sandbox, "GET", "webhooks");
    expect(delivery).toMatchObject({ event_type: "customer.created", attempts: [{ status: 200 }] });
    expect(await linkedCustomerId("github:checkout")).toBe(customer.id);
  });

  it("name the user of a customer this app creates with its signature, so the customer.created webhook links that same user", async () => {
    const { createCustomerFor } = await import("@/lib/server/billing-account/create-customer");
    const { signedLinkUserId } = await import("@/lib/server/billing-account/billing-link-metadata");
    const customerId = await createCustomerFor({ id: "github:own", email: "own@example.com", emailVerified: true, name: "Own User" });
    await sandbox.webhooksSettled();
    const customers = await controlSandbox<{ id: string; metadata: unknown }[]>(sandbox, "GET", "customers");
    expect(signedLinkUserId(customers.find((candidate) => candidate.id === customerId)?.metadata)).toBe("github:own");
    expect(await linkedCustomerId("github:own")).toBe(customerId);
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
