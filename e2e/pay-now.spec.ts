import type { Page } from "@playwright/test";
import {
  ADA_BACKUP_INVOICE,
  ADA_PAID_INVOICE,
  captureActionKeys,
  CHECKOUT_TOKEN,
  CUSTOMERS,
  expect,
  KENJI_INVOICE,
  onCheckoutPage,
  signInToPortal, signInToPortalAt,
  test,
  webhookDelivered,
  type SandboxControls,
} from "./fixtures";

const BACKUP_PAGE = `/portal/invoices/${ADA_BACKUP_INVOICE}`;
/** Where RevKeen sends her back: the invoice's page with a marker, and nothing else (no session id). */
const RETURN = new RegExp(`/portal/invoices/${ADA_BACKUP_INVOICE}\\?checkout=returned$`);

const PAID = "Thank you: this invoice is paid.";
const NOT_COMPLETED = "Your payment was not completed, and nothing was charged. You can pay now again when you're ready.";

function payNow(page: Page) {
  return page.getByRole("button", { name: /^Pay now/ });
}

function invoiceStatus(page: Page) {
  return page.getByTestId("invoice-status");
}

async function checkoutsCreated(sandbox: SandboxControls): Promise<number> {
  return (await sandbox.calls()).by_operation["checkout_sessions.create"] ?? 0;
}

test.describe("Pay now", () => {
  test("Ada pays her £30.00 invoice on RevKeen's page and comes back to Paid, her Backup plan no longer past due", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, BACKUP_PAGE);
    await expect(invoiceStatus(page)).toHaveText("Open");
    await payNow(page).click();

    await onCheckoutPage(page);
    await expect(page.getByText("£30.00").first()).toBeVisible();
    await page.getByRole("button", { name: "Pay", exact: true }).click();

    await expect(page).toHaveURL(RETURN);
    await expect(page.getByTestId("checkout-outcome")).toHaveText(PAID);
    await expect(page.getByTestId("checkout-outcome")).toBeFocused();
    await expect(invoiceStatus(page)).toHaveText("Paid");
    await expect(payNow(page)).toHaveCount(0);
    await webhookDelivered(sandbox, "invoice.paid");
    // The checkout page's token stays with RevKeen's page: not in this site's pages or cookies.
    expect(await page.content()).not.toMatch(CHECKOUT_TOKEN);
    expect(JSON.stringify(await page.context().cookies())).not.toMatch(CHECKOUT_TOKEN);

    await page.goto("/portal");
    await expect(page.getByRole("main").getByText("Past due", { exact: true })).toHaveCount(0);
    // Her other open invoice is still there to pay, and only that one.
    await expect(page.getByRole("main").getByRole("button", { name: /^Pay now/ })).not.toHaveCount(0);
    await expect(page.getByRole("main").getByRole("button", { name: /^Pay now.*£30\.00/ })).toHaveCount(0);
  });

  test("a declined card says so on RevKeen's page, and a second card pays", async ({ page }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, BACKUP_PAGE);
    await payNow(page).click();
    await onCheckoutPage(page);
    await page.getByRole("button", { name: "Pay with a card that is declined" }).click();
    await expect(page.getByText(/declined/i).first()).toBeVisible();
    await page.getByRole("button", { name: "Pay", exact: true }).click();

    await expect(page).toHaveURL(RETURN);
    await expect(page.getByTestId("checkout-outcome")).toHaveText(PAID);
    await expect(invoiceStatus(page)).toHaveText("Paid");
  });

  test("cancelled on RevKeen's page, the payment is not completed and Pay now is offered again", async ({ page }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, BACKUP_PAGE);
    await payNow(page).click();
    await onCheckoutPage(page);
    await page.getByRole("button", { name: "Cancel", exact: true }).click();

    await expect(page).toHaveURL(RETURN);
    await expect(page.getByTestId("checkout-outcome")).toHaveText(NOT_COMPLETED);
    await expect(invoiceStatus(page)).toHaveText("Open");
    await payNow(page).click();
    await onCheckoutPage(page);
  });

  test("an abandoned checkout comes back as not completed", async ({ page }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, BACKUP_PAGE);
    await payNow(page).click();
    await onCheckoutPage(page);
    // She leaves RevKeen's page and comes back to the invoice by its return address.
    await page.goto(`${BACKUP_PAGE}?checkout=returned`);
    await expect(page.getByTestId("checkout-outcome")).toHaveText(NOT_COMPLETED);
  });

  test("pressed twice, one checkout is created under one key", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, BACKUP_PAGE);
    const keys = await captureActionKeys(page, /^\/portal\/invoices\//);
    await sandbox.resetCalls();
    await payNow(page).dblclick();
    await onCheckoutPage(page);
    expect(new Set(keys).size).toBe(1);
    expect(await checkoutsCreated(sandbox)).toBe(1);
  });

  test("when RevKeen cannot create the checkout, the page says so and Try again works", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, BACKUP_PAGE);
    // Both the attempt and its one retry.
    await sandbox.fault({ operation: "checkout_sessions.create", status: 503, count: 2 });
    await payNow(page).click();
    const status = page.getByTestId("pay-now-status");
    await expect(status).toContainText("We couldn't start your payment. Billing is not reachable right now. Please try again.");
    await expect(status).toBeFocused();
    await status.getByRole("button", { name: "Try again" }).click();
    await onCheckoutPage(page);
  });

  test("an invoice paid in another tab is refused with a clear answer, never charged twice", async ({ page, context, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, BACKUP_PAGE);
    const other = await context.newPage();
    await other.goto(BACKUP_PAGE);
    await payNow(other).click();
    await onCheckoutPage(other);
    await other.getByRole("button", { name: "Pay", exact: true }).click();
    await expect(other.getByTestId("checkout-outcome")).toHaveText(PAID);

    await sandbox.resetCalls();
    await payNow(page).click();
    await expect(page.getByTestId("pay-now-status")).toContainText("This invoice is already paid. Nothing more was charged.");
    expect(await checkoutsCreated(sandbox)).toBe(0);
  });

  test("a paid invoice has no Pay now, and another customer's invoice is not found", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/invoices/${ADA_PAID_INVOICE}`);
    await expect(invoiceStatus(page)).toHaveText("Paid");
    await expect(payNow(page)).toHaveCount(0);

    await sandbox.resetCalls();
    const response = await page.goto(`/portal/invoices/${KENJI_INVOICE}`);
    expect(response?.status()).toBe(404);
    await expect(payNow(page)).toHaveCount(0);
    expect(await checkoutsCreated(sandbox)).toBe(0);
  });

  test("with the app's webhook endpoint down, the invoice still shows Paid: the page asks RevKeen, not the webhooks", async ({ page, sandbox }) => {
    await sandbox.webhookFault("endpoint_down", 20);
    await signInToPortalAt(page, CUSTOMERS.rich, BACKUP_PAGE);
    await payNow(page).click();
    await onCheckoutPage(page);
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await expect(page.getByTestId("checkout-outcome")).toHaveText(PAID);
    await expect(invoiceStatus(page)).toHaveText("Paid");
  });

  test("when RevKeen cannot say how the payment went, the page says so and learns of a payment made meanwhile without a reload", async ({ page, context, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, BACKUP_PAGE);
    await payNow(page).click();
    await onCheckoutPage(page);
    // The read of the session on the way back fails, and so does its one retry.
    await sandbox.fault({ operation: "checkout_sessions.get", status: 503, count: 2 });
    await page.getByRole("button", { name: "Cancel", exact: true }).click();
    await expect(page).toHaveURL(RETURN);
    const outcome = page.getByTestId("checkout-outcome");
    await expect(outcome).toContainText("We couldn't check your payment just now.");
    await expect(outcome.getByRole("link", { name: "Check again" })).toBeVisible();

    const other = await context.newPage();
    await other.goto(BACKUP_PAGE);
    await payNow(other).click();
    await onCheckoutPage(other);
    await other.getByRole("button", { name: "Pay", exact: true }).click();
    await expect(other.getByTestId("checkout-outcome")).toHaveText(PAID);

    // The first page, never reloaded, asks for the invoice again until it is paid.
    await expect(outcome).toHaveText(PAID, { timeout: 15_000 });
    await expect(invoiceStatus(page)).toHaveText("Paid");
  });

  test("the overview offers Pay now for each open invoice", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    const open = page.getByRole("list", { name: "Open invoices to pay" });
    await expect(open.getByRole("listitem")).toHaveCount(2);
    await open.getByRole("button", { name: /^Pay now.*£30\.00/ }).click();
    await onCheckoutPage(page);
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await expect(page).toHaveURL(RETURN);
    await page.goto("/portal");
    // One left: its Pay now sits under the total.
    await expect(page.getByRole("list", { name: "Open invoices to pay" })).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("button", { name: /^Pay now/ })).not.toHaveCount(0);
  });
});

test.describe("Pay now without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Ada pays with plain forms, here and on RevKeen's page, and comes back to Paid", async ({ page }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, BACKUP_PAGE);
    await payNow(page).click();
    await onCheckoutPage(page);
    await page.getByRole("button", { name: "Pay with a card that is declined" }).click();
    await expect(page.getByText(/declined/i).first()).toBeVisible();
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await expect(page).toHaveURL(RETURN);
    await expect(page.getByTestId("checkout-outcome")).toHaveText(PAID);
    await expect(invoiceStatus(page)).toHaveText("Paid");
  });

  test("cancelled on RevKeen's page, the payment is not completed", async ({ page }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, BACKUP_PAGE);
    await payNow(page).click();
    await onCheckoutPage(page);
    await page.getByRole("button", { name: "Cancel", exact: true }).click();
    await expect(page).toHaveURL(RETURN);
    await expect(page.getByTestId("checkout-outcome")).toHaveText(NOT_COMPLETED);
  });

  test("a refusal comes back on the page as a plain form's answer", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, BACKUP_PAGE);
    await sandbox.fault({ operation: "checkout_sessions.create", status: 503, count: 2 });
    await payNow(page).click();
    await expect(page.getByTestId("pay-now-status")).toContainText("We couldn't start your payment. Billing is not reachable right now.");
  });
});
