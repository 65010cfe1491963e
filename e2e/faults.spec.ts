import type { Page } from "@playwright/test";
import { ADA_PRO, captureCancelKeys, CUSTOMERS, expect, openPortal, signIn, signInToPortal, test, type SandboxControls } from "./fixtures";

// Every way RevKeen can misbehave, as the sandbox plays it. Counts cover the app's one retry of a
// read (or of a write under its Idempotency-Key); a rate limit and a timeout are not retried.
// The app under test gives up on RevKeen after 3 s (REVKEEN_TIMEOUT_MS in playwright.config.ts).
// `cancelCalls`: the statuses the sandbox logs for the cancel, the attempt and the app's retry (if
// any) and then Try again; null where the connection was dropped or abandoned.
const FAULTS = [
  { name: "500 Internal Server Error", fault: { status: 500, count: 2 }, cancelCalls: [500, 500, 200] },
  { name: "503 Service Unavailable", fault: { status: 503, count: 2 }, cancelCalls: [503, 503, 200] },
  { name: "429 with Retry-After", fault: { status: 429, retry_after: 5, count: 1 }, cancelCalls: [429, 200] },
  { name: "answer slower than the timeout", fault: { delay_ms: 4_000, count: 1 }, cancelCalls: [null, 200] },
  { name: "dropped connection", fault: { drop: true, count: 2 }, cancelCalls: [null, null, 200] },
  { name: "malformed JSON body", fault: { malformed: true, count: 2 }, cancelCalls: [200, 200, 200] },
] as const;

async function startCancelNow(page: Page) {
  await page.goto(`/portal/subscriptions/${ADA_PRO}`);
  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await page.getByRole("radio", { name: "Now" }).check();
  await page.getByRole("button", { name: "Confirm cancellation" }).click();
}

/** Every cancel that reached the sandbox carried one key, and the first and only one that was not a replay cancelled. */
async function expectOneKeyAndOneCancel(sandbox: SandboxControls, statuses: readonly (number | null)[]): Promise<void> {
  const calls = await sandbox.callsOf("subscriptions.cancel");
  expect(calls.map((call) => call.status)).toEqual(statuses);
  const [first] = calls;
  expect(first?.idempotency_key_hash).toMatch(/^[0-9a-f]{16}$/);
  expect(new Set(calls.map((call) => call.idempotency_key_hash))).toEqual(new Set([first?.idempotency_key_hash]));
  expect((await sandbox.cancellations()).filter((entry) => entry.subscription_id === ADA_PRO)).toHaveLength(1);
}

test.describe("RevKeen failing while a page loads", () => {
  for (const { name, fault } of FAULTS) {
    test(`a ${name} on the invoice list shows a readable error, and Try again recovers`, async ({ page, sandbox }) => {
      await signInToPortal(page, CUSTOMERS.rich);
      // Off the portal first: no SWR hook left on the page may take the fault meant for the render.
      await page.goto("/");
      await sandbox.fault({ operation: "invoices.list", ...fault });
      await page.goto("/portal/invoices");
      const problem = page.getByTestId("portal-error");
      await expect(problem).toContainText("We couldn't load your billing right now");
      await problem.getByRole("button", { name: "Try again" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Invoices" })).toBeVisible();
      await expect(page.getByRole("table")).toContainText("ADA-0046");
      await expect(problem).toHaveCount(0);
    });
  }
});

test.describe("RevKeen failing during a cancel", () => {
  for (const { name, fault, cancelCalls } of FAULTS) {
    test(`a ${name} on cancel is reported, rolled back, and Try again cancels exactly once`, async ({ page, sandbox }) => {
      await signInToPortal(page, CUSTOMERS.rich);
      const keys = await captureCancelKeys(page);
      await sandbox.fault({ operation: "subscriptions.cancel", ...fault });
      await sandbox.resetCalls();
      await startCancelNow(page);

      const status = page.getByTestId("cancel-status");
      await expect(status).toContainText("We couldn't cancel your subscription");
      await expect(page.getByTestId("subscription-status")).toHaveText("Active");

      await status.getByRole("button", { name: "Try again" }).click();
      await expect(status).toHaveText("Your subscription has been canceled.");
      await expect(page.getByTestId("subscription-status")).toHaveText("Canceled");
      // One intent, one key: whatever reached RevKeen before, it could only cancel once.
      expect(keys).toHaveLength(2);
      expect(new Set(keys).size).toBe(1);
      await expectOneKeyAndOneCancel(sandbox, cancelCalls);
      // These faults strike before RevKeen acts: only the last call cancelled, none was a replay.
      expect((await sandbox.callsOf("subscriptions.cancel")).map((call) => call.replayed)).toEqual(cancelCalls.map(() => false));
      await page.reload();
      await expect(page.getByTestId("subscription-status")).toHaveText("Canceled");
    });
  }

  test("an answer lost after RevKeen cancelled is recovered by the server's retry under the same key, and cancels once", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await sandbox.fault({ operation: "subscriptions.cancel", lose_answer: true, count: 1 });
    await sandbox.resetCalls();
    await startCancelNow(page);
    await expect(page.getByTestId("cancel-status")).toHaveText("Your subscription has been canceled.");
    await expectOneKeyAndOneCancel(sandbox, [null, 200]);
    expect((await sandbox.callsOf("subscriptions.cancel")).map((call) => call.replayed)).toEqual([false, true]);
  });

  test("answers lost twice after RevKeen cancelled are reported, and Try again under the same key cancels nothing more", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    const keys = await captureCancelKeys(page);
    await sandbox.fault({ operation: "subscriptions.cancel", lose_answer: true, status: 502, count: 2 });
    await sandbox.resetCalls();
    await startCancelNow(page);
    const status = page.getByTestId("cancel-status");
    await expect(status).toContainText("We couldn't cancel your subscription");
    await status.getByRole("button", { name: "Try again" }).click();
    await expect(status).toHaveText("Your subscription has been canceled.");
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    await expectOneKeyAndOneCancel(sandbox, [502, 502, 200]);
    // The first call cancelled; the server's retry and Try again were answered from the key's store.
    expect((await sandbox.callsOf("subscriptions.cancel")).map((call) => call.replayed)).toEqual([false, true, true]);
  });
});

test.describe("Manage billing when RevKeen fails", () => {
  test("an upstream outage while opening billing shows a readable message on the same page", async ({ page, sandbox }) => {
    await signIn(page, CUSTOMERS.rich);
    // Two failures: the first try and its one retry.
    await sandbox.fault({ operation: "sessions.create", status: 503, count: 2 });
    await page.getByRole("button", { name: "Manage billing", exact: true }).click();
    await expect(page.getByTestId("billing-status")).toHaveText(/not reachable right now/i);
    await expect(page).toHaveURL(/\/$/);
    await openPortal(page);
  });

  test("a connection dropped after the session was made is retried once with the same Idempotency-Key, and one session is made", async ({ page, sandbox }) => {
    await signIn(page, CUSTOMERS.rich);
    await sandbox.resetCalls();
    await sandbox.fault({ operation: "sessions.create", lose_answer: true, count: 1 });
    await openPortal(page);
    const [lost, retry, ...more] = await sandbox.callsOf("sessions.create");
    expect(more).toEqual([]);
    expect(lost).toMatchObject({ status: null, fault: "lose-answer", replayed: false });
    expect(retry).toMatchObject({ status: 201, replayed: true, idempotency_key_hash: lost?.idempotency_key_hash });
    expect(lost?.idempotency_key_hash).toMatch(/^[0-9a-f]{16}$/);
  });

  test("each documented shape of the session response is understood, and a response with no token is an error", async ({ page, sandbox }) => {
    await signIn(page, CUSTOMERS.rich);
    for (const shape of ["reference", "sdk", "token"] as const) {
      await sandbox.sessionShape(shape);
      await page.goto("/");
      await openPortal(page);
      await expect(page.getByTestId("portal-customer-name")).toHaveText(CUSTOMERS.rich);
    }
    await sandbox.sessionShape("tokenless");
    await page.goto("/");
    await page.getByRole("button", { name: "Manage billing", exact: true }).click();
    await expect(page.getByTestId("billing-status")).toHaveText(/not reachable right now/i);
  });
});
