import type { Page } from "@playwright/test";
import { CUSTOMERS, expect, onCheckoutPage, signInToPortalWithTheForm as signInToPortal, test } from "./fixtures";

function nav(page: Page, name: string) {
  return page.getByRole("navigation", { name: "Billing" }).getByRole("link", { name });
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await page.goto("/portal");
  await expect(page).toHaveURL(/\/sign-in/);
}

/**
 * The visit in English. Kenji's (yen, Japanese) and Émilie's (euros, French) make the same visit in
 * their own language in e2e/languages.spec.ts.
 */
const VISITORS = [{ name: CUSTOMERS.rich, invoices: { list: "Invoices, newest first", total: "Total" } }];

// The whole visit, as each kind of customer makes it: sign in, Manage billing, overview, one
// subscription (cancelled at the period end), invoices, one invoice, sign out.
test.describe("A customer's whole visit", () => {
  for (const { name, invoices: words } of VISITORS) {
    test(`${name} reviews billing, cancels a plan at the period end, reads an invoice and signs out`, async ({ page }) => {
      await signInToPortal(page, name);
      await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
      await expect(page.getByTestId("portal-customer-name")).toHaveText(name);

      await nav(page, "Subscriptions").click();
      await expect(page.getByRole("heading", { level: 1, name: "Subscriptions" })).toBeVisible();
      // The first plan that is neither canceled nor already set to cancel.
      const plans = page.getByRole("main").getByRole("listitem").filter({ hasNotText: /Canceled|Cancels on/ });
      await plans.first().getByRole("link").first().click();
      await expect(page).toHaveURL(/\/portal\/subscriptions\/[0-9a-f-]{36}$/);

      await page.getByRole("button", { name: "Cancel subscription" }).click();
      await page.getByRole("button", { name: "Confirm cancellation" }).click();
      await expect(page.getByTestId("cancel-status")).toHaveText(/Your subscription will end on .+\./);
      await expect(page.getByTestId("subscription-status")).toContainText("Cancels on");

      await nav(page, "Invoices").click();
      const invoices = page.getByRole("table", { name: words.list });
      await expect(invoices).toBeVisible();
      await invoices.getByRole("link").first().click();
      await expect(page).toHaveURL(/\/portal\/invoices\/[0-9a-f-]{36}$/);
      await expect(page.locator("dt", { hasText: new RegExp(`^${words.total}$`) })).toBeVisible();

      await signOut(page);
    });
  }

  test(`${CUSTOMERS.empty}, who has nothing yet, sees empty states everywhere and signs out`, async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.empty);
    await expect(page.getByText("You have no current subscriptions.")).toBeVisible();
    await nav(page, "Subscriptions").click();
    await expect(page.getByRole("heading", { level: 1, name: "Subscriptions" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: /per |every / })).toHaveCount(0);
    await nav(page, "Invoices").click();
    await expect(page.getByRole("heading", { level: 1, name: "Invoices" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Invoices, newest first" })).toHaveCount(0);
    await signOut(page);
  });
});

test.describe("Paying what is owed", () => {
  test(`${CUSTOMERS.rich} pays her past-due Backup invoice from the overview and her plan is no longer past due`, async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await expect(page.getByRole("main").getByText("Past due", { exact: true }).first()).toBeVisible();
    await page.getByRole("list", { name: "Open invoices to pay" }).getByRole("button", { name: /^Pay now.*£30\.00/ }).click();

    await onCheckoutPage(page);
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await expect(page).toHaveURL(/\/portal\/invoices\/[0-9a-f-]{36}\?checkout=returned$/);
    await expect(page.getByTestId("checkout-outcome")).toHaveText("Thank you: this invoice is paid.");
    await expect(page.getByTestId("invoice-status")).toHaveText("Paid");

    await nav(page, "Overview").click();
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expect(page.getByRole("main").getByText("Past due", { exact: true })).toHaveCount(0);
  });
});
