import type { Page } from "@playwright/test";
import { ADA_PRO, CUSTOMERS, expect, signIn, signInToPortal, test, webhookDelivered, type SandboxControls } from "./fixtures";

async function openReports(page: Page): Promise<void> {
  await page.goto("/reports");
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
}

async function cancelProNow(page: Page): Promise<void> {
  await page.goto(`/portal/subscriptions/${ADA_PRO}`);
  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await page.getByRole("radio", { name: "Now" }).check();
  await page.getByRole("button", { name: "Confirm cancellation" }).click();
  await expect(page.getByTestId("cancel-status")).toHaveText("Your subscription has been canceled.");
}

async function checks(sandbox: SandboxControls): Promise<number> {
  return (await sandbox.calls()).by_operation["entitlements.check"] ?? 0;
}

test.describe("A paid feature gated by entitlements", () => {
  test("Ada, on Pro, sees the reports, and five reloads ask RevKeen once", async ({ page, sandbox }) => {
    // The reset's customer.updated webhooks retire whatever the app had cached from earlier tests.
    await expect
      .poll(async () => (await sandbox.webhooks()).filter((delivery) => delivery.event_type === "customer.updated").every((delivery) => delivery.state === "delivered"), {
        message: "the reset's webhooks delivered",
      })
      .toBe(true);
    await signIn(page, CUSTOMERS.rich);
    await sandbox.resetCalls();
    for (let reload = 0; reload < 5; reload += 1) {
      await openReports(page);
      await expect(page.getByTestId("reports")).toBeVisible();
    }
    expect(await checks(sandbox)).toBe(1);
  });

  test("after Ada cancels Pro now in the portal, the reports are locked on the next load, with no wait for the cache to expire", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await openReports(page);
    await expect(page.getByTestId("reports")).toBeVisible();

    await cancelProNow(page);
    await webhookDelivered(sandbox, "subscription.canceled");
    await openReports(page);
    const locked = page.getByTestId("reports-locked");
    await expect(locked).toContainText("Reports come with the Pro plan");
    await expect(locked.getByRole("button", { name: "Manage billing", exact: true })).toBeVisible();
  });

  test("a customer whose plans grant no reports sees the locked page and the way to billing", async ({ page }) => {
    await signIn(page, CUSTOMERS.empty);
    await openReports(page);
    await expect(page.getByTestId("reports-locked")).toBeVisible();
    await page.getByTestId("reports-locked").getByRole("button", { name: "Manage billing", exact: true }).click();
    await expect(page).toHaveURL(/\/portal\/subscriptions$/);
  });

  test("a signed-out visitor is sent to sign in and back", async ({ page }) => {
    await page.goto("/reports");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Freports$/);
  });
});
