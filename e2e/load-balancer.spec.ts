// Two production instances of one build (limited-a and limited-b in playwright.config.ts) on the
// suite's PostgreSQL, behind nginx (scripts/test-balancer.ts): what one instance learns from a
// webhook, the other knows on its very next request.
import type { Page } from "@playwright/test";
import { INSTANCE_HEADER, SERVED_BY_HEADER } from "../lib/testing/nginx";
import { ADA_PRO, CUSTOMERS, expect, resetWebhooksDelivered, signedWebhookHeaders, signIn, signInToPortal, signInToPortalWithTheForm, test, webhookSecret, type SandboxControls } from "./fixtures";
import { BALANCER_URL, INSTANCES_APP_URL, LIMITED_A_URL, ports } from "./urls";

const INSTANCE_A = `127.0.0.1:${ports.limitedA}`;
const INSTANCE_B = `127.0.0.1:${ports.limitedB}`;

/** Opens /reports through the balancer and answers which instance served it. */
async function openReports(page: Page): Promise<string | undefined> {
  const response = await page.goto("/reports");
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  return response?.headers()[SERVED_BY_HEADER];
}

async function canceledDelivery(sandbox: SandboxControls) {
  return (await sandbox.webhooks()).find((delivery) => delivery.event_type === "subscription.canceled");
}

async function checks(sandbox: SandboxControls): Promise<number> {
  return (await sandbox.calls()).by_operation["entitlements.check"] ?? 0;
}

test.describe("Two instances behind a load balancer", () => {
  test.use({ baseURL: BALANCER_URL });

  test("the balancer sends requests to both instances in turn, and a sign-in on one holds on the other", async ({ page }) => {
    await signIn(page, CUSTOMERS.empty);
    const servedBy = new Set<string | undefined>();
    for (let request = 0; request < 6; request += 1) {
      const response = await page.request.get("/reports");
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain("Reports come with the Pro plan");
      servedBy.add(response.headers()[SERVED_BY_HEADER]);
    }
    expect([...servedBy].sort()).toEqual([INSTANCE_A, INSTANCE_B].sort());
  });

  test("a webhook delivered to one instance closes /reports on the other on its very next request", async ({ page, browser, sandbox }) => {
    await resetWebhooksDelivered(sandbox);
    await signIn(page, CUSTOMERS.rich);

    // Instance B checks Ada's access once and keeps the answer.
    await page.setExtraHTTPHeaders({ [INSTANCE_HEADER]: "b" });
    await sandbox.resetCalls();
    expect(await openReports(page)).toBe(INSTANCE_B);
    await expect(page.getByTestId("reports")).toBeVisible();
    expect(await openReports(page)).toBe(INSTANCE_B);
    await expect(page.getByTestId("reports")).toBeVisible();
    expect(await checks(sandbox)).toBe(1);

    // Ada cancels Pro now (in the portal of the suite's other instance), and the sandbox's webhook
    // about it never gets through to that instance.
    await sandbox.webhookFault("endpoint_down", 6);
    const elsewhere = await browser.newContext({ baseURL: INSTANCES_APP_URL });
    const portal = await elsewhere.newPage();
    await signInToPortal(portal, CUSTOMERS.rich);
    await portal.goto(`/portal/subscriptions/${ADA_PRO}`);
    await portal.getByRole("button", { name: "Cancel subscription" }).click();
    await portal.getByRole("radio", { name: "Now" }).check();
    await portal.getByRole("button", { name: "Confirm cancellation" }).click();
    await expect(portal.getByTestId("cancel-status")).toHaveText("Your subscription has been canceled.");
    await elsewhere.close();

    // RevKeen says no now, and B still shows the reports: it keeps its answer.
    expect(await openReports(page)).toBe(INSTANCE_B);
    await expect(page.getByTestId("reports")).toBeVisible();
    expect(await checks(sandbox)).toBe(1);

    // The webhook, delivered to instance A alone.
    await expect.poll(async () => (await canceledDelivery(sandbox))?.attempts.length ?? 0, { message: "the sandbox tried to deliver the webhook" }).toBeGreaterThan(0);
    const delivery = await canceledDelivery(sandbox);
    expect(delivery?.attempts.map((attempt) => attempt.fault)).toContain("endpoint_down");
    expect(delivery?.state).not.toBe("delivered");
    const body = JSON.stringify(delivery?.event);
    const delivered = await page.request.post("/api/webhooks/revkeen", { headers: { ...signedWebhookHeaders(body, webhookSecret()), [INSTANCE_HEADER]: "a" }, data: body });
    expect(delivered.status()).toBe(200);
    expect(delivered.headers()[SERVED_BY_HEADER]).toBe(INSTANCE_A);
    expect(await delivered.json()).toEqual({ received: true });

    // The very next request, to B: locked.
    expect(await openReports(page)).toBe(INSTANCE_B);
    await expect(page.getByTestId("reports-locked")).toContainText("Reports come with the Pro plan");
    expect(await checks(sandbox)).toBe(2);
    // No one else was delivered it meanwhile.
    expect((await canceledDelivery(sandbox))?.attempts.every((attempt) => attempt.fault === "endpoint_down")).toBe(true);
  });
});

test.describe("A sign-out on one instance", () => {
  test("a sign-in cookie saved before sign-out opens nothing afterwards, on this instance at once and on another within seconds", async ({ page, context }) => {
    await signInToPortalWithTheForm(page, CUSTOMERS.rich);
    const saved = await context.cookies();
    // Another instance on the same database has seen the session, and may remember it for a moment.
    expect((await page.request.get(`${LIMITED_A_URL}/api/portal/customer`)).status()).toBe(200);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    await context.addCookies(saved);

    const response = await page.request.get("/api/portal/customer");
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "auth:unauthenticated" } });
    await page.goto("/portal");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fportal$/);
    await expect
      .poll(async () => (await page.request.get(`${LIMITED_A_URL}/api/portal/customer`)).status(), { message: "the other instance refuses the cookie", timeout: 10_000 })
      .toBe(401);
  });
});
