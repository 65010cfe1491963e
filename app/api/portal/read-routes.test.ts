// The portal API's reads, run as Next runs them (a real Request, the signed-in browser's cookies)
// against the in-process sandbox: a read never mints, whoever started it, so a link on another
// site cannot spend the merchant's key or the user's allowance. The page renews instead, through
// /portal/session, which mints only when this site asks. A write (a server action) may mint.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { BrowserUnderTest, TEST_ORIGIN } from "@/lib/testing/browser-under-test";
import { formData } from "@/lib/testing/form-data";

const browser = vi.hoisted(() => ({ current: null as BrowserUnderTest | null }));
vi.mock("next/headers", async () => (await import("@/lib/testing/browser-under-test")).nextHeadersOf(() => browser.current as BrowserUnderTest));

process.env.AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
process.env.AUTH_URL = TEST_ORIGIN;
process.env.REVKEEN_API_KEY = "";
process.env.DATABASE_URL = "";
process.env.DATABASE_DIR = "memory";

const { ADA_LOVELACE_ID, ADA_PRO } = await import("@/lib/sandbox/data/seed");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");
const { callCount, controlSandbox } = await import("@/lib/testing/sandbox-under-test");
const { signInAsDemoCustomer } = await import("@/lib/testing/sign-in-under-test");
const customerRoute = await import("@/app/api/portal/customer/route");
const invoicesRoute = await import("@/app/api/portal/invoices/route");
const { cancelSubscriptionAction } = await import("@/app/portal/subscriptions/[id]/actions");
const sessionRoute = await import("@/app/portal/session/route");

const { database } = await import("@/lib/server/database/client");
const sandbox = inProcessSandbox();

// Opening the embedded database (in memory here) compiles PostgreSQL's WebAssembly and migrates: seconds.
beforeAll(async () => {
  await database();
}, 120_000);
const PORTAL_COOKIE = "revkeen-portal";

async function errorCode(response: Response): Promise<string | undefined> {
  return ((await response.json()) as { error?: { code?: string } }).error?.code;
}

beforeEach(async () => {
  sandbox.reset();
  browser.current = new BrowserUnderTest();
  await signInAsDemoCustomer(browser.current, ADA_LOVELACE_ID);
  await controlSandbox(sandbox, "DELETE", "calls");
});

describe("the portal API's reads", () => {
  it("answer portal:expired with no portal cookie, even for a navigation from another site, and mint nothing", async () => {
    const own = browser.current as BrowserUnderTest;
    const crossSite = { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" };
    const customer = await customerRoute.GET(own.request("/api/portal/customer", { headers: crossSite }), undefined);
    expect(customer.status).toBe(401);
    expect(await errorCode(customer)).toBe("portal:expired");
    const invoices = await invoicesRoute.GET(own.request("/api/portal/invoices?limit=5", { headers: crossSite }), undefined);
    expect(await errorCode(invoices)).toBe("portal:expired");

    expect(await callCount(sandbox, "sessions.create")).toBe(0);
    expect(own.cookies.has(PORTAL_COOKIE)).toBe(false);
  });

  it("answer portal:expired when RevKeen refuses the token, and leave the renewal to the page", async () => {
    const own = browser.current as BrowserUnderTest;
    own.take(await sessionRoute.GET(own.request("/portal/session?next=/portal", { headers: { "sec-fetch-site": "same-origin" } })));
    expect(own.cookies.has(PORTAL_COOKIE)).toBe(true);
    await controlSandbox(sandbox, "POST", "tokens/revoke", {});
    await controlSandbox(sandbox, "DELETE", "calls");

    const customer = await customerRoute.GET(own.request("/api/portal/customer"), undefined);
    expect(customer.status).toBe(401);
    expect(await errorCode(customer)).toBe("portal:expired");
    expect(await callCount(sandbox, "sessions.create")).toBe(0);
  });

  it("work with the portal cookie this site's own renewal set", async () => {
    const own = browser.current as BrowserUnderTest;
    own.take(await sessionRoute.GET(own.request("/portal/session?next=/portal", { headers: { "sec-fetch-site": "same-origin" } })));
    const customer = await customerRoute.GET(own.request("/api/portal/customer"), undefined);
    expect(customer.status).toBe(200);
    expect(await callCount(sandbox, "sessions.create")).toBe(1);
  });
});

describe("a write, unlike a read", () => {
  it("renews a missing portal session once, since only this site's own pages can send it (Next checks an action's origin)", async () => {
    const answer = await cancelSubscriptionAction({ status: "idle" }, formData({ subscriptionId: ADA_PRO, idempotencyKey: randomUUID() }));
    expect(answer).toMatchObject({ status: "done", data: { id: ADA_PRO } });
    expect(await callCount(sandbox, "sessions.create")).toBe(1);
  });
});
