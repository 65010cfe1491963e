// Renewing a portal token against the in-process sandbox: a missing or refused token is renewed
// once, a token just minted is never renewed, and a read never mints.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { BrowserUnderTest } from "@/lib/testing/browser-under-test";

const browser = vi.hoisted(() => ({ current: null as BrowserUnderTest | null }));
vi.mock("next/headers", async () => (await import("@/lib/testing/browser-under-test")).nextHeadersOf(() => browser.current as BrowserUnderTest));

process.env.AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
process.env.REVKEEN_API_KEY = "";
process.env.REVKEEN_TIMEOUT_MS = "300";
process.env.DATABASE_URL = "";
process.env.DATABASE_DIR = "memory";
process.env.PORTAL_MINTS_PER_MINUTE_PER_USER = "1000";
process.env.PORTAL_MINTS_PER_MINUTE_PER_IP = "1000";

const { ADA_LOVELACE_ID } = await import("@/lib/sandbox/data/seed");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");
const { BrowserUnderTest: Browser } = await import("@/lib/testing/browser-under-test");
const { callCount, controlSandbox, portalErrorCode } = await import("@/lib/testing/sandbox-under-test");
const { getCustomer } = await import("@/lib/server/revkeen-api/customer-portal");
const { renewPath } = await import("@/lib/shared/paths/redirect-paths");
const { PortalError } = await import("@/lib/shared/portal-api/errors");
const { readPortalSession } = await import("./sealed-cookie");
const { mintPortalSession } = await import("./mint");
const { renewIfRefused, withPortalToken, withStoredPortalToken } = await import("./renew");

const sandbox = inProcessSandbox();
const ada = { id: ADA_LOVELACE_ID, provider: "demo", name: "Ada Lovelace", email: "ada@example.com", emailVerified: true };
const control = (method: string, path: string, body?: unknown) => controlSandbox(sandbox, method, path, body);
const mints = () => callCount(sandbox, "sessions.create");

/** The customer's id, read with whichever token the renewal hands over; records each token it was given. */
function customerRead(tokens: string[]) {
  return async (token: string) => {
    tokens.push(token);
    return (await getCustomer(token)).id;
  };
}

// The first mint starts the embedded database (the limits' store): not inside a test's time limit.
beforeAll(async () => {
  browser.current = new Browser();
  await mintPortalSession(ada);
}, 60_000);

beforeEach(() => {
  sandbox.reset();
  browser.current = new Browser();
});

describe("a write's portal token (withPortalToken)", () => {
  it("is minted once when this browser has none, then reused", async () => {
    const tokens: string[] = [];
    expect(await withPortalToken(ada, customerRead(tokens))).toBe(ADA_LOVELACE_ID);
    expect(await withPortalToken(ada, customerRead(tokens))).toBe(ADA_LOVELACE_ID);
    expect(await mints()).toBe(1);
    expect(tokens[1]).toBe(tokens[0]);
  });

  it("is renewed exactly once when RevKeen refuses the stored one, and the call runs again with the new one", async () => {
    const stored = await mintPortalSession(ada);
    await control("POST", "tokens/revoke", { customer_id: ADA_LOVELACE_ID });
    await control("DELETE", "calls");
    const tokens: string[] = [];
    expect(await withPortalToken(ada, customerRead(tokens))).toBe(ADA_LOVELACE_ID);
    expect(await mints()).toBe(1);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toBe(stored.token);
    expect(tokens[1]).not.toBe(stored.token);
    expect(await readPortalSession(ADA_LOVELACE_ID)).toMatchObject({ state: "valid", session: { token: tokens[1], renewedAfterRefusal: true } });
  });

  it("is not renewed a second time when the renewed token is refused too: the refusal is real", async () => {
    await mintPortalSession(ada);
    await control("DELETE", "calls");
    await control("POST", "faults", { operation: "customer.get", status: 401, count: 10 });
    expect(await portalErrorCode(withPortalToken(ada, customerRead([])))).toBe("portal:expired");
    expect(await mints()).toBe(1);
    expect(await callCount(sandbox, "customer.get")).toBe(2);
  });

  it("is never renewed when the token this request has just minted is refused", async () => {
    await control("POST", "faults", { operation: "customer.get", status: 401, count: 10 });
    expect(await portalErrorCode(withPortalToken(ada, customerRead([])))).toBe("portal:expired");
    expect(await mints()).toBe(1);
    expect(await callCount(sandbox, "customer.get")).toBe(1);
  });

  it("is not renewed for a failure other than a refusal", async () => {
    await mintPortalSession(ada);
    await control("DELETE", "calls");
    await control("POST", "faults", { operation: "customer.get", status: 503, count: 2 });
    expect(await portalErrorCode(withPortalToken(ada, customerRead([])))).toBe("upstream:unavailable");
    expect(await mints()).toBe(0);
  });
});

describe("a read's portal token (withStoredPortalToken)", () => {
  it("is the stored one, and a missing or another user's cookie is portal:expired without minting", async () => {
    const stored = await mintPortalSession(ada);
    await control("DELETE", "calls");
    const tokens: string[] = [];
    expect(await withStoredPortalToken(ada, customerRead(tokens))).toBe(ADA_LOVELACE_ID);
    expect(tokens).toEqual([stored.token]);
    expect(await portalErrorCode(withStoredPortalToken({ ...ada, id: "github:someone-else" }, customerRead(tokens)))).toBe("portal:expired");
    browser.current = new Browser();
    expect(await portalErrorCode(withStoredPortalToken(ada, customerRead(tokens)))).toBe("portal:expired");
    expect(await mints()).toBe(0);
    expect(tokens).toHaveLength(1);
  });
});

describe("a page whose token is refused (renewIfRefused)", () => {
  const redirectOf = (run: () => void): string | null => {
    try {
      run();
    } catch (error) {
      const digest = (error as { digest?: unknown }).digest;
      if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2] ?? "";
      throw error;
    }
    return null;
  };
  const session = (renewedAfterRefusal: boolean, mintedAgoMs: number) => ({
    token: "rkcps_not_used",
    expiresAt: Date.now() + 3_600_000,
    mintedAt: Date.now() - mintedAgoMs,
    userId: ADA_LOVELACE_ID,
    renewedAfterRefusal,
  });
  const refused = new PortalError("portal:expired");

  it("goes once through /portal/session, forced, unless that trip was just made", () => {
    expect(redirectOf(() => renewIfRefused(refused, session(false, 1_000), "/portal/invoices"))).toBe(renewPath("/portal/invoices", true));
    // Renewed after a refusal 29 s ago and refused again: shown, not renewed in a loop.
    expect(redirectOf(() => renewIfRefused(refused, session(true, 29_000), "/portal/invoices"))).toBeNull();
    // Long enough ago that the new refusal is news: one more trip.
    expect(redirectOf(() => renewIfRefused(refused, session(true, 31_000), "/portal/invoices"))).toBe(renewPath("/portal/invoices", true));
    expect(redirectOf(() => renewIfRefused(new PortalError("upstream:unavailable"), session(false, 1_000), "/portal/invoices"))).toBeNull();
  });
});
