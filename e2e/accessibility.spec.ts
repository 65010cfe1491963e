import { deterministicUuid } from "../lib/sandbox/data/ids";
import { seriousViolations } from "./axe-violations";
import { ADA_MANDATE, ADA_PRO, CUSTOMERS, expect, fillNewBankAccount, signInToPortal, signInToPortalAt, test, verifyForBankChange } from "./fixtures";

/** Ada's open invoice of this month. */
const ADA_OPEN_INVOICE = deterministicUuid("invoice:ada:gbp:0");
/** Ada's past-due plan: its page carries the dunning message. */
const ADA_BACKUP = deterministicUuid("subscription:ada:backup");

test.describe("Accessibility", () => {
  test("the sign-in page and the account page have no serious or critical axe violation", async ({ page }) => {
    await page.goto("/sign-in");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: new RegExp(`Continue as ${CUSTOMERS.rich}`) }).click();
    await expect(page.getByRole("button", { name: "Manage billing", exact: true })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  // One test a page: an axe scan takes seconds, and a page's own test says which one failed.
  for (const path of ["/portal", "/portal/subscriptions", `/portal/subscriptions/${ADA_PRO}`, "/portal/invoices", `/portal/invoices/${ADA_OPEN_INVOICE}`, "/portal/direct-debit"]) {
    test(`${path.replace(/[0-9a-f-]{36}$/, "[id]")} of a customer with everything has no serious or critical axe violation`, async ({ page }) => {
      await signInToPortalAt(page, CUSTOMERS.rich, path);
      await expect(page.getByTestId("portal-customer-name")).toBeVisible();
      expect(await seriousViolations(page), path).toEqual([]);
    });
  }

  test("a past-due plan's page, with its dunning message, has no serious or critical axe violation", async ({ page }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/subscriptions/${ADA_BACKUP}`);
    await expect(page.getByTestId("dunning-notice")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the not-found page inside the portal has no serious or critical axe violation", async ({ page }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, "/portal/invoices/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { name: "Invoice not found" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the cancel form, its error and its outcome have no serious or critical axe violation", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/subscriptions/${ADA_PRO}`);
    await page.getByRole("button", { name: "Cancel subscription" }).click();
    await page.getByRole("radio", { name: "It costs too much" }).check();
    expect(await seriousViolations(page), "open form").toEqual([]);

    // Two: the server retries a write once.
    await sandbox.fault({ operation: "subscriptions.cancel", status: 503, count: 2 });
    await page.getByRole("button", { name: "Confirm cancellation" }).click();
    await expect(page.getByTestId("cancel-status").getByRole("button", { name: "Try again" })).toBeVisible();
    expect(await seriousViolations(page), "failed cancel").toEqual([]);

    await page.getByTestId("cancel-status").getByRole("button", { name: "Try again" }).click();
    await expect(page.getByTestId("cancel-status")).toContainText("Your subscription will end on");
    // The page is drawn again by the server, offering to keep the plan: scanned once it is.
    await expect(page.getByRole("form", { name: "Keep my plan" })).toBeVisible();
    await expect(page).toHaveTitle(/\S/);
    expect(await seriousViolations(page), "scheduled").toEqual([]);
  });

  test("the empty states have no serious or critical axe violation", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.empty);
    for (const path of ["/portal", "/portal/subscriptions", "/portal/invoices", "/portal/direct-debit"]) {
      await page.goto(path);
      await expect(page.getByTestId("portal-customer-name")).toBeVisible();
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });

  test("every step of a change of bank, its errors and a Direct Debit's cancel have no serious or critical axe violation", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/direct-debit/${ADA_MANDATE}/change-bank`);
    expect(await seriousViolations(page), "send a code").toEqual([]);
    await page.getByRole("button", { name: "Send code" }).click();
    await page.getByLabel("6-digit code").fill("12345x");
    await page.getByLabel("6-digit code").fill("000001");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("change-bank-message")).not.toHaveText(/e-mailed/);
    expect(await seriousViolations(page), "a refused code").toEqual([]);
    await verifyForBankChange(page, sandbox);
    await fillNewBankAccount(page);
    expect(await seriousViolations(page), "new bank details").toEqual([]);
    await sandbox.fault({ operation: "mandates.reauthorize", status: 502 });
    await page.getByRole("button", { name: "Change bank account" }).click();
    await expect(page.getByRole("heading", { name: "Where your change stands" })).toBeVisible();
    expect(await seriousViolations(page), "an unknown outcome").toEqual([]);

    await page.goto("/portal/direct-debit");
    await page.getByRole("article", { name: "Barclays •••• 4321" }).getByText("Cancel this Direct Debit").click();
    expect(await seriousViolations(page), "cancel opened").toEqual([]);
  });
});
