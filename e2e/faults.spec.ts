import type { Page } from "@playwright/test";
import { ADA_PRO, captureCancelKeys, CUSTOMERS, expect, openPortal, signIn, signInToPortal, test, type SandboxControls } from "./fixtures";

// What only a browser shows of RevKeen misbehaving: the cancel form rolled back and its Try again
// sending the same key, and Manage billing's message on the same page. Each kind of fault (5xx,
// 429, timeout, dropped connection, malformed body), how often the server retries it and the
// error it becomes are proved once, without a browser, in
// lib/server/revkeen-api/customer-portal.test.ts and merchant.test.ts; the error page of a read
// that failed is page-status.spec.ts's.

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

test.describe("RevKeen failing during a cancel", () => {
  test("a 500 on cancel is reported, rolled back, and Try again cancels exactly once", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    const keys = await captureCancelKeys(page);
    // Two: the attempt and the server's one retry under the same key.
    await sandbox.fault({ operation: "subscriptions.cancel", status: 500, count: 2 });
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
    await expectOneKeyAndOneCancel(sandbox, [500, 500, 200]);
    // The fault struck before RevKeen acted: only the last call cancelled, none was a replay.
    expect((await sandbox.callsOf("subscriptions.cancel")).map((call) => call.replayed)).toEqual([false, false, false]);
    await page.reload();
    await expect(page.getByTestId("subscription-status")).toHaveText("Canceled");
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
});
