// The change of bank against the in-process sandbox: guessing at a one-time code has a limit of its
// own, per user and mandate, that a new code does not reset; the verification is sealed in this
// browser's cookie and spent by the one change it allows; the change itself is sent once, never
// repeated automatically, whatever happens to its answer.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { BrowserUnderTest } from "@/lib/testing/browser-under-test";

const browser = vi.hoisted(() => ({ current: null as BrowserUnderTest | null }));
vi.mock("next/headers", async () => (await import("@/lib/testing/browser-under-test")).nextHeadersOf(() => browser.current as BrowserUnderTest));

process.env.AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
process.env.REVKEEN_API_KEY = "";
process.env.DATABASE_URL = "";
process.env.DATABASE_DIR = "memory";
// The writes' own limit well out of the way: this is about the codes' limit (default 5).
process.env.PORTAL_WRITES_PER_MINUTE_PER_USER = "100";
process.env.PORTAL_CODE_ATTEMPTS_PER_10_MINUTES_PER_MANDATE = "";

const { ADA_LOVELACE_ID, ADA_MANDATE_ACTIVE, ADA_MANDATE_CANCELLED } = await import("@/lib/sandbox/data/seed");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");
const { BrowserUnderTest: Browser } = await import("@/lib/testing/browser-under-test");
const { callCount, callOutcomes, controlSandbox, portalErrorCode } = await import("@/lib/testing/sandbox-under-test");
const { jweCompactShape, SEALED_SHAPE } = await import("@/lib/testing/jwe-compact");
const { listMandates } = await import("@/lib/server/revkeen-api/mandates");
const { readPortalSession } = await import("@/lib/server/portal-session/sealed-cookie");
const { withDatabase } = await import("@/lib/server/database/client");
const { linkCustomer } = await import("@/lib/server/database/billing-links");
const { billingAccounts } = await import("@/lib/server/database/schema");
const { eq } = await import("drizzle-orm");
const { changeBankDetails, hasVerification, sendChangeCode, verifyChangeCode } = await import("./change-bank");

const sandbox = inProcessSandbox();
const ada = { id: ADA_LOVELACE_ID, provider: "demo", name: "Ada Lovelace", email: "ada@example.com", emailVerified: true };

async function latestCode(): Promise<string> {
  const [latest] = await controlSandbox<{ code: string }[]>(sandbox, "GET", `emails?customer_id=${ADA_LOVELACE_ID}`);
  if (!latest) throw new Error("no code was e-mailed");
  return latest.code;
}

const another = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

// The first write starts the embedded database (the limits' store): not inside a test's time limit.
beforeAll(async () => {
  browser.current = new Browser();
  await sendChangeCode(ada, ADA_MANDATE_ACTIVE);
}, 60_000);

beforeEach(() => {
  sandbox.reset();
  browser.current = new Browser();
});

describe("one-time code attempts", () => {
  it("are refused past five per user and mandate, a new code notwithstanding, before RevKeen is asked; another mandate is still tried", async () => {
    await sendChangeCode(ada, ADA_MANDATE_ACTIVE);
    const wrong = another(await latestCode());
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await portalErrorCode(verifyChangeCode(ada, ADA_MANDATE_ACTIVE, wrong))).not.toBe("portal:rate_limited");
    }
    // RevKeen's own limit is per code: a new code would start its count again.
    await sendChangeCode(ada, ADA_MANDATE_ACTIVE);
    const right = await latestCode();
    await controlSandbox(sandbox, "DELETE", "calls");
    expect(await portalErrorCode(verifyChangeCode(ada, ADA_MANDATE_ACTIVE, right))).toBe("portal:rate_limited");
    expect(await callCount(sandbox, "mandates.verify_otp")).toBe(0);

    expect(await portalErrorCode(verifyChangeCode(ada, ADA_MANDATE_CANCELLED, wrong))).not.toBe("portal:rate_limited");
    expect(await callCount(sandbox, "mandates.verify_otp")).toBe(1);
  });
});

// A first write for a user of its own reads and writes the embedded database: slow on a busy machine.
describe("changing the bank details", { timeout: 20_000 }, () => {
  const NEW_DETAILS = {
    account_holder_name: "Ada King",
    sort_code: "20-71-64",
    account_number: "55779911",
    acceptance: { accountHolder: true as const, soleSignatory: true as const },
  };
  const VERIFIED_COOKIE = "revkeen-dd-verified";
  /**
   * Ada's billing account, held by a user of its own for each test (linked in the database), so
   * that no test spends another's code attempts on her mandate.
   */
  let user = ada;
  let users = 0;

  beforeEach(async () => {
    users += 1;
    user = { ...ada, id: `github:bank-${users}`, provider: "github" };
    await withDatabase("billing_accounts.link", async (db) => {
      // A customer belongs to one user: the previous test's user lets go of her.
      await db.delete(billingAccounts).where(eq(billingAccounts.customerId, ADA_LOVELACE_ID));
      return linkCustomer(db, user.id, ADA_LOVELACE_ID);
    });
  });

  async function verify(): Promise<void> {
    await sendChangeCode(user, ADA_MANDATE_ACTIVE);
    await verifyChangeCode(user, ADA_MANDATE_ACTIVE, await latestCode());
  }

  async function adaMandate() {
    const stored = await readPortalSession(user.id);
    if (stored.state !== "valid") throw new Error("no portal session");
    return (await listMandates(stored.session.token)).data.find((mandate) => mandate.id === ADA_MANDATE_ACTIVE);
  }

  it("seals the verification in this browser's cookie for that mandate, then spends it on one change sent once", async () => {
    await verify();
    const sealed = browser.current?.cookies.get(VERIFIED_COOKIE) ?? "";
    expect(jweCompactShape(sealed)).toEqual(SEALED_SHAPE);
    expect(sealed).not.toMatch(/vt_/);
    expect(await hasVerification(user, ADA_MANDATE_ACTIVE)).toBe(true);
    expect(await hasVerification(user, ADA_MANDATE_CANCELLED)).toBe(false);

    const changed = await changeBankDetails(user, ADA_MANDATE_ACTIVE, NEW_DETAILS, randomUUID());
    expect(changed).toMatchObject({ id: ADA_MANDATE_ACTIVE, status: "pending", account_holder_name: "Ada King", account_number_last4: "9911" });
    expect(await callCount(sandbox, "mandates.reauthorize")).toBe(1);
    expect(browser.current?.cookies.has(VERIFIED_COOKIE)).toBe(false);
    // Spent: the same details again need a new code, and RevKeen is not asked.
    expect(await portalErrorCode(changeBankDetails(user, ADA_MANDATE_ACTIVE, NEW_DETAILS, randomUUID()))).toBe("mandate:verification_expired");
    expect(await callCount(sandbox, "mandates.reauthorize")).toBe(1);
  });

  it("asks for a new code, without asking RevKeen, when this browser holds no verification", async () => {
    expect(await portalErrorCode(changeBankDetails(user, ADA_MANDATE_ACTIVE, NEW_DETAILS, randomUUID()))).toBe("mandate:verification_expired");
    expect(await callCount(sandbox, "mandates.reauthorize")).toBe(0);
  });

  it("is sent once when its answer is lost: the outcome is unknown, the verification is dropped, and the change was made once", async () => {
    await verify();
    await controlSandbox(sandbox, "POST", "faults", { operation: "mandates.reauthorize", lose_answer: true, status: 502 });
    expect(await portalErrorCode(changeBankDetails(user, ADA_MANDATE_ACTIVE, NEW_DETAILS, randomUUID()))).toBe("mandate:must_reconcile");
    const [sent, ...more] = await callOutcomes(sandbox, "mandates.reauthorize");
    expect(more).toEqual([]);
    expect(sent).toMatchObject({ status: 502, fault: "lose-answer", replayed: false });
    expect(browser.current?.cookies.has(VERIFIED_COOKIE)).toBe(false);
    expect(await adaMandate()).toMatchObject({ status: "pending", account_number_last4: "9911" });
  });

  it("refuses details RevKeen would refuse without asking it, and keeps the verification, so corrected details go through", async () => {
    await verify();
    expect(await portalErrorCode(changeBankDetails(user, ADA_MANDATE_ACTIVE, { ...NEW_DETAILS, sort_code: "20-71" }, randomUUID()))).toBe("mandate:details_invalid");
    expect(browser.current?.cookies.has(VERIFIED_COOKIE)).toBe(true);
    expect(await callCount(sandbox, "mandates.reauthorize")).toBe(0);
    expect((await changeBankDetails(user, ADA_MANDATE_ACTIVE, NEW_DETAILS, randomUUID())).account_number_last4).toBe("9911");
    expect(await callCount(sandbox, "mandates.reauthorize")).toBe(1);
  });
});
