import { ADA_PRO, CUSTOMERS, expect, signIn, signInToPortal, test } from "./fixtures";
import { SMOKE_URL } from "./urls";

// Runs against `next dev` with no environment at all: the path a fresh clone takes.
test.describe("Zero-configuration sandbox mode", () => {
  test("a fresh clone signs in as a demo customer and opens the portal on the in-process sandbox", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("mode-banner")).toContainText("sandbox");
    await signInToPortal(page, CUSTOMERS.rich);
    await expect(page.getByTestId("portal-customer-name")).toHaveText(CUSTOMERS.rich);
  });

  test("a new user's first Manage billing creates their customer and keeps the link in the embedded database", async ({ page, request }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: /Continue as a new customer/ }).click();
    await page.getByRole("button", { name: "Manage billing", exact: true }).click();
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByText("You have no current subscriptions.")).toBeVisible();

    // The link holds: opening billing again asks RevKeen for no other customer.
    const json = { "content-type": "application/json" };
    await request.delete("/__sandbox/calls", { headers: json });
    await page.goto("/");
    await page.getByRole("button", { name: "Manage billing", exact: true }).click();
    await expect(page).toHaveURL(/\/portal$/);
    const calls = (await (await request.get("/__sandbox/calls")).json()) as { data: { by_operation: Record<string, number> } };
    expect(calls.data.by_operation["customers.create"]).toBe(0);
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

  test("the in-process sandbox's webhooks reach the app: a plan cancelled in the portal locks its feature at once", async ({ page, request }) => {
    await signIn(page, CUSTOMERS.yen);
    await page.goto("/reports");
    await expect(page.getByTestId("reports-locked")).toBeVisible();
    await page.context().clearCookies();
    await signInToPortal(page, CUSTOMERS.rich);
    await page.goto("/reports");
    await expect(page.getByTestId("reports")).toBeVisible();

    await page.goto(`/portal/subscriptions/${ADA_PRO}`);
    await page.getByRole("button", { name: "Cancel subscription" }).click();
    await page.getByRole("radio", { name: "Now" }).check();
    await page.getByRole("button", { name: "Confirm cancellation" }).click();
    await expect(page.getByTestId("cancel-status")).toHaveText("Your subscription has been canceled.");
    await expect
      .poll(async () => {
        const deliveries = (await (await request.get("/__sandbox/webhooks")).json()) as { data: { event_type: string; state: string }[] };
        return deliveries.data.find((delivery) => delivery.event_type === "subscription.canceled")?.state;
      })
      .toBe("delivered");
    await page.goto("/reports");
    await expect(page.getByTestId("reports-locked")).toBeVisible();
  });

  test("the controls refuse a form another site posts, and any change not sent as JSON", async ({ page, request }) => {
    // What an attacker's page can send without CORS: a plain text/plain form, shaped as JSON.
    await page.route("https://attacker.example/**", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<form method="post" enctype="text/plain" action="${SMOKE_URL}/__sandbox/settings"><input name='{"latency_ms":10000,"x":"' value='"}'><button>Win</button></form>`,
      }),
    );
    await page.goto("https://attacker.example/");
    const posted = page.waitForResponse(`${SMOKE_URL}/__sandbox/settings`);
    await page.getByRole("button", { name: "Win" }).click();
    expect((await posted).status()).toBe(403);

    const notJson = await request.post("/__sandbox/settings", { headers: { "content-type": "text/plain" }, data: '{"latency_ms":10000}' });
    expect(notJson.status()).toBe(415);
    const settings = (await (await request.get("/__sandbox/settings")).json()) as { data: { latency_ms: number } };
    expect(settings.data.latency_ms).toBe(0);
  });
});
