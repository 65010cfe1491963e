import type { Page } from "@playwright/test";
import { deterministicUuid } from "../lib/sandbox/data/ids";
import { CUSTOMERS, detail, expect, signInToPortal, signInToPortalAt, test } from "./fixtures";

const KENJI_INVOICE = deterministicUuid("invoice:kenji:monthly:0");

function invoiceTable(page: Page) {
  return page.getByRole("table", { name: "Invoices, newest first" });
}

/** The invoice numbers on the current page, top to bottom. */
async function invoiceNumbers(page: Page): Promise<string[]> {
  return invoiceTable(page).locator("tbody th").allTextContents();
}

test.describe("Invoices", () => {
  test("pages forward and back through the list with the API's cursors", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await page.getByRole("navigation", { name: "Billing" }).getByRole("link", { name: "Invoices" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Invoices" })).toBeVisible();

    const pager = page.getByRole("navigation", { name: "Invoice pages" });
    const first = await invoiceNumbers(page);
    expect(first).toHaveLength(20);
    expect(first[0]).toMatch(/^ADA-004[56]$/);
    await expect(pager.getByRole("link", { name: /Previous/ })).toHaveCount(0);

    await pager.getByRole("link", { name: /Next/ }).click();
    await expect(page).toHaveURL(/starting_after=/);
    await expect(invoiceTable(page).locator("tbody th").first()).toHaveText("ADA-0026");
    const second = await invoiceNumbers(page);
    expect(second).toHaveLength(20);

    await pager.getByRole("link", { name: /Next/ }).click();
    await expect(invoiceTable(page).locator("tbody th").first()).toHaveText("ADA-0006");
    expect(await invoiceNumbers(page)).toEqual(["ADA-0006", "ADA-0005", "ADA-0004", "ADA-0003", "ADA-0002", "ADA-0001"]);
    await expect(pager.getByRole("link", { name: /Next/ })).toHaveCount(0);

    await pager.getByRole("link", { name: /Previous/ }).click();
    await expect(page).toHaveURL(/ending_before=/);
    await expect(invoiceTable(page).locator("tbody th").first()).toHaveText("ADA-0026");
    expect(await invoiceNumbers(page)).toEqual(second);

    await pager.getByRole("link", { name: /Previous/ }).click();
    await expect(invoiceTable(page).locator("tbody th").first()).toHaveText(first[0] ?? "");
    expect(await invoiceNumbers(page)).toEqual(first);
    await expect(pager.getByRole("link", { name: /Previous/ })).toHaveCount(0);
  });

  test("changes the page size with one press, starting again from the newest, asking the server for that size alone", async ({ page }) => {
    // Every request for a page size, fetched ahead ("ahead") or opened.
    const asked: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname !== "/portal/invoices" || !url.searchParams.has("limit")) return;
      asked.push(`${url.searchParams.get("limit")}${request.headers()["next-router-prefetch"] === undefined ? "" : " ahead"}`);
    });
    await signInToPortalAt(page, CUSTOMERS.rich, "/portal/invoices");
    await expect(page.getByRole("navigation", { name: "Billing" })).toHaveAttribute("data-hydrated", "true");
    const sizes = page.getByRole("navigation", { name: "Invoices per page" });
    await expect(sizes.getByRole("link", { name: "20" })).toHaveAttribute("aria-current", "page");
    await sizes.getByRole("link", { name: "50" }).click();

    await expect(page).toHaveURL(/limit=50/);
    await expect(sizes.getByRole("link", { name: "50" })).toHaveAttribute("aria-current", "page");
    await expect(invoiceTable(page).locator("tbody tr")).toHaveCount(46);
    await expect(page.getByRole("navigation", { name: "Invoice pages" })).toHaveCount(0);
    expect(asked).toEqual(["50"]);
  });

  test("shows an empty state for a customer with no invoices", async ({ page }) => {
    await signInToPortalAt(page, CUSTOMERS.empty, "/portal/invoices");
    await expect(page.getByText("You have no invoices yet.")).toBeVisible();
  });

  test("shows Kenji his invoices in Japanese, yen amounts without decimals", async ({ page }) => {
    await signInToPortalAt(page, CUSTOMERS.yen, "/portal/invoices");
    const table = page.getByRole("table", { name: "請求書（新しい順）" });
    await expect(table.locator("tbody tr")).toHaveCount(8);
    await expect(table).toContainText(/[¥￥]10,780/);
    await expect(table).not.toContainText(/[¥￥][\d,]+\.\d/);
    await expect(table.getByRole("columnheader", { name: "未払い額" })).toBeVisible();

    await page.goto(`/portal/invoices/${KENJI_INVOICE}`);
    await expect(page).toHaveTitle(/^請求書\P{L}/u);
    await expect(page.getByTestId("invoice-status")).toHaveText("お支払い済み");
    await expect(detail(page, "小計")).toHaveText(/^[¥￥]980$/);
    await expect(detail(page, "税")).toHaveText(/^[¥￥]98$/);
    await expect(detail(page, "合計")).toHaveText(/^[¥￥]1,078$/);
    await expect(detail(page, "請求日")).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  });

  test("shows one invoice's dates and amounts", async ({ page }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/invoices/${deterministicUuid("invoice:ada:gbp:0")}`);

    await expect(page.getByRole("heading", { level: 1, name: /^Invoice ADA-\d{4}$/ })).toBeVisible();
    await expect(page.getByTestId("invoice-status")).toHaveText("Open");
    await expect(detail(page, "Invoice date")).toHaveText(/^\d{1,2} \w+ \d{4}$/);
    await expect(detail(page, "Due date")).toHaveText(/^\d{1,2} \w+ \d{4}$/);
    await expect(detail(page, "Paid on")).toHaveText("—");
    await expect(detail(page, "Subtotal")).toHaveText("£27.00");
    await expect(detail(page, "Discount")).toHaveText("£0.00");
    await expect(detail(page, "Tax")).toHaveText("£5.40");
    await expect(detail(page, "Total")).toHaveText("£32.40");
    await expect(detail(page, "Amount paid")).toHaveText("£0.00");
    await expect(detail(page, "Amount due")).toHaveText("£32.40");
  });
});
