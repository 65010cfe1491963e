import type { Page } from "@playwright/test";
import { appUrl, CUSTOMERS, expect, signIn, test } from "./fixtures";

const ATTACKER = "https://attacker.example";

/** Serves `html` as another site's page, then opens it in the visitor's browser. */
async function visitAnotherSite(page: Page, html: string): Promise<void> {
  await page.route(`${ATTACKER}/**`, (route) => route.fulfill({ contentType: "text/html", body: html }));
  await page.goto(`${ATTACKER}/`);
}

test.describe("Requests another site starts", () => {
  test("a link from another site into billing mints nothing, so it cannot use up the visitor's allowance", async ({ page, sandbox }) => {
    await signIn(page, CUSTOMERS.rich);
    await sandbox.resetCalls();
    // Today's limit is 10 a minute; each of these would have spent one.
    for (let visit = 0; visit < 3; visit += 1) {
      await visitAnotherSite(page, `<a href="${appUrl()}/portal/session?force=1&amp;next=%2Fportal%2Finvoices">Your invoices</a>`);
      await page.getByRole("link", { name: "Your invoices" }).click();
      await expect(page).toHaveURL(`${appUrl()}/?next=%2Fportal%2Finvoices`);
    }
    expect((await sandbox.calls()).by_operation["sessions.create"]).toBe(0);

    // The way in is one press away, and goes where the link was headed.
    await page.getByRole("button", { name: "Manage billing", exact: true }).click();
    await expect(page).toHaveURL(`${appUrl()}/portal/invoices`);
    expect((await sandbox.calls()).by_operation["sessions.create"]).toBe(1);
  });

  test("a link from another site to the app's API mints nothing and creates no customer, even on a first visit", async ({ page, sandbox }) => {
    await signIn(page, "a new customer");
    await sandbox.resetCalls();
    await visitAnotherSite(page, `<a href="${appUrl()}/api/portal/customer">Your account</a>`);
    const answer = page.waitForResponse(`${appUrl()}/api/portal/customer`);
    await page.getByRole("link", { name: "Your account" }).click();
    const response = await answer;
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "portal:expired" } });
    const calls = (await sandbox.calls()).by_operation;
    expect(calls["sessions.create"]).toBe(0);
    expect(calls["customers.create"]).toBe(0);
  });

  test("a link from another site to a portal page lets a signed-in customer in with one press", async ({ page, sandbox }) => {
    await signIn(page, CUSTOMERS.rich);
    await sandbox.resetCalls();
    await visitAnotherSite(page, `<a href="${appUrl()}/portal/subscriptions">Your plan</a>`);
    await page.getByRole("link", { name: "Your plan" }).click();
    await expect(page).toHaveURL(`${appUrl()}/?next=%2Fportal%2Fsubscriptions`);
    await page.getByRole("button", { name: "Manage billing", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Subscriptions" })).toBeVisible();
    expect((await sandbox.calls()).by_operation["sessions.create"]).toBe(1);
  });
});
