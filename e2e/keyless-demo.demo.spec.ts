import { randomUUID } from "node:crypto";
import { ADA_PRO, caughtCancelNow, CUSTOMERS, expect, signedWebhookHeaders, signInToPortal, test } from "./fixtures";

// The production build started with no key, as the Deploy button's demo runs on the internet.
test.describe("A public keyless demo", () => {
  test("serves none of the sandbox's controls to anyone", async ({ request }) => {
    for (const path of ["/__sandbox/customers", "/__sandbox/cancellations", "/__sandbox/settings", "/__sandbox/taint-check?secret=api-key"]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
    for (const path of ["/__sandbox/settings", "/__sandbox/tokens/revoke", "/__sandbox/faults", "/__sandbox/reset"]) {
      const response = await request.post(path, { headers: { "content-type": "application/json" }, data: { latency_ms: 10_000 } });
      expect(response.status(), path).toBe(404);
    }
  });

  test("serves the sandbox's hosted checkout page, which is the demo's checkout and not a control, with headers of its own", async ({ page }) => {
    const response = await page.goto("/__sandbox/checkout/cst_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "This checkout link is not valid" })).toBeVisible();
    expect(response?.headers()["content-security-policy"]).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  });

  test("still lets a visitor try the portal on the built-in sandbox, labelled as a demo", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await expect(page.getByTestId("portal-customer-name")).toHaveText(CUSTOMERS.rich);
    await expect(page.getByTestId("mode-banner")).toHaveText(/^Demo: /);
  });

  test("refuses a cancel from another origin that names itself in X-Forwarded-Host, since AUTH_URL says which site this is", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    const post = await caughtCancelNow(page);
    const forged = await page.request.post(post.url, { headers: { ...post.headers, origin: "http://evil.example", "x-forwarded-host": "evil.example" }, data: post.body });
    expect(await forged.text()).toContain("This request was refused.");
    const subscription = await page.request.get(`/api/portal/subscriptions/${ADA_PRO}`);
    expect(await subscription.json()).toMatchObject({ data: { status: "active", cancel_at: null } });
    await context.close();
  });

  test("refuses a webhook signed with the demo secret this repository once published: its secret is derived from AUTH_SECRET", async ({ request }) => {
    const event = JSON.stringify({
      id: `evt_${randomUUID().replaceAll("-", "")}`,
      object: "event",
      type: "customer.created",
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: randomUUID(), metadata: { app_user_id: "github:someone" } } },
    });
    const response = await request.post("/api/webhooks/revkeen", { headers: signedWebhookHeaders(event, "rk_wh_sandbox_portal_starter_demo"), data: event });
    expect(response.status()).toBe(400);
  });
});
