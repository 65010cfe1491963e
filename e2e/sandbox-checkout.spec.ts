import type { SandboxControls } from "../lib/testing/app-under-test";
import { deterministicUuid } from "../lib/sandbox/data/ids";
import { CUSTOMERS, expect, sandboxUrl, signInToPortal, test } from "./fixtures";

const ADA_BACKUP_INVOICE = deterministicUuid("invoice:ada:backup:failed");

/** A checkout session for Ada's open invoice, made with the merchant key as the app's server makes one. */
async function checkoutFor(sandbox: SandboxControls, returnTo: { successUrl: string; cancelUrl: string }): Promise<{ id: string; url: string }> {
  const response = await sandbox.asMerchant("POST", "checkout-sessions", { invoiceId: ADA_BACKUP_INVOICE, ...returnTo });
  expect(response.status).toBe(201);
  return ((await response.json()) as { data: { id: string; url: string } }).data;
}

// RevKeen's hosted checkout as the standalone sandbox plays it, on its own origin: a customer arrives
// from the app, pays (or not), and is sent back to the app's addresses.
test.describe("The sandbox's hosted checkout page", () => {
  test("takes Ada's payment and sends her back to the app's success address", async ({ page, sandbox, baseURL }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    const success = `${baseURL}/portal/invoices/${ADA_BACKUP_INVOICE}`;
    const session = await checkoutFor(sandbox, { successUrl: success, cancelUrl: `${baseURL}/portal/invoices` });
    await page.goto(session.url);
    await expect(page.getByRole("heading", { level: 1, name: "Pay Acme" })).toBeVisible();
    await expect(page.getByText("£30.00", { exact: true })).toBeVisible();
    await expect(page.getByText("Ada Lovelace", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await expect(page).toHaveURL(success);
    expect((await sandbox.checkoutSessions()).map(({ id, status }) => ({ id, status }))).toEqual([{ id: session.id, status: "complete" }]);
  });

  test("without JavaScript, says a declined card was declined and lets her pay again", async ({ browser, sandbox, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const success = `${baseURL}/sign-in`;
    const session = await checkoutFor(sandbox, { successUrl: success, cancelUrl: `${baseURL}/` });
    await page.goto(session.url);
    await page.getByRole("button", { name: "Pay with a card that is declined" }).click();
    await expect(page.getByText("Your card was declined, and nothing was taken. Try again, or use another card.")).toBeVisible();
    expect((await sandbox.checkoutSessions())[0]?.status).toBe("open");
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await expect(page).toHaveURL(success);
    expect((await sandbox.checkoutSessions())[0]?.status).toBe("complete");
    await context.close();
  });

  test("sends her back to the cancel address on Cancel, with the invoice still to pay", async ({ page, sandbox, baseURL }) => {
    const cancel = `${baseURL}/sign-in`;
    const session = await checkoutFor(sandbox, { successUrl: `${baseURL}/`, cancelUrl: cancel });
    await page.goto(session.url);
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page).toHaveURL(cancel);
    expect((await sandbox.checkoutSessions())[0]?.status).toBe("open");
  });

  test("fits a small phone's screen without scrolling sideways", async ({ page, sandbox, baseURL }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const session = await checkoutFor(sandbox, { successUrl: `${baseURL}/`, cancelUrl: `${baseURL}/` });
    await page.goto(session.url);
    await expect(page.getByRole("button", { name: "Pay with a card that is declined" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test("answers a link that opens no session with a readable page", async ({ page }) => {
    const response = await page.goto(`${sandboxUrl()}/__sandbox/checkout/cst_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "This checkout link is not valid" })).toBeVisible();
  });
});
