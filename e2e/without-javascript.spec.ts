import { ADA_PRO, CUSTOMERS, expect, test } from "./fixtures";

test.describe("Without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("signing in and pressing Manage billing work as plain forms", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: new RegExp(`Continue as ${CUSTOMERS.rich}`) }).click();
    await page.getByRole("button", { name: "Manage billing", exact: true }).click();
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByTestId("portal-customer-name")).toHaveText(CUSTOMERS.rich);
  });

  test("a customer cancels a plan with the plain form, once however often it is sent, and sees the outcome", async ({ page, sandbox }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: new RegExp(`Continue as ${CUSTOMERS.rich}`) }).click();
    await page.getByRole("button", { name: "Manage billing", exact: true }).click();
    await page.goto(`/portal/subscriptions/${ADA_PRO}`);
    await sandbox.resetCalls();

    const form = page.getByRole("form", { name: "Confirm cancellation" });
    await form.getByRole("radio", { name: /^Now/ }).check();
    await form.getByRole("radio", { name: "It costs too much" }).check();
    // An impatient double press sends the same rendering of the form, so the same key, twice.
    await form.getByRole("button", { name: "Confirm cancellation" }).dblclick();

    await expect(page.getByTestId("cancel-outcome")).toHaveText("Your subscription has been canceled.");
    await expect(page.getByTestId("subscription-status")).toHaveText("Canceled");
    const cancellations = (await sandbox.cancellations()).filter((entry) => entry.subscription_id === ADA_PRO);
    expect(cancellations).toEqual([expect.objectContaining({ status: "canceled", reason: "It costs too much" })]);
    expect((await sandbox.calls()).by_operation["subscriptions.cancel"]).toBeGreaterThanOrEqual(1);
    // Nothing that needs JavaScript is offered: the only way to cancel was the plain form.
    await expect(page.getByRole("button", { name: /Cancel (subscription|now instead)/ })).toHaveCount(0);
  });
});
