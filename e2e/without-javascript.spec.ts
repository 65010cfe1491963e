import { ADA_MANDATE, ADA_PRO, CUSTOMERS, expect, expectDoublePressActedOnce, fillNewBankAccount, FULL_BANK_DETAILS, test } from "./fixtures";

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

    await expect(page.getByTestId("cancel-status")).toHaveText("Your subscription has been canceled.");
    await expect(page.getByTestId("subscription-status")).toHaveText("Canceled");
    const cancellations = (await sandbox.cancellations()).filter((entry) => entry.subscription_id === ADA_PRO);
    expect(cancellations).toEqual([expect.objectContaining({ status: "canceled", reason: "It costs too much" })]);
    await expectDoublePressActedOnce(sandbox, "subscriptions.cancel");
    // Nothing that needs JavaScript is offered: the only way to cancel was the plain form.
    await expect(page.getByRole("button", { name: /Cancel (subscription|now instead)/ })).toHaveCount(0);
  });

  test("a customer changes a Direct Debit's bank account and then cancels it, step by step with plain forms", async ({ page, sandbox }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: new RegExp(`Continue as ${CUSTOMERS.rich}`) }).click();
    await page.getByRole("button", { name: "Manage billing", exact: true }).click();
    await page.goto(`/portal/direct-debit/${ADA_MANDATE}/change-bank`);
    await page.getByRole("button", { name: "Send code" }).click();
    await expect(page.getByTestId("change-bank-message")).toHaveText("We've e-mailed a 6-digit code to ada@example.com.");
    const code = await sandbox.latestCode(await sandbox.customerId(CUSTOMERS.rich));
    await page.getByLabel("6-digit code").fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("change-bank-message")).toHaveText("That code isn't right. Check it and try again, or ask for a new code.");
    await page.getByLabel("6-digit code").fill(code);
    await page.getByRole("button", { name: "Continue" }).click();
    await fillNewBankAccount(page);
    await page.getByRole("button", { name: "Change bank account" }).click();

    await expect(page).toHaveURL(/\/portal\/direct-debit\?outcome=changed$/);
    await expect(page.getByTestId("direct-debit-outcome")).toContainText("Your new bank details were sent.");
    expect(await page.content()).not.toMatch(FULL_BANK_DETAILS);
    const changed = page.getByRole("article", { name: "Barclays •••• 9911" });
    await expect(changed.getByText("Being set up", { exact: true })).toBeVisible();

    await sandbox.resetCalls();
    await changed.getByText("Cancel this Direct Debit").click();
    await changed.getByLabel("Why are you cancelling? (optional)").fill("Closing the account");
    // A double press sends the same rendering of the form, so the same key, twice.
    await changed.getByRole("button", { name: "Confirm cancellation" }).dblclick();
    const cancelled = page.getByRole("article", { name: "Barclays •••• 9911" });
    await expect(cancelled.getByTestId("mandate-cancel-status")).toHaveText("Your Direct Debit has been cancelled. No more payments will be collected with it.");
    await expect(cancelled.getByText("Cancelled", { exact: true })).toBeVisible();
    await expectDoublePressActedOnce(sandbox, "mandates.cancel");
  });
});
