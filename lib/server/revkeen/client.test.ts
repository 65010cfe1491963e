// The upstream client against the in-process sandbox: every answer RevKeen can give becomes the
// app's own type or a PortalError with a stable code.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { ADA_LOVELACE_ID, KENJI_SATO_ID } from "@/lib/sandbox/seed";
import { callCount, controlSandbox, portalErrorCode } from "@/lib/testing/sandbox-under-test";
import { createSandbox, type Sandbox } from "@/lib/sandbox/sandbox";

process.env.AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
process.env.REVKEEN_API_KEY = "";
process.env.REVKEEN_TIMEOUT_MS = "300";

const client = await import("./client");
const { inProcessSandbox } = await import("@/lib/sandbox/in-process-sandbox");

const SANDBOX = Symbol.for("revkeen-portal-starter.in-process-sandbox");
let sandbox: Sandbox;

const control = <T = unknown>(method: string, path: string, body?: unknown) => controlSandbox<T>(sandbox, method, path, body);
const calls = (operation: string) => callCount(sandbox, operation);

const mint = (customerId = ADA_LOVELACE_ID) => client.createPortalSession({ customerId, idempotencyKey: randomUUID() });

beforeAll(() => {
  sandbox = inProcessSandbox();
});

beforeEach(() => sandbox.reset());

describe("minting a portal session", () => {
  it("returns a token that opens the customer's portal, in every documented response shape", async () => {
    for (const shape of ["reference", "sdk", "token"]) {
      await control("POST", "settings", { session_shape: shape });
      const session = await mint();
      expect(session.token).toMatch(/^rkcps_/);
      expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
      expect((await client.getCustomer(session.token)).name).toBe("Ada Lovelace");
    }
  });

  it("asks for the configured lifetime", async () => {
    const session = await client.createPortalSession({ customerId: ADA_LOVELACE_ID, ttlMinutes: 5, idempotencyKey: randomUUID() });
    expect(session.expiresAt.getTime()).toBeLessThan(Date.now() + 6 * 60_000);
  });

  it("calls a response without a token an upstream failure", async () => {
    await control("POST", "settings", { session_shape: "tokenless" });
    expect(await portalErrorCode(mint())).toBe("upstream:unavailable");
  });

  it("says a customer unknown to RevKeen has no billing account", async () => {
    expect(await portalErrorCode(mint(randomUUID()))).toBe("portal:no_account");
    expect(await portalErrorCode(mint("not-a-uuid"))).toBe("portal:no_account");
  });

  it("says the server's key is not accepted when RevKeen refuses it", async () => {
    const holder = globalThis as { [SANDBOX]?: Sandbox };
    holder[SANDBOX] = createSandbox({ apiKey: "rk_sandbox_some_other_key" });
    try {
      expect(await portalErrorCode(mint())).toBe("upstream:rejected_key");
    } finally {
      holder[SANDBOX] = sandbox;
    }
  });

  it("retries once, with the same Idempotency-Key, after a server error or a dropped connection", async () => {
    await control("POST", "faults", { operation: "sessions.create", status: 503, count: 1 });
    await expect(mint()).resolves.toHaveProperty("token");
    await control("POST", "faults", { operation: "sessions.create", drop: true, count: 1 });
    await expect(mint()).resolves.toHaveProperty("token");
    expect(await calls("sessions.create")).toBe(4);
  });

  it("gives up after one retry", async () => {
    await control("POST", "faults", { operation: "sessions.create", status: 500, count: 2 });
    expect(await portalErrorCode(mint())).toBe("upstream:unavailable");
    expect(await calls("sessions.create")).toBe(2);
  });
});

describe("reading the portal", () => {
  let token: string;
  beforeEach(async () => {
    token = (await mint()).token;
  });

  it("reads the customer, their subscriptions and their invoices with cursor paging", async () => {
    expect((await client.getCustomer(token)).locale).toBe("en-GB");
    const subscriptions = await client.listSubscriptions(token);
    expect(subscriptions.data.length).toBeGreaterThan(3);
    const first = await client.listInvoices(token, { limit: 10 });
    expect(first.data).toHaveLength(10);
    expect(first.has_more).toBe(true);
    const second = await client.listInvoices(token, { limit: 10, starting_after: first.data.at(-1)?.id });
    expect(second.data[0]?.id).not.toBe(first.data[0]?.id);
    const back = await client.listInvoices(token, { limit: 10, ending_before: second.data[0]?.id });
    expect(back.data.map((invoice) => invoice.id)).toEqual(first.data.map((invoice) => invoice.id));
    const invoice = await client.getInvoice(token, first.data[0]?.id ?? "");
    expect(invoice.id).toBe(first.data[0]?.id);
  });

  it("calls another customer's subscription not found, like a missing one", async () => {
    const kenji = (await mint(KENJI_SATO_ID)).token;
    const theirs = (await client.listSubscriptions(kenji)).data[0]?.id ?? "";
    expect(await portalErrorCode(client.getSubscription(token, theirs))).toBe("subscription:not_found");
    expect(await portalErrorCode(client.getSubscription(token, randomUUID()))).toBe("subscription:not_found");
  });

  it("refuses a malformed id without calling RevKeen", async () => {
    await control("DELETE", "calls");
    expect(await portalErrorCode(client.getSubscription(token, "../invoices"))).toBe("subscription:not_found");
    expect(await portalErrorCode(client.getInvoice(token, "%2e%2e"))).toBe("invoice:not_found");
    expect((await control<{ total: number }>("GET", "calls")).total).toBe(0);
  });

  it("calls a refused or expired token expired, so the caller can renew it", async () => {
    await control("POST", "tokens/revoke", {});
    expect(await portalErrorCode(client.getCustomer(token))).toBe("portal:expired");
    const fresh = (await mint()).token;
    await control("POST", "clock", { advance_seconds: 61 * 60 });
    expect(await portalErrorCode(client.getCustomer(fresh))).toBe("portal:expired");
  });

  it("passes on a rate limit with its Retry-After, without retrying", async () => {
    await control("DELETE", "calls");
    await control("POST", "faults", { operation: "invoices.list", status: 429, retry_after: 7 });
    const error = await client.listInvoices(token).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PortalError);
    expect((error as PortalError).code).toBe("upstream:rate_limited");
    expect((error as PortalError).retryAfter).toBe(7);
    expect(await calls("invoices.list")).toBe(1);
  });

  it("survives malformed JSON and slow answers as an upstream failure", async () => {
    await control("POST", "faults", { operation: "customer.get", malformed: true, count: 2 });
    expect(await portalErrorCode(client.getCustomer(token))).toBe("upstream:unavailable");
    await control("POST", "faults", { operation: "customer.get", delay_ms: 2_000 });
    expect(await portalErrorCode(client.getCustomer(token))).toBe("upstream:unavailable");
  });
});

describe("cancelling a subscription", () => {
  let token: string;
  let activeId: string;
  beforeEach(async () => {
    token = (await mint()).token;
    const subscriptions = (await client.listSubscriptions(token)).data;
    activeId = subscriptions.find((subscription) => subscription.status === "active" && subscription.cancel_at === null)?.id ?? "";
  });

  it("cancels at the end of the period by default, and now when asked", async () => {
    const scheduled = await client.cancelSubscription(token, activeId, {}, randomUUID());
    expect(scheduled.status).toBe("active");
    expect(scheduled.cancel_at).toBe(scheduled.current_period_end);
    const now = await client.cancelSubscription(token, activeId, { cancel_at_period_end: false, reason: "Too pricey" }, randomUUID());
    expect(now.status).toBe("canceled");
    expect(now.canceled_at).not.toBeNull();
  });

  it("cancels once when the first attempt fails and the retry reuses the key", async () => {
    await control("DELETE", "calls");
    await control("POST", "faults", { operation: "subscriptions.cancel", status: 502, count: 1 });
    const key = randomUUID();
    const canceled = await client.cancelSubscription(token, activeId, { cancel_at_period_end: false }, key);
    expect(canceled.status).toBe("canceled");
    const again = await client.cancelSubscription(token, activeId, { cancel_at_period_end: false }, key);
    expect(again.canceled_at).toBe(canceled.canceled_at);
    expect(await calls("subscriptions.cancel")).toBe(3);
  });

  it("refuses an Idempotency-Key that is not a UUID as request:invalid, without calling RevKeen", async () => {
    await control("DELETE", "calls");
    for (const key of ["key\nforged: 1", "not-a-uuid", "a".repeat(300)]) {
      expect(await portalErrorCode(client.cancelSubscription(token, activeId, {}, key))).toBe("request:invalid");
    }
    expect(await calls("subscriptions.cancel")).toBe(0);
  });

  it("calls the same key with another body a conflict", async () => {
    const key = randomUUID();
    await client.cancelSubscription(token, activeId, {}, key);
    expect(await portalErrorCode(client.cancelSubscription(token, activeId, { cancel_at_period_end: false }, key))).toBe("upstream:conflict");
  });
});

afterEach(async () => {
  await control("DELETE", "faults");
});

describe("creating a customer", () => {
  const create = (email: string, key = randomUUID()) => client.createCustomer({ email, name: "New Person", metadata: { app_user_id: "github:42" }, idempotencyKey: key });

  it("creates one with the user's id in its metadata, and one only for a repeated key", async () => {
    const key = randomUUID();
    const first = await create("new@example.com", key);
    expect(first).toMatchObject({ email: "new@example.com", name: "New Person", metadata: { app_user_id: "github:42" } });
    expect((await create("new@example.com", key)).id).toBe(first.id);
    expect(await calls("customers.create")).toBe(2);
  });

  it("says an e-mail already has a customer as portal:email_taken, never linking to it", async () => {
    await create("taken@example.com");
    expect(await portalErrorCode(create("taken@example.com"))).toBe("portal:email_taken");
    expect(await portalErrorCode(create("ada@example.com"))).toBe("portal:email_taken");
  });

  it("retries a failed create once under the same key", async () => {
    await control("POST", "faults", { operation: "customers.create", status: 503, count: 1 });
    expect((await create("retried@example.com")).email).toBe("retried@example.com");
    expect(await calls("customers.create")).toBe(2);
  });
});
