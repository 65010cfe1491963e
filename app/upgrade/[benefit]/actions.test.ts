// Subscribing from a locked feature through its server action, against the in-process sandbox:
// the product from the portal options (never from the form), the default card on file, one
// subscription per intent, the entitlement answers dropped at once, every refusal with nothing
// written, and never a second plan of the product beside one waiting for its payment. The sign-in
// and the user's link to a customer are stood in for; the origin check, the write limit, the entitlement check and the calls to RevKeen are the real ones.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ADA_LOVELACE_ID, ADA_PRO, GRACE_HOPPER_ID } from "@/lib/sandbox/data/seed";
import { formData } from "@/lib/testing/form-data";
import { callCount, controlSandbox, withInProcessSandbox } from "@/lib/testing/sandbox-under-test";
import { restrictedProSeed } from "@/lib/testing/restricted-pro-seed";

const Redirected = vi.hoisted(
  () =>
    class Redirected extends Error {
      constructor(readonly url: string) {
        super(`redirected to ${url}`);
      }
    },
);
const signedIn = vi.hoisted(() => ({ user: { id: "", provider: "github", emailVerified: true }, customerId: null as string | null }));
const request = vi.hoisted(() => ({ headers: new Headers() }));
const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/cache", () => ({ revalidateTag }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));
vi.mock("@/lib/server/auth/current-user", () => ({ currentUser: async () => signedIn.user }));
vi.mock("@/lib/server/billing-account/customer-id-for-user", () => ({ customerIdForUser: async () => signedIn.customerId }));

vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
vi.stubEnv("REVKEEN_API_KEY", "");
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("AUTH_URL", "http://app.test");
vi.stubEnv("PORTAL_WRITES_PER_MINUTE_PER_USER", "3");

const { subscribeAction } = await import("./actions");
const { portalOptions } = await import("@/lib/shared/billing/portal-options");
const { hasAccess } = await import("@/lib/server/entitlements/has-access");
const { keepAnswer, cachedAnswer, retireAnswers } = await import("@/lib/server/entitlements/entitlement-cache");
const { createPortalSession } = await import("@/lib/server/revkeen-api/merchant");
const { cancelSubscription } = await import("@/lib/server/revkeen-api/customer-portal");
const { listCustomerSubscriptions } = await import("@/lib/server/revkeen-api/merchant-subscriptions");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");
const { createSandbox } = await import("@/lib/sandbox/entry/sandbox");

const BENEFIT = "pro-reports";
/** The merchant's POST /subscriptions, as the sandbox's call log names it. */
const CREATE = "merchant_subscriptions.create";
const creates = () => callCount(inProcessSandbox(), CREATE);
const subscribe = (fields: Record<string, string>) => subscribeAction({ status: "idle" }, formData({ benefit: BENEFIT, next: "/reports", ...fields }));
const proProduct = () => portalOptions.upgradeOffers[BENEFIT];

/** Ada's subscriptions to the Pro product, as the merchant's API lists them. */
async function adasPro(): Promise<{ id: string; status: string }[]> {
  const list = await listCustomerSubscriptions(ADA_LOVELACE_ID);
  return list.data.filter((subscription) => subscription.product_id === proProduct());
}

/** Ada ends her Pro plan now, in her portal: the reports lock. */
async function adaCancelsProNow(): Promise<void> {
  const { token } = await createPortalSession({ customerId: ADA_LOVELACE_ID, idempotencyKey: randomUUID() });
  await cancelSubscription(token, ADA_PRO, { cancel_at_period_end: false }, randomUUID());
}

async function redirectOf(answer: Promise<unknown>): Promise<string> {
  try {
    await answer;
  } catch (error) {
    if (error instanceof Redirected) return error.url;
    throw error;
  }
  throw new Error("expected a redirect");
}

let users = 0;

beforeEach(async () => {
  request.headers = new Headers({ origin: "http://app.test", host: "app.test" });
  users += 1;
  signedIn.user = { id: `github:${users}`, provider: "github", emailVerified: true };
  signedIn.customerId = ADA_LOVELACE_ID;
  inProcessSandbox().reset();
  revalidateTag.mockClear();
  await adaCancelsProNow();
  // Nothing an earlier test learnt about Ada's access is used: a fresh sandbox, fresh answers.
  retireAnswers(ADA_LOVELACE_ID);
  await controlSandbox(inProcessSandbox(), "DELETE", "calls");
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("subscribing from a locked feature", () => {
  it("subscribes Ada to the product the options name, with her default card, and opens the feature", async () => {
    // An answer kept from before: the action must retire it, not wait for a webhook.
    keepAnswer(ADA_LOVELACE_ID, BENEFIT, false, Date.now() - 1);
    expect(await redirectOf(subscribe({ idempotencyKey: randomUUID() }))).toBe("/reports");
    expect(await creates()).toBe(1);
    expect(await adasPro()).toEqual(expect.arrayContaining([expect.objectContaining({ status: "active" })]));
    expect(cachedAnswer(ADA_LOVELACE_ID, BENEFIT)).toBeUndefined();
    expect(await hasAccess(signedIn.user, BENEFIT)).toBe(true);
  });

  it("sent twice at once with one key, creates one subscription", async () => {
    const idempotencyKey = randomUUID();
    const answers = await Promise.all([redirectOf(subscribe({ idempotencyKey })), redirectOf(subscribe({ idempotencyKey }))]);
    expect(answers).toEqual(["/reports", "/reports"]);
    expect((await adasPro()).filter((subscription) => subscription.status === "active")).toHaveLength(1);
  });

  it("sent again with one key after the first made the plan, while the gate still says no, opens the feature and buys nothing more", async () => {
    // Without JavaScript a double click sends the form twice, and the browser follows the second
    // answer: its check of the gate can run before the first send's plan reached it.
    const idempotencyKey = randomUUID();
    expect(await redirectOf(subscribe({ idempotencyKey }))).toBe("/reports");
    keepAnswer(ADA_LOVELACE_ID, BENEFIT, false, Date.now() + 1);
    expect(await redirectOf(subscribe({ idempotencyKey }))).toBe("/reports");
    expect(await creates()).toBe(1);
  });

  it("buys nothing for a customer who already has the feature, and opens it", async () => {
    expect(await redirectOf(subscribe({ idempotencyKey: randomUUID() }))).toBe("/reports");
    expect(await redirectOf(subscribe({ idempotencyKey: randomUUID() }))).toBe("/reports");
    expect(await creates()).toBe(1);
  });

  it("opens only a path on this site afterwards", async () => {
    expect(await redirectOf(subscribe({ next: "//evil.example/x", idempotencyKey: randomUUID() }))).toBe("/");
  });

  it("refuses a benefit the merchant offers nothing for as not found, before the write limit and RevKeen", async () => {
    for (const benefit of ["no-such-benefit", "__proto__", "constructor"]) {
      expect(await subscribe({ benefit, idempotencyKey: randomUUID() })).toMatchObject({ status: "failed", code: "upgrade:not_offered" });
    }
    expect((await controlSandbox<{ total: number }>(inProcessSandbox(), "GET", "calls")).total).toBe(0);
  });

  it("takes the product from the options alone: a product id in the form changes nothing", async () => {
    const other = randomUUID();
    expect(await redirectOf(subscribe({ productId: other, idempotencyKey: randomUUID() }))).toBe("/reports");
    const log = await controlSandbox<{ log: { operation: string; body?: unknown }[] }>(inProcessSandbox(), "GET", "calls");
    expect(JSON.stringify(log)).not.toContain(other);
    expect((await adasPro()).length).toBeGreaterThan(0);
  });

  it("tells Grace, who has no card on file, to use the pricing page, and creates nothing", async () => {
    signedIn.customerId = GRACE_HOPPER_ID;
    expect(await subscribe({ idempotencyKey: randomUUID() })).toMatchObject({ status: "failed", code: "upgrade:no_payment_method" });
    expect(await creates()).toBe(0);
  });

  it("refuses a user with no billing account, and creates nothing", async () => {
    signedIn.customerId = null;
    expect(await subscribe({ idempotencyKey: randomUUID() })).toMatchObject({ status: "failed", code: "portal:no_account" });
    expect(await creates()).toBe(0);
  });

  it("says so when RevKeen refuses, grants nothing, and subscribes when sent again", async () => {
    await controlSandbox(inProcessSandbox(), "POST", "faults", { operation: CREATE, status: 500, count: 2 });
    const idempotencyKey = randomUUID();
    expect(await subscribe({ idempotencyKey })).toMatchObject({ status: "failed", code: "upstream:unavailable" });
    expect(await hasAccess(signedIn.user, BENEFIT)).toBe(false);
    expect(await redirectOf(subscribe({ idempotencyKey }))).toBe("/reports");
    expect(await hasAccess(signedIn.user, BENEFIT)).toBe(true);
  });

  it("says a declined card was declined and grants nothing; pressed again, opens the plan waiting for its payment and creates no second one", async () => {
    await controlSandbox(inProcessSandbox(), "POST", "payment-methods/declines", { customer_id: ADA_LOVELACE_ID, declines: true });
    const declinedKey = randomUUID();
    expect(await subscribe({ idempotencyKey: declinedKey })).toEqual({
      status: "failed",
      code: "upgrade:card_declined",
      message: "Your card was declined, so your plan hasn't changed. Try again, or use another card.",
    });
    expect(await hasAccess(signedIn.user, BENEFIT)).toBe(false);
    const waiting = (await adasPro()).filter((subscription) => subscription.status !== "canceled");
    expect(waiting.map((subscription) => subscription.status)).toEqual(["incomplete"]);

    await controlSandbox(inProcessSandbox(), "POST", "payment-methods/declines", { customer_id: ADA_LOVELACE_ID, declines: false });
    // The form sends a new key after a decline; the old one may come from a second tab.
    const plan = `/portal/subscriptions/${waiting[0]?.id}`;
    expect(await redirectOf(subscribe({ idempotencyKey: randomUUID() }))).toBe(plan);
    expect(await redirectOf(subscribe({ idempotencyKey: declinedKey }))).toBe(plan);
    expect(await creates()).toBe(1);
    expect((await adasPro()).filter((subscription) => subscription.status !== "canceled")).toEqual([expect.objectContaining({ id: waiting[0]?.id, status: "incomplete" })]);
    expect(await hasAccess(signedIn.user, BENEFIT)).toBe(false);
  });

  it("does not sell the product again to a customer whose plan of it dunning restricted: it opens that plan", async () => {
    await withInProcessSandbox(createSandbox({ seed: restrictedProSeed }), async () => {
      retireAnswers(ADA_LOVELACE_ID);
      expect(await hasAccess(signedIn.user, BENEFIT)).toBe(false);
      await controlSandbox(inProcessSandbox(), "DELETE", "calls");
      expect(await redirectOf(subscribe({ idempotencyKey: randomUUID() }))).toBe(`/portal/subscriptions/${ADA_PRO}`);
      expect(await creates()).toBe(0);
      expect((await adasPro()).map((subscription) => [subscription.id, subscription.status])).toEqual([[ADA_PRO, "past_due"]]);
    });
    retireAnswers(ADA_LOVELACE_ID);
  });

  it("refuses another site's request with nothing written", async () => {
    request.headers = new Headers({ origin: "https://evil.example", host: "app.test" });
    expect(await subscribe({ idempotencyKey: randomUUID() })).toMatchObject({ status: "failed", code: "portal:forbidden" });
    expect((await controlSandbox<{ total: number }>(inProcessSandbox(), "GET", "calls")).total).toBe(0);
  });

  it("counts each press as a write: past the limit nothing more reaches RevKeen", async () => {
    signedIn.customerId = GRACE_HOPPER_ID;
    for (let write = 0; write < 3; write += 1) expect(await subscribe({ idempotencyKey: randomUUID() })).toMatchObject({ code: "upgrade:no_payment_method" });
    await controlSandbox(inProcessSandbox(), "DELETE", "calls");
    expect(await subscribe({ idempotencyKey: randomUUID() })).toMatchObject({ status: "failed", code: "portal:rate_limited" });
    expect((await controlSandbox<{ total: number }>(inProcessSandbox(), "GET", "calls")).total).toBe(0);
  });
});
