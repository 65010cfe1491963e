// The merchant reads the portal pages show beside the portal's own, run against the in-process
// sandbox as the signed-in demo customer: named plans joined only to what the customer's portal
// token returned, kept so a second view asks RevKeen nothing, dropped by a webhook about the
// customer, and a failure never kept.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { BrowserUnderTest, TEST_ORIGIN } from "@/lib/testing/browser-under-test";

const browser = vi.hoisted(() => ({ current: null as BrowserUnderTest | null }));
vi.mock("next/headers", async () => (await import("@/lib/testing/browser-under-test")).nextHeadersOf(() => browser.current as BrowserUnderTest));
vi.mock("next/cache", () => ({ revalidateTag: () => {} }));

process.env.AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
process.env.AUTH_URL = TEST_ORIGIN;
process.env.REVKEEN_API_KEY = "";
process.env.DATABASE_URL = "";
process.env.DATABASE_DIR = "memory";

const { ADA_LOVELACE_ID, ADA_PRO, GRACE_HOPPER_ID } = await import("@/lib/sandbox/data/seed");
const { deterministicUuid } = await import("@/lib/sandbox/data/ids");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");
const { callCount, controlSandbox } = await import("@/lib/testing/sandbox-under-test");
const { signInAsDemoCustomer } = await import("@/lib/testing/sign-in-under-test");
const { mintPortalSession } = await import("@/lib/server/portal-session/mint");
const { currentUser } = await import("@/lib/server/auth/current-user");
const { listSubscriptions } = await import("@/lib/server/revkeen-api/customer-portal");
const { dropCustomerCaches } = await import("@/lib/server/entitlements/customer-cache");
const { handleEvent } = await import("@/lib/server/webhooks/handle-event");
const { planDetailsFor, readMerchantPlans, readPaymentMethods, readPlanDetails } = await import("./plan-reads");
const { database } = await import("@/lib/server/database/client");

const sandbox = inProcessSandbox();
const ADA_BACKUP = deterministicUuid("subscription:ada:backup");
const KENJI_MONTHLY = deterministicUuid("subscription:kenji:monthly");
/** As the sandbox's call log and faults name the merchant reads. */
const OPERATIONS = { subscriptions: "merchant_subscriptions.list", products: "products.get", paymentMethods: "payment_methods.list" } as const;

const calls = async () => ({
  subscriptions: await callCount(sandbox, OPERATIONS.subscriptions),
  products: await callCount(sandbox, OPERATIONS.products),
  paymentMethods: await callCount(sandbox, OPERATIONS.paymentMethods),
});

/** A portal token of the signed-in user, as a page holds one. */
async function portalToken(): Promise<string> {
  const user = await currentUser();
  if (user === null) throw new Error("not signed in");
  return (await mintPortalSession(user)).token;
}

/** What Ada's portal token returns, as a page reads it. */
async function adasPortalSubscriptions() {
  return (await listSubscriptions(await portalToken(), { limit: 100 })).data;
}

beforeAll(async () => {
  await database();
}, 120_000);

beforeEach(async () => {
  sandbox.reset();
  browser.current = new BrowserUnderTest();
  await signInAsDemoCustomer(browser.current, ADA_LOVELACE_ID);
  // Each test starts with nothing kept about Ada, as after a webhook.
  dropCustomerCaches(ADA_LOVELACE_ID);
  await controlSandbox(sandbox, "DELETE", "calls");
});

describe("plan names and dunning", () => {
  it("name each plan the portal returned after its product, with Backup's dunning, reading the subscriptions once and the products in parallel", async () => {
    const portal = await adasPortalSubscriptions();
    await controlSandbox(sandbox, "DELETE", "calls");
    const details = planDetailsFor(await readMerchantPlans(), portal);

    expect(Object.fromEntries(Object.entries(details).map(([id, detail]) => [id, detail.name]))).toEqual(Object.fromEntries(portal.map((subscription) => [subscription.id, expect.any(String)])));
    expect(details[ADA_PRO]?.name).toBe("Pro");
    expect(details[ADA_BACKUP]?.name).toBe("Backup");
    expect(details[ADA_BACKUP]?.dunning).toEqual({ retriesMade: 2, retriesLeft: 2, nextRetryAt: expect.any(String), accessRestricted: false });
    expect(details[ADA_PRO]?.dunning).toBeNull();
    const first = await calls();
    expect(first.subscriptions).toBe(1);
    expect(first.products).toBeGreaterThan(0);
  });

  it("ask RevKeen nothing on a warm cache", async () => {
    await readMerchantPlans();
    await controlSandbox(sandbox, "DELETE", "calls");
    const plans = await readMerchantPlans();
    expect(plans?.productNames.size).toBeGreaterThan(0);
    expect(await calls()).toEqual({ subscriptions: 0, products: 0, paymentMethods: 0 });
  });

  it("read the customer's subscriptions again after a webhook about them, and keep the products", async () => {
    await readMerchantPlans();
    await controlSandbox(sandbox, "DELETE", "calls");
    dropCustomerCaches(ADA_LOVELACE_ID);
    await readMerchantPlans();
    expect(await calls()).toEqual({ subscriptions: 1, products: 0, paymentMethods: 0 });
  });

  it("are read again after any webhook about the customer's billing, a completed checkout included, and not after one about nobody", async () => {
    for (const type of ["subscription.updated", "invoice.paid", "checkout.session.completed", "payment_method.updated", "customer.deleted"]) {
      await readMerchantPlans();
      await controlSandbox(sandbox, "DELETE", "calls");
      const object = type.startsWith("customer.") ? { id: ADA_LOVELACE_ID } : { id: randomUUID(), customer_id: ADA_LOVELACE_ID };
      expect(await handleEvent({ id: `evt_${randomUUID()}`, type, created: Math.floor(Date.now() / 1000), data: { object } }), type).toBe("invalidated");
      await readMerchantPlans();
      expect((await calls()).subscriptions, type).toBe(1);
    }
    // A moment after the last retirement, so the read below is kept whatever the clock's resolution.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 5 });
    try {
      await readMerchantPlans();
      await controlSandbox(sandbox, "DELETE", "calls");
      expect(await handleEvent({ id: `evt_${randomUUID()}`, type: "checkout.session.expired", created: Math.floor(Date.now() / 1000), data: { object: { id: randomUUID(), customer_id: ADA_LOVELACE_ID } } })).toBe("ignored");
      await readMerchantPlans();
      expect((await calls()).subscriptions).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("never keep a failure: the plans are named by price meanwhile, and the next view asks again", async () => {
    const portal = await adasPortalSubscriptions();
    // Two: a failed read is tried once more.
    await controlSandbox(sandbox, "POST", "faults", { operation: OPERATIONS.subscriptions, status: 500, count: 2 });
    expect(await readMerchantPlans()).toBeNull();
    expect(planDetailsFor(null, portal)).toEqual({});

    await controlSandbox(sandbox, "DELETE", "calls");
    expect(planDetailsFor(await readMerchantPlans(), portal)[ADA_PRO]?.name).toBe("Pro");
    expect((await calls()).subscriptions).toBe(1);
  });

  it("leave a plan unnamed when its product cannot be read, and ask for it again next time", async () => {
    const portal = await adasPortalSubscriptions();
    // Products may already be kept from an earlier test: a fresh process is what this needs.
    const { forgetProcessSingleton } = await import("@/lib/server/caching/process-singleton");
    forgetProcessSingleton("cache.product-names");
    await controlSandbox(sandbox, "POST", "faults", { operation: OPERATIONS.products, status: 500, count: 100 });
    const unnamed = planDetailsFor(await readMerchantPlans(), portal);
    expect(unnamed[ADA_PRO]?.name).toBeNull();
    expect(unnamed[ADA_BACKUP]?.dunning).not.toBeNull();

    await controlSandbox(sandbox, "DELETE", "faults");
    await controlSandbox(sandbox, "DELETE", "calls");
    expect(planDetailsFor(await readMerchantPlans(), portal)[ADA_PRO]?.name).toBe("Pro");
    expect((await calls()).products).toBeGreaterThan(0);
  });

  it("never give a name to a subscription the customer's portal did not return, another customer's included", async () => {
    const plans = await readMerchantPlans();
    expect(plans?.subscriptions.every((subscription) => subscription.customer_id === ADA_LOVELACE_ID)).toBe(true);
    expect(planDetailsFor(plans, [{ id: KENJI_MONTHLY }, { id: randomUUID() }])).toEqual({});
    // Ada's own, but not in what the portal returned: nothing either.
    expect(planDetailsFor(plans, [{ id: ADA_BACKUP }])).not.toHaveProperty(ADA_PRO);
  });

  it("read nothing with the merchant's key for a visitor who is not signed in", async () => {
    browser.current = new BrowserUnderTest();
    expect(await readMerchantPlans()).toBeNull();
    expect(await readPaymentMethods()).toEqual({ state: "none" });
    expect(await calls()).toEqual({ subscriptions: 0, products: 0, paymentMethods: 0 });
  });
});

describe("a page's plan details", () => {
  it("point a plan in dunning at the open invoice it waits on, read from the customer's own invoices", async () => {
    const token = await portalToken();
    await controlSandbox(sandbox, "DELETE", "calls");
    const details = await readPlanDetails(token, listSubscriptions(token, { limit: 100 }).then((list) => list.data));
    expect(details[ADA_BACKUP]?.openInvoiceId).toBe(deterministicUuid("invoice:ada:backup:failed"));
    expect(details[ADA_PRO]?.openInvoiceId).toBeNull();
    expect(await callCount(sandbox, "invoices.list")).toBe(1);
  });

  it("read no invoices when no plan is in dunning", async () => {
    const token = await portalToken();
    await controlSandbox(sandbox, "DELETE", "calls");
    const pro = (await listSubscriptions(token, { limit: 100 })).data.filter((subscription) => subscription.id === ADA_PRO);
    // Pro's own page: Backup's dunning is not this page's business.
    expect((await readPlanDetails(token, Promise.resolve(pro), ADA_PRO))[ADA_PRO]?.name).toBe("Pro");
    expect(await callCount(sandbox, "invoices.list")).toBe(0);
  });

  it("still name the plans when the invoices cannot be read, leaving the way forward at the invoice list", async () => {
    const token = await portalToken();
    const portal = (await listSubscriptions(token, { limit: 100 })).data;
    await controlSandbox(sandbox, "POST", "faults", { operation: "invoices.list", status: 500, count: 2 });
    const details = await readPlanDetails(token, Promise.resolve(portal));
    expect(details[ADA_BACKUP]).toMatchObject({ name: "Backup", openInvoiceId: null });
  });
});

describe("payment methods on file", () => {
  it("are Ada's own, read once and then kept until a webhook about her", async () => {
    const read = await readPaymentMethods();
    expect(read.state).toBe("ok");
    if (read.state !== "ok") return;
    expect(read.methods.find((method) => method.is_default)?.card).toMatchObject({ brand: "visa", last4: "4242" });
    await readPaymentMethods();
    expect((await calls()).paymentMethods).toBe(1);
    dropCustomerCaches(ADA_LOVELACE_ID);
    await readPaymentMethods();
    expect((await calls()).paymentMethods).toBe(2);
  });

  it("are unavailable, not kept, when RevKeen fails", async () => {
    await controlSandbox(sandbox, "POST", "faults", { operation: OPERATIONS.paymentMethods, status: 500, count: 2 });
    expect(await readPaymentMethods()).toEqual({ state: "unavailable" });
    expect((await readPaymentMethods()).state).toBe("ok");
  });

  it("are none for a customer who has none", async () => {
    browser.current = new BrowserUnderTest();
    await signInAsDemoCustomer(browser.current, GRACE_HOPPER_ID);
    expect(await readPaymentMethods()).toEqual({ state: "ok", methods: [] });
  });
});
