import { CUSTOMERS, expect, test } from "./fixtures";

test.describe("Without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("signing in and pressing Manage billing work as plain forms", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: new RegExp(`Continue as ${CUSTOMERS.rich}`) }).click();
    await page.getByRole("button", { name: "Manage billing", exact: true }).click();
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByTestId("portal-customer-name")).toHaveText(CUSTOMERS.rich);
  });
});
