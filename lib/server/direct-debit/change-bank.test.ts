// The change of bank's code step against the in-process sandbox: guessing at a one-time code has a
// limit of its own, per user and mandate, that a new code does not reset.
import { beforeEach, describe, expect, it, vi } from "vitest";
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
const { callCount, controlSandbox, portalErrorCode } = await import("@/lib/testing/sandbox-under-test");
const { sendChangeCode, verifyChangeCode } = await import("./change-bank");

const sandbox = inProcessSandbox();
const ada = { id: ADA_LOVELACE_ID, provider: "demo", name: "Ada Lovelace", email: "ada@example.com", emailVerified: true };

async function latestCode(): Promise<string> {
  const [latest] = await controlSandbox<{ code: string }[]>(sandbox, "GET", `emails?customer_id=${ADA_LOVELACE_ID}`);
  if (!latest) throw new Error("no code was e-mailed");
  return latest.code;
}

const another = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

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
