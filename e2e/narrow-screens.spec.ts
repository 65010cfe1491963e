import type { Page } from "@playwright/test";
import { ADA_MANDATE, chooseLanguage, CUSTOMERS, expect, portalPages, signInToPortal, signInToPortalAt, test } from "./fixtures";

/** Elements inside main that reach past the viewport's right edge, described for the failure message. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("main *")]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className || "-"} right=${Math.round(element.getBoundingClientRect().right)} > ${width}`);
  });
}

// The phone project (playwright.config.ts): 390 × 844, dark theme.
test.describe("The portal on a narrow screen", () => {
  test("no portal page is wider than the screen, and nothing needs a sideways scroll", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    for (const path of await portalPages(page)) {
      await page.goto(path);
      await expect(page.getByTestId("portal-customer-name")).toBeVisible();
      expect(await overflowing(page), path).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), path).toBe(true);
    }
  });

  test("every invoice shows its number, date, status, total and amount due without scrolling", async ({ page }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, "/portal/invoices");
    const first = page.getByRole("table", { name: "Invoices, newest first" }).getByRole("row").nth(1);
    await expect(first.getByRole("rowheader")).toHaveText(/^ADA-\d{4}$/);
    for (const label of ["Date", "Status", "Total", "Amount due"]) {
      const cell = first.locator(`[data-label="${label}"]`);
      await expect(cell, label).toBeInViewport();
    }
    await expect(first.locator('[data-label="Total"]')).toContainText("£");
  });

  test("plan names, the dunning message and the cards on file fit the screen", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await expect(page.getByRole("link", { name: /^Backup £/ })).toBeVisible();
    await expect(page.getByRole("list", { name: "Payment methods on file" })).toContainText("Visa ending 4242");
    await expect(page.getByTestId("card-expiry-warning")).toBeVisible();
    expect(await overflowing(page)).toEqual([]);
    await page.getByRole("link", { name: /^Backup £/ }).click();
    const notice = page.getByTestId("dunning-notice");
    await expect(notice.getByRole("button", { name: /^Pay now\W+for Backup$/ })).toBeVisible();
    expect(await overflowing(page)).toEqual([]);
  });

  test("the portal's navigation stays on one line, Direct Debit included", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    const links = page.getByRole("navigation", { name: "Billing" }).getByRole("link");
    await expect(links).toHaveText(["Overview", "Subscriptions", "Invoices", "Direct Debit"]);
    const tops = await links.evaluateAll((elements) => elements.map((element) => Math.round(element.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
  });
});

test.describe("German, the longest of the languages, on a narrow screen", () => {
  test("the pages outside the portal and Direct Debit's, every step of a change of bank included, fit the screen", async ({ page, sandbox }) => {
    const fits = async (what: string) => {
      expect(await overflowing(page), what).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), what).toBe(true);
    };
    await signInToPortal(page, CUSTOMERS.rich);
    await chooseLanguage(page, "Deutsch");
    for (const path of ["/", "/reports", "/pricing", "/nothing-here", "/portal/direct-debit"]) {
      await page.goto(path);
      await fits(path);
    }
    await page.goto(`/portal/direct-debit/${ADA_MANDATE}/change-bank`);
    await fits("Schritt 1");
    await page.getByRole("button", { name: "Code senden" }).click();
    await expect(page.getByLabel("6-stelliger Code")).toBeVisible();
    await fits("Schritt 2");
    await page.getByLabel("6-stelliger Code").fill(await sandbox.latestCode(await sandbox.customerId(CUSTOMERS.rich)));
    await page.getByRole("button", { name: "Weiter" }).click();
    await expect(page.getByLabel("Name des Kontoinhabers")).toBeVisible();
    await fits("Schritt 3");
  });
});
