// What the invoice's page says when the customer comes back from the checkout page, against the
// in-process sandbox and its hosted page: the checkout is started as "Pay now" starts it, paid,
// declined or cancelled on the sandbox's page as a browser would, and the return read back.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { deterministicUuid } from "@/lib/sandbox/data/ids";
import { ADA_LOVELACE_ID, KENJI_SATO_ID } from "@/lib/sandbox/data/seed";
import { callCount, controlSandbox } from "@/lib/testing/sandbox-under-test";

const signedIn = vi.hoisted(() => ({ user: null as { id: string; emailVerified: boolean } | null }));
const linked = vi.hoisted(() => ({ customerId: null as string | null }));
const portal = vi.hoisted(() => ({ token: "" }));
const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    has: (name: string) => request.cookies.has(name),
    set: (name: string, value: string) => request.cookies.set(name, value),
    delete: ({ name }: { name: string }) => request.cookies.delete(name),
  }),
}));
vi.mock("@/lib/server/auth/current-user", () => ({ currentUser: async () => signedIn.user }));
vi.mock("@/lib/server/billing-account/customer-id-for-user", () => ({ customerIdForUser: async () => linked.customerId }));
vi.mock("@/lib/server/portal-session/renew", () => ({ withPortalToken: (_user: unknown, run: (token: string) => Promise<unknown>) => run(portal.token) }));

vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
vi.stubEnv("REVKEEN_API_KEY", "");
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("AUTH_URL", "http://app.test");

const { checkoutReturnOutcome } = await import("./checkout-return");
const { startCheckout } = await import("./start-checkout");
const { createPortalSession } = await import("@/lib/server/revkeen-api/merchant");
const { getInvoice } = await import("@/lib/server/revkeen-api/customer-portal");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");

const BACKUP = deterministicUuid("invoice:ada:backup:failed");
const CURRENT = deterministicUuid("invoice:ada:gbp:0");

/** Starts a checkout as "Pay now" does; answers its page's address. */
async function start(invoiceId = BACKUP): Promise<string> {
  const user = signedIn.user ?? { id: "", emailVerified: true };
  return startCheckout(user, invoiceId, randomUUID(), "http://app.test");
}

/** Presses one of the checkout page's buttons, as a browser on that page would. */
async function pressOnCheckoutPage(url: string, action: "pay" | "decline" | "cancel"): Promise<Response> {
  return inProcessSandbox().handle(
    new Request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(url).origin, "sec-fetch-site": "same-origin" },
      body: `action=${action}`,
    }),
  );
}

const invoiceNow = (id = BACKUP) => getInvoice(portal.token, id);

beforeEach(async () => {
  request.headers = new Headers({ origin: "http://app.test", host: "app.test" });
  request.cookies = new Map();
  signedIn.user = { id: `github:${randomUUID()}`, emailVerified: true };
  linked.customerId = ADA_LOVELACE_ID;
  inProcessSandbox().reset();
  portal.token = (await createPortalSession({ customerId: ADA_LOVELACE_ID, idempotencyKey: randomUUID() })).token;
});

describe("back from checkout", () => {
  it("is paid when she paid, and the invoice says so", async () => {
    const url = await start();
    expect((await pressOnCheckoutPage(url, "pay")).status).toBe(303);
    const invoice = await invoiceNow();
    expect(invoice.status).toBe("paid");
    expect(await checkoutReturnOutcome(invoice)).toBe("paid");
  });

  it("is being confirmed when RevKeen's checkout completed but the invoice read for the page is not yet paid", async () => {
    const url = await start();
    const readBefore = await invoiceNow();
    await pressOnCheckoutPage(url, "pay");
    expect(await checkoutReturnOutcome(readBefore)).toBe("confirming");
  });

  it.each([
    ["cancelled on the checkout page", ["cancel"]],
    ["declined and then abandoned", ["decline"]],
    ["abandoned", []],
  ] as const)("is not completed when %s", async (_name, presses) => {
    const url = await start();
    for (const action of presses) await pressOnCheckoutPage(url, action);
    const invoice = await invoiceNow();
    expect(invoice.status).toBe("open");
    expect(await checkoutReturnOutcome(invoice)).toBe("not_completed");
  });

  it("says nothing when this browser started no checkout, and asks RevKeen nothing", async () => {
    await controlSandbox(inProcessSandbox(), "DELETE", "calls");
    expect(await checkoutReturnOutcome(await invoiceNow())).toBeNull();
    expect(await callCount(inProcessSandbox(), "checkout_sessions.get")).toBe(0);
  });

  it("says nothing on another invoice's page, or for another user in the same browser", async () => {
    await start();
    expect(await checkoutReturnOutcome(await invoiceNow(CURRENT))).toBeNull();
    signedIn.user = { id: "github:someone-else", emailVerified: true };
    expect(await checkoutReturnOutcome(await invoiceNow())).toBeNull();
  });

  it("believes no session that is not this user's customer's", async () => {
    await start();
    linked.customerId = KENJI_SATO_ID;
    expect(await checkoutReturnOutcome(await invoiceNow())).toBeNull();
  });

  it("is unchecked when RevKeen cannot say, and the page still has the invoice", async () => {
    await start();
    await controlSandbox(inProcessSandbox(), "POST", "faults", { operation: "checkout_sessions.get", status: 503, count: 2 });
    expect(await checkoutReturnOutcome(await invoiceNow())).toBe("unchecked");
  });
});
