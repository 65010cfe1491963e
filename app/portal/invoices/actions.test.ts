// "Pay now" through its server action, against the in-process sandbox: the same action serves the
// plain form and the page with scripts, and answers a refusal by a redirect back to the page the
// button is on, with the refusal's code for that button. The sign-in, the customer link and the portal cookie are
// stood in for; the Origin check, the write limit, the portal read, the checkout RevKeen creates
// and the cookie that remembers it are the real ones.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deterministicUuid } from "@/lib/sandbox/data/ids";
import { ADA_LOVELACE_ID } from "@/lib/sandbox/data/seed";
import { formData } from "@/lib/testing/form-data";
import { callCount, controlSandbox } from "@/lib/testing/sandbox-under-test";

const Redirected = vi.hoisted(
  () =>
    class Redirected extends Error {
      constructor(readonly url: string) {
        super(`redirected to ${url}`);
      }
    },
);
const signedIn = vi.hoisted(() => ({ user: null as { id: string } | null, failure: null as Error | null }));
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
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));
vi.mock("@/lib/server/auth/current-user", () => ({
  currentUser: async () => {
    if (signedIn.failure) throw signedIn.failure;
    return signedIn.user;
  },
}));
vi.mock("@/lib/server/billing-account/customer-id-for-user", () => ({ customerIdForUser: async () => linked.customerId }));
vi.mock("@/lib/server/portal-session/renew", () => ({ withPortalToken: (_user: unknown, run: (token: string) => Promise<unknown>) => run(portal.token) }));

vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
vi.stubEnv("REVKEEN_API_KEY", "");
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("AUTH_URL", "http://app.test");
vi.stubEnv("PORTAL_WRITES_PER_MINUTE_PER_USER", "3");

const { payNowAction } = await import("./actions");
const { portalOptions } = await import("@/lib/shared/billing/portal-options");
const { PortalError } = await import("@/lib/shared/portal-api/errors");
const { createPortalSession } = await import("@/lib/server/revkeen-api/merchant");
const { getCheckoutSession } = await import("@/lib/server/revkeen-api/checkout-sessions");
const { startedCheckout } = await import("@/lib/server/checkout/checkout-cookie");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");

/** Ada's Backup renewal that failed: open, £30.00. */
const ADA_BACKUP_INVOICE = deterministicUuid("invoice:ada:backup:failed");
const ADA_PAID_INVOICE = deterministicUuid("invoice:ada:gbp:1");
const ADA_VOID_INVOICE = deterministicUuid("invoice:ada:gbp:5");
const ADA_UNCOLLECTIBLE_INVOICE = deterministicUuid("invoice:ada:gbp:17");
const KENJI_INVOICE = deterministicUuid("invoice:kenji:monthly:0");

const BACK = "/portal/invoices?limit=50";
const press = (invoiceId: string, idempotencyKey: string = randomUUID()) =>
  payNowAction(formData({ invoiceId, idempotencyKey, back: BACK, answerTo: `pay-table-${invoiceId.replace(/[^a-z0-9-]/g, "")}` }));

/** The code of the refusal the action took back to the button's page, or the test fails with where it went instead. */
async function refusalOf(answer: Promise<unknown>): Promise<string> {
  const url = new URL(await redirectOf(answer), "http://app.test");
  expect(url.pathname).toBe("/portal/invoices");
  expect(url.searchParams.get("limit")).toBe("50");
  const refused = url.searchParams.get("refused");
  if (refused === null) throw new Error(`went to ${url.href} instead of back with a refusal`);
  return refused;
}

/** The action's redirect, or the test fails with what it answered instead. */
async function redirectOf(answer: Promise<unknown>): Promise<string> {
  try {
    const state = await answer;
    throw new Error(`answered ${JSON.stringify(state)} instead of redirecting`);
  } catch (error) {
    if (error instanceof Redirected) return error.url;
    throw error;
  }
}

async function tokenFor(customerId: string): Promise<string> {
  return (await createPortalSession({ customerId, idempotencyKey: randomUUID() })).token;
}

/** The checkout sessions the sandbox holds for `invoiceId`. */
async function checkoutsFor(invoiceId: string): Promise<unknown[]> {
  const sessions = await controlSandbox<{ invoice_id: string | null }[]>(inProcessSandbox(), "GET", "checkout-sessions");
  return sessions.filter((session) => session.invoice_id === invoiceId);
}

/** A user of their own for each test, so no test spends another's write allowance. */
let users = 0;

beforeEach(async () => {
  request.headers = new Headers({ origin: "http://app.test", host: "app.test" });
  request.cookies = new Map();
  users += 1;
  signedIn.user = { id: `github:${users}` };
  signedIn.failure = null;
  linked.customerId = ADA_LOVELACE_ID;
  inProcessSandbox().reset();
  portal.token = await tokenFor(ADA_LOVELACE_ID);
  await controlSandbox(inProcessSandbox(), "DELETE", "calls");
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("Pay now", () => {
  it("creates a checkout for the open invoice with return addresses on this site, remembers it, and sends the customer to its page", async () => {
    const url = await redirectOf(press(ADA_BACKUP_INVOICE));
    expect(new URL(url).origin).toBe("http://app.test");
    expect(new URL(url).pathname.startsWith("/__sandbox/checkout/")).toBe(true);
    expect(await callCount(inProcessSandbox(), "checkout_sessions.create")).toBe(1);

    const sessionId = await startedCheckout(signedIn.user?.id ?? "", ADA_BACKUP_INVOICE);
    expect(sessionId).not.toBeNull();
    const session = await getCheckoutSession(sessionId ?? "");
    expect(session).toMatchObject({ invoice_id: ADA_BACKUP_INVOICE, customer_id: ADA_LOVELACE_ID, status: "open", amount_total: 3000, currency: "GBP" });
  });

  it("sends RevKeen return addresses built from this site's own origin, whatever the request's Host says", async () => {
    request.headers = new Headers({ origin: "http://app.test", host: "evil.example", "x-forwarded-host": "evil.example" });
    await redirectOf(press(ADA_BACKUP_INVOICE));
    const sessionId = await startedCheckout(signedIn.user?.id ?? "", ADA_BACKUP_INVOICE);
    const response = await inProcessSandbox().handle(
      new Request(`http://sandbox.revkeen.invalid/v2/checkout-sessions/${sessionId}`, { headers: { "x-api-key": "rk_sandbox_portal_starter_demo" } }),
    );
    const { data } = (await response.json()) as { data: { success_url: string; cancel_url: string } };
    const back = `http://app.test/portal/invoices/${ADA_BACKUP_INVOICE}?checkout=returned`;
    expect(data.success_url).toBe(back);
    expect(data.cancel_url).toBe(back);
  });

  it("answers another customer's invoice as not found, and creates no checkout", async () => {
    expect(await refusalOf(press(KENJI_INVOICE))).toBe("invoice:not_found");
    expect(await callCount(inProcessSandbox(), "checkout_sessions.create")).toBe(0);
    expect(await checkoutsFor(KENJI_INVOICE)).toEqual([]);
    expect(await startedCheckout(signedIn.user?.id ?? "", KENJI_INVOICE)).toBeNull();
  });

  it.each([
    ["paid", ADA_PAID_INVOICE, "invoice:already_paid"],
    ["void", ADA_VOID_INVOICE, "invoice:void"],
    ["uncollectible", ADA_UNCOLLECTIBLE_INVOICE, "invoice:not_payable"],
  ])("refuses an invoice that is %s, and creates no checkout", async (_status, invoiceId, code) => {
    expect(await refusalOf(press(invoiceId))).toBe(code);
    expect(await callCount(inProcessSandbox(), "checkout_sessions.create")).toBe(0);
    expect(await checkoutsFor(invoiceId)).toEqual([]);
  });

  it.each([
    ["a word", "not-an-invoice"],
    ["a path", "../customers"],
    ["a UUID with more after it", `${ADA_BACKUP_INVOICE}/pay`],
  ])("answers a malformed invoice id (%s) as not found, before RevKeen", async (_name, invoiceId) => {
    expect(await refusalOf(press(invoiceId))).toBe("invoice:not_found");
    const calls = await controlSandbox<{ total: number }>(inProcessSandbox(), "GET", "calls");
    expect(calls.total).toBe(0);
  });

  it("pressed twice with one key, creates one checkout and sends both presses to the same page", async () => {
    const key = randomUUID();
    const [first, second] = [await redirectOf(press(ADA_BACKUP_INVOICE, key)), await redirectOf(press(ADA_BACKUP_INVOICE, key))];
    expect(second).toBe(first);
    expect(await checkoutsFor(ADA_BACKUP_INVOICE)).toHaveLength(1);
  });

  it("gives each invoice on one page its own checkout, under the page's one key", async () => {
    const key = randomUUID();
    const backup = await redirectOf(press(ADA_BACKUP_INVOICE, key));
    const current = await redirectOf(press(deterministicUuid("invoice:ada:gbp:0"), key));
    expect(current).not.toBe(backup);
    expect(await checkoutsFor(ADA_BACKUP_INVOICE)).toHaveLength(1);
    expect(await checkoutsFor(deterministicUuid("invoice:ada:gbp:0"))).toHaveLength(1);
  });

  it("answers a refusal to create the checkout on the form, remembering nothing, and a retry with the same key succeeds", async () => {
    await controlSandbox(inProcessSandbox(), "POST", "faults", { operation: "checkout_sessions.create", status: 500, count: 2 });
    const key = randomUUID();
    expect(await refusalOf(press(ADA_BACKUP_INVOICE, key))).toBe("upstream:unavailable");
    expect(request.cookies.size).toBe(0);
    expect(await checkoutsFor(ADA_BACKUP_INVOICE)).toEqual([]);
    expect(await redirectOf(press(ADA_BACKUP_INVOICE, key))).toMatch(/^http:\/\/app\.test\/__sandbox\/checkout\//);
  });

  it("counts each press as a write: past the limit it answers portal:rate_limited and creates nothing more", async () => {
    for (let press_ = 0; press_ < 3; press_ += 1) await redirectOf(press(ADA_BACKUP_INVOICE));
    expect(await refusalOf(press(ADA_BACKUP_INVOICE))).toBe("portal:rate_limited");
    expect(await callCount(inProcessSandbox(), "checkout_sessions.create")).toBe(3);
  });

  it.each([
    ["another site's Origin", { origin: "https://evil.example", host: "app.test" }],
    ["no Origin", { host: "app.test" }],
  ])("refuses a request with %s as portal:forbidden, before RevKeen", async (_name, headers: Record<string, string>) => {
    request.headers = new Headers(headers);
    expect(await refusalOf(press(ADA_BACKUP_INVOICE))).toBe("portal:forbidden");
    const calls = await controlSandbox<{ total: number }>(inProcessSandbox(), "GET", "calls");
    expect(calls.total).toBe(0);
  });

  it("refuses when the merchant does not offer it, before the write limit and RevKeen", async () => {
    vi.spyOn(portalOptions, "payNow", "get").mockReturnValue(false);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect(await refusalOf(press(ADA_BACKUP_INVOICE))).toBe("invoice:pay_now_off");
    }
    const calls = await controlSandbox<{ total: number }>(inProcessSandbox(), "GET", "calls");
    expect(calls.total).toBe(0);
  });

  it("refuses a user with no billing account, creating nothing", async () => {
    linked.customerId = null;
    expect(await refusalOf(press(ADA_BACKUP_INVOICE))).toBe("portal:no_account");
    expect(await callCount(inProcessSandbox(), "checkout_sessions.create")).toBe(0);
  });

  it("answers on the form when the database cannot say whether the user signed out, creating nothing", async () => {
    signedIn.failure = new PortalError("database:unavailable");
    expect(await refusalOf(press(ADA_BACKUP_INVOICE))).toBe("database:unavailable");
    expect(await callCount(inProcessSandbox(), "checkout_sessions.create")).toBe(0);
  });

  it("takes a refusal back to the page the button is on, naming the button, and never to another site", async () => {
    linked.customerId = null;
    const form = (back: string) => formData({ invoiceId: ADA_BACKUP_INVOICE, idempotencyKey: randomUUID(), back, answerTo: `pay-due-${ADA_BACKUP_INVOICE}` });
    expect(await redirectOf(payNowAction(form("/portal")))).toBe(`/portal?form=pay-due-${ADA_BACKUP_INVOICE}&refused=portal%3Ano_account`);
    for (const back of ["https://evil.example/portal", "//evil.example/portal", "/reports"]) {
      expect(new URL(await redirectOf(payNowAction(form(back))), "http://app.test").pathname).toBe("/portal");
    }
  });

  it("sends a signed-out browser to sign in, then back to the invoice, creating nothing", async () => {
    signedIn.user = null;
    await expect(press(ADA_BACKUP_INVOICE)).rejects.toThrow(`redirected to /sign-in?callbackUrl=%2Fportal%2Finvoices%2F${ADA_BACKUP_INVOICE}`);
    expect(await callCount(inProcessSandbox(), "checkout_sessions.create")).toBe(0);
  });

  it("never puts the checkout page's address or token in a log line or the cookie", async () => {
    const lines: string[] = [];
    for (const level of ["info", "warn", "error"] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => lines.push(args.join(" ")));
    const url = await redirectOf(press(ADA_BACKUP_INVOICE));
    const token = new URL(url).pathname.split("/").at(-1) ?? "";
    expect(token.length).toBeGreaterThan(20);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => line.includes(token))).toEqual([]);
    expect([...request.cookies.values()].filter((value) => value.includes(token))).toEqual([]);
  });
});
