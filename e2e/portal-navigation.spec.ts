import { CUSTOMERS, expect, signInToPortal, test } from "./fixtures";

test.describe("Moving around the portal", () => {
  test("when RevKeen is slow, a click keeps the current page, says it is loading, then shows the next one", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await expect(page.getByRole("navigation", { name: "Billing" })).toHaveAttribute("data-hydrated", "true");
    await sandbox.latency(1_500);

    await page.getByRole("navigation", { name: "Billing" }).getByRole("link", { name: "Invoices" }).click();
    const loading = page.getByTestId("navigation-pending");
    await expect(loading).toHaveText("Loading…");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

    await expect(page.getByRole("heading", { level: 1, name: "Invoices" })).toBeVisible({ timeout: 15_000 });
    await expect(loading).toBeEmpty();
    await expect(page.getByRole("table", { name: "Invoices, newest first" })).toBeVisible();
  });
});
