// The customer-portal operations against the in-process sandbox: every answer RevKeen can give
// becomes the app's own type or a PortalError with a stable code.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { ADA_LOVELACE_ID, KENJI_SATO_ID } from "@/lib/sandbox/data/seed";
import { callCount, callOutcomes, controlSandbox, portalErrorCode } from "@/lib/testing/sandbox-under-test";
import type { Sandbox } from "@/lib/sandbox/entry/sandbox";

process.env.AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
process.env.REVKEEN_API_KEY = "";
process.env.REVKEEN_TIMEOUT_MS = "300";

const portal = await import("./customer-portal");
const merchant = await import("./merchant");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");

let sandbox: Sandbox;

const control = <T = unknown>(method: string, path: string, body?: unknown) => controlSandbox<T>(sandbox, method, path, body);
const calls = (operation: string) => callCount(sandbox, operation);

const mint = (customerId = ADA_LOVELACE_ID) => merchant.createPortalSession({ customerId, idempotencyKey: randomUUID() });

beforeAll(() => {
  sandbox = inProcessSandbox();
});

beforeEach(() => sandbox.reset());

describe("reading the portal", () => {
  let token: string;
  beforeEach(async () => {
    token = (await mint()).token;
  });

  it("reads the customer, their subscriptions and their invoices with cursor paging", async () => {
    expect((await portal.getCustomer(token)).locale).toBe("en-GB");
    const subscriptions = await portal.listSubscriptions(token);
    expect(subscriptions.data.length).toBeGreaterThan(3);
    const first = await portal.listInvoices(token, { limit: 10 });
    expect(first.data).toHaveLength(10);
    expect(first.has_more).toBe(true);
    const second = await portal.listInvoices(token, { limit: 10, starting_after: first.data.at(-1)?.id });
    expect(second.data[0]?.id).not.toBe(first.data[0]?.id);
    const back = await portal.listInvoices(token, { limit: 10, ending_before: second.data[0]?.id });
    expect(back.data.map((invoice) => invoice.id)).toEqual(first.data.map((invoice) => invoice.id));
    const invoice = await portal.getInvoice(token, first.data[0]?.id ?? "");
    expect(invoice.id).toBe(first.data[0]?.id);
  });

  it("calls another customer's subscription not found, like a missing one", async () => {
    const kenji = (await mint(KENJI_SATO_ID)).token;
    const theirs = (await portal.listSubscriptions(kenji)).data[0]?.id ?? "";
    expect(await portalErrorCode(portal.getSubscription(token, theirs))).toBe("subscription:not_found");
    expect(await portalErrorCode(portal.getSubscription(token, randomUUID()))).toBe("subscription:not_found");
  });

  it("refuses a malformed id without calling RevKeen", async () => {
    await control("DELETE", "calls");
    expect(await portalErrorCode(portal.getSubscription(token, "../invoices"))).toBe("subscription:not_found");
    expect(await portalErrorCode(portal.getInvoice(token, "%2e%2e"))).toBe("invoice:not_found");
    expect((await control<{ total: number }>("GET", "calls")).total).toBe(0);
  });

  it("calls a refused or expired token expired, so the caller can renew it", async () => {
    await control("POST", "tokens/revoke", {});
    expect(await portalErrorCode(portal.getCustomer(token))).toBe("portal:expired");
    const fresh = (await mint()).token;
    await control("POST", "clock", { advance_seconds: 61 * 60 });
    expect(await portalErrorCode(portal.getCustomer(fresh))).toBe("portal:expired");
  });

  it("passes on a rate limit with its Retry-After, without retrying", async () => {
    await control("DELETE", "calls");
    await control("POST", "faults", { operation: "invoices.list", status: 429, retry_after: 7 });
    const error = await portal.listInvoices(token).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PortalError);
    expect((error as PortalError).code).toBe("upstream:rate_limited");
    expect((error as PortalError).retryAfter).toBe(7);
    expect(await calls("invoices.list")).toBe(1);
  });

  // A read is retried once, except after a rate limit or a timeout: the failures the invoice list's
  // error page shows (e2e/faults.spec.ts plays one of them in the browser).
  for (const { name, fault, code, calls: expected } of [
    { name: "a 500", fault: { status: 500, count: 2 }, code: "upstream:unavailable", calls: 2 },
    { name: "a 503", fault: { status: 503, count: 2 }, code: "upstream:unavailable", calls: 2 },
    { name: "a dropped connection", fault: { drop: true, count: 2 }, code: "upstream:unavailable", calls: 2 },
    { name: "a malformed JSON body", fault: { malformed: true, count: 2 }, code: "upstream:unavailable", calls: 2 },
    { name: "an answer slower than the timeout", fault: { delay_ms: 2_000, count: 1 }, code: "upstream:unavailable", calls: 1 },
  ] as const) {
    it(`reports ${name} on the invoice list as ${code} after ${expected} call(s), and the next read works`, async () => {
      await control("DELETE", "calls");
      await control("POST", "faults", { operation: "invoices.list", ...fault });
      expect(await portalErrorCode(portal.listInvoices(token))).toBe(code);
      expect(await calls("invoices.list")).toBe(expected);
      expect((await portal.listInvoices(token)).data.length).toBeGreaterThan(0);
    });
  }

  it("survives malformed JSON and slow answers as an upstream failure", async () => {
    await control("POST", "faults", { operation: "customer.get", malformed: true, count: 2 });
    expect(await portalErrorCode(portal.getCustomer(token))).toBe("upstream:unavailable");
    await control("POST", "faults", { operation: "customer.get", delay_ms: 2_000 });
    expect(await portalErrorCode(portal.getCustomer(token))).toBe("upstream:unavailable");
  });
});

describe("cancelling a subscription", () => {
  let token: string;
  let activeId: string;
  beforeEach(async () => {
    token = (await mint()).token;
    const subscriptions = (await portal.listSubscriptions(token)).data;
    activeId = subscriptions.find((subscription) => subscription.status === "active" && subscription.cancel_at === null)?.id ?? "";
  });

  it("cancels at the end of the period by default, and now when asked", async () => {
    const scheduled = await portal.cancelSubscription(token, activeId, {}, randomUUID());
    expect(scheduled.status).toBe("active");
    expect(scheduled.cancel_at).toBe(scheduled.current_period_end);
    const now = await portal.cancelSubscription(token, activeId, { cancel_at_period_end: false, reason: "Too pricey" }, randomUUID());
    expect(now.status).toBe("canceled");
    expect(now.canceled_at).not.toBeNull();
  });

  it("cancels once when the first attempt's answer is lost and the retry reuses the key", async () => {
    await control("DELETE", "calls");
    await control("POST", "faults", { operation: "subscriptions.cancel", lose_answer: true, status: 502 });
    const key = randomUUID();
    const canceled = await portal.cancelSubscription(token, activeId, { cancel_at_period_end: false }, key);
    expect(canceled.status).toBe("canceled");
    const again = await portal.cancelSubscription(token, activeId, { cancel_at_period_end: false }, key);
    expect(again.canceled_at).toBe(canceled.canceled_at);
    const [lost, retry, repeat, ...more] = await callOutcomes(sandbox, "subscriptions.cancel");
    expect(more).toEqual([]);
    // The lost attempt cancelled; the retry and the repeat are answered from the key's store.
    expect(lost).toMatchObject({ status: 502, fault: "lose-answer", replayed: false });
    expect(retry).toMatchObject({ status: 200, replayed: true, idempotency_key_hash: lost?.idempotency_key_hash });
    expect(repeat).toMatchObject({ status: 200, replayed: true, idempotency_key_hash: lost?.idempotency_key_hash });
  });

  // Every way RevKeen can fail a cancel before acting, with the statuses the sandbox logs for the
  // attempt and the one retry (if any): a rate limit and a timeout are not retried. Each is an
  // upstream error that cancelled nothing, and the same key afterwards cancels exactly once.
  const FAULTS = [
    { name: "a 500", fault: { status: 500, count: 2 }, code: "upstream:unavailable", statuses: [500, 500] },
    { name: "a 503", fault: { status: 503, count: 2 }, code: "upstream:unavailable", statuses: [503, 503] },
    { name: "a 429 with Retry-After", fault: { status: 429, retry_after: 5, count: 1 }, code: "upstream:rate_limited", statuses: [429] },
    { name: "an answer slower than the timeout", fault: { delay_ms: 2_000, count: 1 }, code: "upstream:unavailable", statuses: [null] },
    { name: "a dropped connection", fault: { drop: true, count: 2 }, code: "upstream:unavailable", statuses: [null, null] },
    { name: "a malformed JSON body", fault: { malformed: true, count: 2 }, code: "upstream:unavailable", statuses: [200, 200] },
  ] as const;
  for (const { name, fault, code, statuses } of FAULTS) {
    it(`reports ${name} as ${code}, cancelling nothing, and the same key then cancels once`, async () => {
      await control("DELETE", "calls");
      await control("POST", "faults", { operation: "subscriptions.cancel", ...fault });
      const key = randomUUID();
      expect(await portalErrorCode(portal.cancelSubscription(token, activeId, { cancel_at_period_end: false }, key))).toBe(code);
      const failed = await callOutcomes(sandbox, "subscriptions.cancel");
      expect(failed.map((call) => call.status)).toEqual(statuses);
      expect(failed.map((call) => call.replayed)).toEqual(statuses.map(() => false));
      expect((await portal.getSubscription(token, activeId)).status).toBe("active");

      expect((await portal.cancelSubscription(token, activeId, { cancel_at_period_end: false }, key)).status).toBe("canceled");
      const all = await callOutcomes(sandbox, "subscriptions.cancel");
      expect(all.map((call) => call.status)).toEqual([...statuses, 200]);
      expect(new Set(all.map((call) => call.idempotency_key_hash)).size).toBe(1);
      expect(all.at(-1)?.replayed).toBe(false);
    });
  }

  it("refuses an Idempotency-Key that is not a UUID as request:invalid, without calling RevKeen", async () => {
    await control("DELETE", "calls");
    for (const key of ["key\nforged: 1", "not-a-uuid", "a".repeat(300)]) {
      expect(await portalErrorCode(portal.cancelSubscription(token, activeId, {}, key))).toBe("request:invalid");
    }
    expect(await calls("subscriptions.cancel")).toBe(0);
  });

  it("calls the same key with another body a conflict", async () => {
    const key = randomUUID();
    await portal.cancelSubscription(token, activeId, {}, key);
    expect(await portalErrorCode(portal.cancelSubscription(token, activeId, { cancel_at_period_end: false }, key))).toBe("upstream:conflict");
  });
});

afterEach(async () => {
  await control("DELETE", "faults");
});
