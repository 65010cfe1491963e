import type { Locator, Page } from "@playwright/test";
import { deterministicUuid } from "../lib/sandbox/data/ids";
import { ADA_PRO, CUSTOMERS, expect, forgetKeptBilling, onCheckoutPage, signInToPortal, signInToPortalAt, test } from "./fixtures";
import { messagesFor } from "./messages-for";

/** Ada's past-due Backup plan, two of four tries made, and the invoice its renewal failed on. */
const ADA_BACKUP = deterministicUuid("subscription:ada:backup");

/** The merchant reads under test, as the sandbox's call log and faults name them. */
const OPERATIONS = { subscriptions: "merchant_subscriptions.list", products: "products.get", paymentMethods: "payment_methods.list" } as const;

const ADA_PLANS = ["Pro", "Archive", "Team", "Backup", "Analytics"];

/** The link to a plan's page: its name, then its price. */
function planLink(scope: Page | Locator, name: string) {
  return scope.getByRole("link", { name: new RegExp(`^${name} [^ ]*\\d`) });
}

test.describe("Plan names", () => {
  test.beforeEach(async ({ request, sandbox }) => {
    await forgetKeptBilling(request, sandbox, CUSTOMERS.rich);
  });

  test("Ada sees each plan named after its product, with its price beside it, on the overview, the list and the plan's page", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    const current = page.getByRole("list", { name: "Current subscriptions" });
    for (const name of ADA_PLANS) await expect(planLink(current, name)).toBeVisible();
    await expect(current.getByRole("link", { name: "Pro £12.00 per month", exact: true })).toBeVisible();

    await page.goto("/portal/subscriptions");
    const all = page.getByRole("list", { name: "Subscriptions" });
    for (const name of [...ADA_PLANS, "Legacy support"]) await expect(planLink(all, name)).toBeVisible();

    await planLink(all, "Pro").click();
    await expect(page).toHaveURL(new RegExp(`/portal/subscriptions/${ADA_PRO}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Pro £12.00 per month", exact: true })).toBeVisible();
  });

  test("a second view asks RevKeen nothing more for the names, and a webhook about the customer makes the next view ask again", async ({ page, request, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await expect(planLink(page, "Pro")).toBeVisible();
    await sandbox.resetCalls();

    await page.goto("/portal/subscriptions");
    await expect(planLink(page, "Backup")).toBeVisible();
    let calls = (await sandbox.calls()).by_operation;
    expect(calls[OPERATIONS.subscriptions] ?? 0).toBe(0);
    expect(calls[OPERATIONS.products] ?? 0).toBe(0);

    await forgetKeptBilling(request, sandbox, CUSTOMERS.rich);
    await page.goto("/portal/subscriptions");
    await expect(planLink(page, "Backup")).toBeVisible();
    calls = (await sandbox.calls()).by_operation;
    expect(calls[OPERATIONS.subscriptions]).toBe(1);
    // Products are kept for long: their names did not change with the customer.
    expect(calls[OPERATIONS.products] ?? 0).toBe(0);
  });

  test("plans are named by their price when RevKeen cannot say their names, and the page still works", async ({ page, request, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await page.goto("/");
    await forgetKeptBilling(request, sandbox, CUSTOMERS.rich);
    // Two: a failed read is tried once more.
    await sandbox.fault({ operation: OPERATIONS.subscriptions, status: 500, count: 2 });

    await page.goto("/portal/subscriptions");
    const all = page.getByRole("list", { name: "Subscriptions" });
    await expect(all.getByRole("link", { name: "£12.00 per month", exact: true })).toBeVisible();
    await expect(all.getByRole("link", { name: "€12.00 every 3 months", exact: true })).toBeVisible();
    await expect(planLink(all, "Pro")).toHaveCount(0);
    await expect(page.getByTestId("portal-error")).toHaveCount(0);

    // A failure is not kept: the next view names them.
    await page.reload();
    await expect(planLink(all, "Pro")).toBeVisible();
  });

  for (const [customer, names, locale] of [
    [CUSTOMERS.yen, ["スタンダード（月額）", "スタンダード（年額）"], "ja"],
    [CUSTOMERS.euro, ["Formule annuelle"], "fr"],
  ] as const) {
    test(`${customer}'s plans are named in their language`, async ({ page, request, sandbox }) => {
      await forgetKeptBilling(request, sandbox, customer);
      await signInToPortal(page, customer);
      const current = page.getByRole("list", { name: messagesFor(locale)("Subscriptions.currentListLabel") });
      for (const name of names) await expect(current.getByRole("link", { name: new RegExp(`^${name} `) })).toBeVisible();
    });
  }
});

test.describe("A past-due plan", () => {
  test.beforeEach(async ({ request, sandbox }) => {
    await forgetKeptBilling(request, sandbox, CUSTOMERS.rich);
  });

  test("says the last payment failed, when the next try is, how many are left and that access continues, and offers to pay", async ({ page }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/subscriptions/${ADA_BACKUP}`);
    const notice = page.getByTestId("dunning-notice");
    await expect(notice.getByRole("heading", { name: "Your last payment for this plan failed." })).toBeVisible();
    await expect(notice).toContainText(/We'll try again on \d{1,2} [A-Z][a-z]+ \d{4} \(2 tries left\)\./);
    await expect(notice).toContainText("You still have access while it is being paid.");

    // One press from RevKeen's checkout for the plan's unpaid invoice.
    await notice.getByRole("button", { name: /^Pay now\W+for Backup$/ }).click();
    await onCheckoutPage(page);
    await expect(page.locator("body")).toContainText("£30.00");
  });

  test("shows it briefly on the plan's card, and not on a plan that is paid up", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    const backup = page.getByRole("listitem").filter({ has: planLink(page, "Backup") });
    await expect(backup.getByTestId("dunning-notice")).toContainText(/^Payment failed\. Next try on .+\./);
    await expect(backup.getByRole("button", { name: /^Pay now\W+for Backup$/ })).toBeVisible();
    await expect(page.getByTestId("dunning-notice")).toHaveCount(1);

    await page.goto(`/portal/subscriptions/${ADA_PRO}`);
    await expect(page.getByRole("heading", { level: 1, name: /^Pro £/ })).toBeVisible();
    await expect(page.getByTestId("dunning-notice")).toHaveCount(0);
  });
});

test.describe("Payment methods on file", () => {
  test("Ada sees her cards with the default first, the expired one marked, and a warning that her default card expires before her next payment", async ({ page, request, sandbox }) => {
    await forgetKeptBilling(request, sandbox, CUSTOMERS.rich);
    await signInToPortal(page, CUSTOMERS.rich);
    const methods = page.getByRole("list", { name: "Payment methods on file" });
    const items = methods.getByRole("listitem");
    await expect(items.first()).toContainText(/^Visa ending 4242Expires \d{2}\/\d{4}Default$/);
    await expect(methods.getByRole("listitem").filter({ hasText: "Mastercard" })).toContainText(/Mastercard ending \d{4}Expired \d{2}\/\d{4}/);
    await expect(page.getByTestId("card-expiry-warning")).toHaveText(/^Your default card, Visa ending 4242, expires before your payment on .+\.$/);
    // Never more than brand, last four and expiry.
    await expect(page.getByRole("region", { name: "Payment methods" })).not.toContainText(/credit|funding|Ada Lovelace|pm_/i);
  });

  test("Grace has none, and is told so", async ({ page, request, sandbox }) => {
    await forgetKeptBilling(request, sandbox, CUSTOMERS.empty);
    await signInToPortal(page, CUSTOMERS.empty);
    await expect(page.getByText("You have no cards or bank accounts on file.")).toBeVisible();
    await expect(page.getByTestId("card-expiry-warning")).toHaveCount(0);
  });

  test("a failure to read them is said in their section alone, with a way to try again", async ({ page, request, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await page.goto("/");
    await forgetKeptBilling(request, sandbox, CUSTOMERS.rich);
    await sandbox.fault({ operation: OPERATIONS.paymentMethods, status: 500, count: 2 });

    await page.goto("/portal");
    const problem = page.getByTestId("payment-methods-problem");
    await expect(problem).toHaveText("Your payment methods couldn't be loaded just now. Try again");
    await expect(page.getByRole("list", { name: "Current subscriptions" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Latest invoices" })).toBeVisible();

    await problem.getByRole("link", { name: "Try again" }).click();
    await expect(page.getByRole("list", { name: "Payment methods on file" })).toContainText("Visa ending 4242");
    await expect(problem).toHaveCount(0);
  });
});

test.describe("Plans and cards without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the names, the dunning message with its way to pay, and the cards are all in the server's page", async ({ page, request, sandbox }) => {
    await forgetKeptBilling(request, sandbox, CUSTOMERS.rich);
    await page.goto("/sign-in");
    await page.getByRole("button", { name: new RegExp(`Continue as ${CUSTOMERS.rich}`) }).click();
    await page.getByRole("button", { name: "Manage billing", exact: true }).click();
    await expect(page).toHaveURL(/\/portal$/);

    for (const name of ADA_PLANS) await expect(planLink(page.getByRole("list", { name: "Current subscriptions" }), name)).toBeVisible();
    await expect(page.getByRole("list", { name: "Payment methods on file" })).toContainText("Visa ending 4242");
    await expect(page.getByTestId("card-expiry-warning")).toBeVisible();

    await planLink(page, "Backup").click();
    await expect(page.getByTestId("dunning-notice")).toContainText("(2 tries left)");
    await page.getByTestId("dunning-notice").getByRole("button", { name: /^Pay now\W+for Backup$/ }).click();
    await onCheckoutPage(page);
  });
});
