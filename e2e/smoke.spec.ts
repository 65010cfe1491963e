import { CUSTOMERS, expect, signInToPortal, test } from "./fixtures";

// Runs against `next dev` with no environment at all: the path a fresh clone takes.
test.describe("Zero-configuration sandbox mode", () => {
  test("a fresh clone signs in as a demo customer and opens the portal on the in-process sandbox", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("mode-banner")).toContainText("sandbox");
    await signInToPortal(page, CUSTOMERS.rich);
    await expect(page.getByTestId("portal-customer-name")).toHaveText(CUSTOMERS.rich);
  });

  test("a keyless deployment says it is a demo on every page", async ({ page }) => {
    for (const path of ["/", "/sign-in"]) {
      await page.goto(path);
      await expect(page.getByTestId("mode-banner")).toHaveText(/^Demo: .*No real billing happens\.$/);
    }
    await signInToPortal(page, CUSTOMERS.rich);
    for (const path of ["/portal", "/portal/subscriptions", "/portal/invoices"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByTestId("mode-banner")).toHaveText(/^Demo: .*No real billing happens\.$/);
    }
  });

  test("the in-process sandbox's controls answer under /__sandbox", async ({ request }) => {
    const response = await request.get("/__sandbox/customers");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { data: { name: string }[] };
    expect(body.data.map((customer) => customer.name)).toContain(CUSTOMERS.rich);
  });
});
