// Minting against the in-process sandbox: the signed-in user's own customer (made on a first visit),
// one session per mint, sealed in this browser's cookie, and the per-user limit exact.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { BrowserUnderTest } from "@/lib/testing/browser-under-test";

const browser = vi.hoisted(() => ({ current: null as BrowserUnderTest | null }));
vi.mock("next/headers", async () => (await import("@/lib/testing/browser-under-test")).nextHeadersOf(() => browser.current as BrowserUnderTest));

process.env.AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
process.env.REVKEEN_API_KEY = "";
process.env.REVKEEN_TIMEOUT_MS = "300";
process.env.DATABASE_URL = "";
process.env.DATABASE_DIR = "memory";
process.env.PORTAL_MINTS_PER_MINUTE_PER_USER = "4";
process.env.PORTAL_MINTS_PER_MINUTE_PER_IP = "1000";

const { ADA_LOVELACE_ID } = await import("@/lib/sandbox/data/seed");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");
const { BrowserUnderTest: Browser } = await import("@/lib/testing/browser-under-test");
const { callCount, callOutcomes, controlSandbox, portalErrorCode } = await import("@/lib/testing/sandbox-under-test");
const { jweCompactShape, SEALED_SHAPE } = await import("@/lib/testing/jwe-compact");
const { getCustomer } = await import("@/lib/server/revkeen-api/customer-portal");
const { readPortalSession } = await import("./sealed-cookie");
const { customerIdForUser } = await import("@/lib/server/billing-account/customer-id-for-user");
const { mintPortalSession } = await import("./mint");

const sandbox = inProcessSandbox();
/** A user of their own for each test, so no test spends another's mint allowance. */
let users = 0;
const ada = () => ({ id: ADA_LOVELACE_ID, provider: "demo", name: "Ada Lovelace", email: "ada@example.com", emailVerified: true });
const newcomer = (id: string) => ({ id, provider: "github", name: "New Person", email: `${id.replace(":", "-")}@example.com`, emailVerified: true });

// The embedded database starts (and migrates) on first use: not inside a test's time limit.
beforeAll(() => customerIdForUser(newcomer("github:warm-up")), 60_000);

beforeEach(() => {
  sandbox.reset();
  browser.current = new Browser();
  users += 1;
});

describe("minting a portal session", () => {
  it("asks RevKeen once for the linked customer and seals the token in this browser's cookie", async () => {
    const session = await mintPortalSession(ada());
    expect(await callCount(sandbox, "sessions.create")).toBe(1);
    expect(await callCount(sandbox, "customers.create")).toBe(0);
    const cookie = browser.current?.cookies.get("revkeen-portal") ?? "";
    expect(jweCompactShape(cookie)).toEqual(SEALED_SHAPE);
    expect(cookie).not.toContain(session.token);
    // Read back as sealed: the token and the user exactly, the times to the second the seal keeps.
    expect(await readPortalSession(ADA_LOVELACE_ID)).toMatchObject({ state: "valid", session: { token: session.token, userId: ADA_LOVELACE_ID, renewedAfterRefusal: false } });
    expect((await getCustomer(session.token)).id).toBe(ADA_LOVELACE_ID);
    expect(session.renewedAfterRefusal).toBe(false);
  });

  it("creates a first-time user's customer once, then mints for it without creating another", async () => {
    const user = newcomer(`github:${users}`);
    const first = await mintPortalSession(user);
    const second = await mintPortalSession(user);
    expect(await callCount(sandbox, "customers.create")).toBe(1);
    expect(await callCount(sandbox, "sessions.create")).toBe(2);
    const [customer, again] = await Promise.all([getCustomer(first.token), getCustomer(second.token)]);
    expect(customer.email).toBe(user.email);
    expect(again.id).toBe(customer.id);
  });

  it("lets a user mint exactly four times a minute, the limit, and refuses the fifth before RevKeen is asked", async () => {
    const user = newcomer(`github:${users}`);
    for (let press = 0; press < 4; press += 1) await mintPortalSession(user);
    expect(await portalErrorCode(mintPortalSession(user))).toBe("portal:rate_limited");
    expect(await callCount(sandbox, "sessions.create")).toBe(4);
  });

  it("mints once under one key when RevKeen's answer is lost, and writes no cookie when RevKeen fails", async () => {
    await controlSandbox(sandbox, "POST", "faults", { operation: "sessions.create", lose_answer: true });
    const session = await mintPortalSession(ada());
    expect((await getCustomer(session.token)).id).toBe(ADA_LOVELACE_ID);
    const [lost, retry, ...more] = await callOutcomes(sandbox, "sessions.create");
    expect(more).toEqual([]);
    expect(lost).toMatchObject({ status: null, replayed: false });
    expect(retry).toMatchObject({ status: 201, replayed: true, idempotency_key_hash: lost?.idempotency_key_hash });

    browser.current = new Browser();
    await controlSandbox(sandbox, "POST", "faults", { operation: "sessions.create", status: 503, count: 2 });
    expect(await portalErrorCode(mintPortalSession(ada()))).toBe("upstream:unavailable");
    expect(browser.current.cookies.size).toBe(0);
  });

  it("refuses a first-time user without a verified e-mail before RevKeen is asked", async () => {
    const user = { ...newcomer(`github:${users}`), emailVerified: false };
    expect(await portalErrorCode(mintPortalSession(user))).toBe("portal:email_unverified");
    expect(await callCount(sandbox, "customers.create")).toBe(0);
    expect(await callCount(sandbox, "sessions.create")).toBe(0);
  });
});
