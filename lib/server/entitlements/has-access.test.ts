// The gate of a paid feature as a page runs it (Next's own data cache in place), against the
// in-process sandbox: an answer is reused for its lifetime only, and never once RevKeen fails.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ADA_LOVELACE_ID, ADA_PRO } from "@/lib/sandbox/data/seed";
import type { Sandbox } from "@/lib/sandbox/entry/sandbox";
import { nextDataCache } from "@/lib/testing/next-data-cache";
import { callCount, controlSandbox, portalErrorCode } from "@/lib/testing/sandbox-under-test";

process.env.AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
process.env.REVKEEN_API_KEY = "";
process.env.REVKEEN_TIMEOUT_MS = "300";

const { hasAccess } = await import("./has-access");
const { ENTITLEMENT_CACHE_SECONDS, retireAnswers } = await import("./entitlement-cache");
const { createPortalSession } = await import("@/lib/server/revkeen-api/merchant");
const { cancelSubscription } = await import("@/lib/server/revkeen-api/customer-portal");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");

const ADA = { id: ADA_LOVELACE_ID, provider: "demo", emailVerified: true };
const PRO_REPORTS = "pro-reports";
let sandbox: Sandbox;
let page: ReturnType<typeof nextDataCache>;

const checks = () => callCount(sandbox, "entitlements.check");
const adaHasReports = () => page.asAPage(() => hasAccess(ADA, PRO_REPORTS));

/** Moves the app's clock on; timers, and the sandbox made before the clock was faked, keep real time. */
function later(seconds: number): void {
  vi.setSystemTime(Date.now() + seconds * 1000);
}

async function cancelAdasProNow(): Promise<void> {
  const { token } = await createPortalSession({ customerId: ADA_LOVELACE_ID, idempotencyKey: randomUUID() });
  await cancelSubscription(token, ADA_PRO, { cancel_at_period_end: false }, randomUUID());
}

beforeAll(() => {
  sandbox = inProcessSandbox();
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
});

beforeEach(() => {
  // Each test starts with nothing cached: a fresh data cache, and every earlier answer past its lifetime.
  later(ENTITLEMENT_CACHE_SECONDS + 1);
  page = nextDataCache();
  sandbox.reset();
});

afterAll(() => vi.useRealTimers());

describe("hasAccess", () => {
  it("keeps an answer for its lifetime: a second check within it asks RevKeen nothing", async () => {
    expect(await adaHasReports()).toBe(true);
    later(ENTITLEMENT_CACHE_SECONDS - 1);
    expect(await adaHasReports()).toBe(true);
    expect(await checks()).toBe(1);
  });

  it("checks again in the foreground once the answer is older than its lifetime, so a cancel without a webhook shows then", async () => {
    expect(await adaHasReports()).toBe(true);
    await cancelAdasProNow();
    later(ENTITLEMENT_CACHE_SECONDS + 1);
    expect(await adaHasReports()).toBe(false);
    expect(await checks()).toBe(2);
  });

  it("does not grant access from an old true while RevKeen fails: the check fails, and no failure is kept", async () => {
    expect(await adaHasReports()).toBe(true);
    await controlSandbox(sandbox, "POST", "faults", { operation: "entitlements.check", status: 500, count: 100 });
    later(ENTITLEMENT_CACHE_SECONDS + 1);
    expect(await portalErrorCode(adaHasReports())).toBe("upstream:unavailable");
    expect(await portalErrorCode(adaHasReports())).toBe("upstream:unavailable");
    await controlSandbox(sandbox, "DELETE", "faults");
    expect(await adaHasReports()).toBe(true);
  });

  it("asks RevKeen again once a webhook retires the customer's answers, even an answer that was in flight", async () => {
    expect(await adaHasReports()).toBe(true);
    later(1);
    retireAnswers(ADA_LOVELACE_ID);
    expect(await adaHasReports()).toBe(true);
    expect(await checks()).toBe(2);

    // The next check reaches RevKeen, and waits there while a webhook retires the answers.
    const answer = sandbox.handle;
    let arrive = () => {};
    let webhookDelivered = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const webhookDone = new Promise<void>((resolve) => (webhookDelivered = resolve));
    vi.spyOn(sandbox, "handle").mockImplementationOnce(async (request) => {
      arrive();
      await webhookDone;
      return answer(request);
    });
    later(ENTITLEMENT_CACHE_SECONDS + 1);
    const inFlight = adaHasReports();
    await arrived;
    later(1);
    retireAnswers(ADA_LOVELACE_ID);
    later(1);
    webhookDelivered();
    expect(await inFlight).toBe(true);
    expect(await adaHasReports()).toBe(true);
    expect(await checks()).toBe(4);
  });
});
