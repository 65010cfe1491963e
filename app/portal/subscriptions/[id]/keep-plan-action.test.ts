// "Keep my plan" against the in-process sandbox: the write (./keep-plan.ts) with the ownership
// check through the customer's portal token, the merchant's PATCH, the caches dropped, and every
// refusal with nothing written; then its server action, which takes each answer back to the page. The sign-in and the portal cookie are stood in for; the origin
// check, the write limit and the calls to RevKeen are the real ones.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ADA_LOVELACE_ID, ADA_PRO, KENJI_SATO_ID } from "@/lib/sandbox/data/seed";
import { formData } from "@/lib/testing/form-data";
import { callCount, controlSandbox } from "@/lib/testing/sandbox-under-test";

const signedIn = vi.hoisted(() => ({ user: { id: "" } }));
const portal = vi.hoisted(() => ({ token: "" }));
const request = vi.hoisted(() => ({ headers: new Headers() }));
const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirected to ${url}`);
  },
}));
vi.mock("next/cache", () => ({ revalidateTag }));
vi.mock("@/lib/server/auth/current-user", () => ({ currentUser: async () => signedIn.user }));
vi.mock("@/lib/server/portal-session/renew", () => ({ withPortalToken: (_user: unknown, run: (token: string) => Promise<unknown>) => run(portal.token) }));

vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
vi.stubEnv("REVKEEN_API_KEY", "");
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("AUTH_URL", "http://app.test");
vi.stubEnv("PORTAL_WRITES_PER_MINUTE_PER_USER", "3");

const { keepPlan } = await import("./keep-plan");
const { keepPlanAction } = await import("./keep-plan-action");
const { portalOptions } = await import("@/lib/shared/billing/portal-options");
const { createPortalSession } = await import("@/lib/server/revkeen-api/merchant");
const { cancelSubscription, getSubscription, listSubscriptions } = await import("@/lib/server/revkeen-api/customer-portal");
const { cachedAnswer, keepAnswer } = await import("@/lib/server/entitlements/entitlement-cache");
const { customerCacheTag } = await import("@/lib/server/entitlements/customer-cache");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");

/** The merchant's PATCH /subscriptions/{id}, as the sandbox's call log names it. */
const PATCH = "merchant_subscriptions.update";
const patches = () => callCount(inProcessSandbox(), PATCH);
const keep = (fields: Record<string, string>) => keepPlan({ status: "idle" }, formData({ subscriptionId: ADA_PRO, ...fields }));
/** Where the form's server action sends the browser: always back to a page, with the answer's code. */
const sentTo = (fields: Record<string, string>) =>
  keepPlanAction(formData({ subscriptionId: ADA_PRO, ...fields })).then(
    () => "nowhere",
    (error: Error) => error.message.replace(/^redirected to /, ""),
  );

async function tokenFor(customerId: string): Promise<string> {
  return (await createPortalSession({ customerId, idempotencyKey: randomUUID() })).token;
}

/** Ada's Pro set to end at the period's end, through her portal, as the cancel form does it. */
async function scheduleProToEnd(): Promise<void> {
  await cancelSubscription(portal.token, ADA_PRO, { cancel_at_period_end: true }, randomUUID());
}

let users = 0;

beforeEach(async () => {
  request.headers = new Headers({ origin: "http://app.test", host: "app.test" });
  users += 1;
  signedIn.user = { id: `github:${users}` };
  inProcessSandbox().reset();
  revalidateTag.mockClear();
  portal.token = await tokenFor(ADA_LOVELACE_ID);
  await scheduleProToEnd();
  await controlSandbox(inProcessSandbox(), "DELETE", "calls");
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("keeping a plan set to end", () => {
  it("takes the end back with the merchant's PATCH: the plan renews again, and the answer says so", async () => {
    const answer = await keep({ idempotencyKey: randomUUID() });
    expect(answer).toMatchObject({ status: "done", data: { id: ADA_PRO, status: "active", cancel_at: null } });
    expect(await patches()).toBe(1);
    const now = await getSubscription(portal.token, ADA_PRO);
    expect(now.cancel_at).toBeNull();
  });

  it("drops what is cached about the customer, so a paid feature's gate asks RevKeen on the next page", async () => {
    keepAnswer(ADA_LOVELACE_ID, "pro-reports", false, Date.now() - 1);
    expect((await keep({ idempotencyKey: randomUUID() })).status).toBe("done");
    expect(cachedAnswer(ADA_LOVELACE_ID, "pro-reports")).toBeUndefined();
    expect(revalidateTag).toHaveBeenCalledWith(customerCacheTag(ADA_LOVELACE_ID), { expire: 0 });
  });

  it("sent twice with one key, changes the subscription once and answers the same", async () => {
    const idempotencyKey = randomUUID();
    const first = await keep({ idempotencyKey });
    const second = await keep({ idempotencyKey });
    expect(second).toEqual(first);
    expect(await patches()).toBe(1);
  });

  it("refuses another customer's subscription as not found, and writes nothing", async () => {
    const kenjis = (await listSubscriptions(await tokenFor(KENJI_SATO_ID))).data[0]?.id;
    expect(kenjis).toBeDefined();
    const answer = await keep({ subscriptionId: kenjis ?? "", idempotencyKey: randomUUID() });
    expect(answer).toMatchObject({ status: "failed", code: "subscription:not_found" });
    expect(await patches()).toBe(0);
  });

  it("refuses an id that is not one as request:invalid, before RevKeen", async () => {
    expect(await keep({ subscriptionId: "../customers", idempotencyKey: randomUUID() })).toMatchObject({ status: "failed", code: "request:invalid" });
    expect((await controlSandbox<{ total: number }>(inProcessSandbox(), "GET", "calls")).total).toBe(0);
  });

  it("sends nothing for a plan that already renews", async () => {
    expect((await keep({ idempotencyKey: randomUUID() })).status).toBe("done");
    const again = await keep({ idempotencyKey: randomUUID() });
    expect(again).toMatchObject({ status: "done", data: { id: ADA_PRO, cancel_at: null } });
    expect(await patches()).toBe(1);
  });

  it("refuses a plan that has already ended, and writes nothing", async () => {
    await cancelSubscription(portal.token, ADA_PRO, { cancel_at_period_end: false }, randomUUID());
    expect(await keep({ idempotencyKey: randomUUID() })).toMatchObject({ status: "failed", code: "subscription:already_ended" });
    expect(await patches()).toBe(0);
  });

  it("refuses when the merchant does not offer it, before the write limit and RevKeen", async () => {
    vi.spyOn(portalOptions, "keepPlan", "get").mockReturnValue(false);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect(await keep({ idempotencyKey: randomUUID() })).toMatchObject({ status: "failed", code: "subscription:keep_not_offered" });
    }
    expect((await controlSandbox<{ total: number }>(inProcessSandbox(), "GET", "calls")).total).toBe(0);
  });

  it("says so when RevKeen refuses, leaves the plan set to end, and keeps it when sent again", async () => {
    await controlSandbox(inProcessSandbox(), "POST", "faults", { operation: PATCH, status: 500, count: 2 });
    const idempotencyKey = randomUUID();
    expect(await keep({ idempotencyKey })).toMatchObject({ status: "failed", code: "upstream:unavailable", message: "Billing is not reachable right now. Please try again." });
    expect((await getSubscription(portal.token, ADA_PRO)).cancel_at).not.toBeNull();
    expect(await keep({ idempotencyKey })).toMatchObject({ status: "done", data: { cancel_at: null } });
  });

  it("refuses another site's request, and one past the write limit, with nothing written", async () => {
    request.headers = new Headers({ origin: "https://evil.example", host: "app.test" });
    expect(await keep({ idempotencyKey: randomUUID() })).toMatchObject({ status: "failed", code: "portal:forbidden" });
    expect(await patches()).toBe(0);
    request.headers = new Headers({ origin: "http://app.test", host: "app.test" });
    // The allowance is three writes a minute.
    for (let write = 0; write < 3; write += 1) expect((await keep({ idempotencyKey: randomUUID() })).status).toBe("done");
    await scheduleProToEnd();
    expect(await keep({ idempotencyKey: randomUUID() })).toMatchObject({ status: "failed", code: "portal:rate_limited" });
    expect((await getSubscription(portal.token, ADA_PRO)).cancel_at).not.toBeNull();
  });
});

describe("the form's server action", () => {
  it("takes a kept plan back to its page, saying it was done", async () => {
    expect(await sentTo({ idempotencyKey: randomUUID() })).toBe(`/portal/subscriptions/${ADA_PRO}?form=keep&done=1`);
    expect((await getSubscription(portal.token, ADA_PRO)).cancel_at).toBeNull();
  });

  it("takes a refusal back to the page with its code alone, the plan left set to end", async () => {
    await controlSandbox(inProcessSandbox(), "POST", "faults", { operation: PATCH, status: 500, count: 2 });
    expect(await sentTo({ idempotencyKey: randomUUID() })).toBe(`/portal/subscriptions/${ADA_PRO}?form=keep&refused=upstream%3Aunavailable`);
    expect((await getSubscription(portal.token, ADA_PRO)).cancel_at).not.toBeNull();
  });

  it("takes an id that is not one back to the list of subscriptions, before RevKeen", async () => {
    expect(await sentTo({ subscriptionId: "../customers", idempotencyKey: randomUUID() })).toBe("/portal/subscriptions?form=keep&refused=request%3Ainvalid");
    expect((await controlSandbox<{ total: number }>(inProcessSandbox(), "GET", "calls")).total).toBe(0);
  });
});
