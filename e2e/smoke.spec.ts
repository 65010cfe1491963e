import { CUSTOMERS, expect, signInToPortal, test } from "./fixtures";

// Runs against `next dev` with no environment at all: the path a fresh clone takes.
test.describe("Zero-configuration sandbox mode", () => {
  test("a fresh clone signs in as a demo customer and opens the portal on the in-process sandbox", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("mode-banner")).toContainText("sandbox");
    await signInToPortal(page, CUSTOMERS.rich);
    await expect(page.getByTestId("portal-customer-name")).toHaveText(CUSTOMERS.rich);
  });

  test("the in-process sandbox's controls answer under /__sandbox", async ({ request }) => {
    const response = await request.get("/__sandbox/customers");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { data: { name: string }[] };
    expect(body.data.map((customer) => customer.name)).toContain(CUSTOMERS.rich);
  });
});
