import { CUSTOMERS, expect, signInToPortal, test } from "./fixtures";

test.describe("Moving around the portal", () => {
  test("a slow page keeps the current one on screen and says it is loading until it shows, even as the Direct Debit link joins the navigation", async ({
    page,
    sandbox,
  }) => {
    // The navigation's Direct Debit link waits on RevKeen's list of Ada's mandates, within the
    // app's timeout: the click is made before it arrives.
    await sandbox.fault({ operation: "mandates.list", delay_ms: 2_500, count: 1 });
    await signInToPortal(page, CUSTOMERS.rich);
    const nav = page.getByRole("navigation", { name: "Billing" });
    await expect(nav).toHaveAttribute("data-hydrated", "true");
    const directDebit = nav.getByRole("link", { name: "Direct Debit" });
    await expect(directDebit).toHaveCount(0);

    // The Invoices page is held on its way to the browser until the link has arrived.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/portal\/invoices\?_rsc=/, async (route) => {
      if (route.request().headers()["next-router-prefetch"] === undefined) await released;
      await route.continue();
    });
    await nav.getByRole("link", { name: "Invoices" }).click();
    const loading = page.getByTestId("navigation-pending");
    await expect(loading).toHaveText("Loading…");
    await expect(directDebit).toBeVisible();
    await expect(loading).toHaveText("Loading…");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

    release();
    await expect(page.getByRole("heading", { level: 1, name: "Invoices" })).toBeVisible();
    await expect(loading).toBeEmpty();
    await expect(page.getByRole("table", { name: "Invoices, newest first" })).toBeVisible();
  });

  test("a page's code is on its way while RevKeen still holds the page's read, not asked for once the page has arrived", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await page.goto("/portal/subscriptions");
    const nav = page.getByRole("navigation", { name: "Billing" });
    await expect(nav).toHaveAttribute("data-hydrated", "true");
    // The sandbox logs a call once it has answered it: until then Invoices' read is held.
    await sandbox.fault({ operation: "invoices.list", delay_ms: 2_000, count: 1 });
    await sandbox.resetCalls();
    const code = page.waitForRequest((request) => request.resourceType() === "script");

    await nav.getByRole("link", { name: "Invoices" }).click();
    await code;
    const answered = (await sandbox.calls()).by_operation["invoices.list"] ?? 0;
    expect(answered, "the page's code was asked for only once RevKeen had answered its read").toBe(0);
    await expect(page.getByRole("heading", { level: 1, name: "Invoices" })).toBeVisible();
    expect((await sandbox.calls()).by_operation["invoices.list"]).toBe(1);
  });

  test("the tab icon is one the browser keeps, so asking for it again after a navigation costs the server nothing", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    const href = await page.locator('head link[rel="icon"]').getAttribute("href");
    expect(href).toBe("/icon.png");
    const icon = await page.request.get(href ?? "");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toBe("image/png");
    // Kept a day: for headless Chrome, which asks again after each click, one request per click, not two.
    expect(icon.headers()["cache-control"]).toBe("public, max-age=86400");
  });
});
