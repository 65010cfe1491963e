import type { Page } from "@playwright/test";
import { ADA_ANALYTICS, ADA_PRO, CUSTOMERS, detail, expect, NOT_ON_PHONE, signIn, signInToPortal, signInToPortalAt, test, webhookDelivered, type SandboxControls } from "./fixtures";

/** The merchant's subscription writes, as the sandbox's call log names them. */
const PATCH = "merchant_subscriptions.update";
const CREATE = "merchant_subscriptions.create";

async function callsOf(sandbox: SandboxControls, operation: string): Promise<number> {
  return (await sandbox.calls()).by_operation[operation] ?? 0;
}

/** How many events of `type` the sandbox has sent since its reset: one per change it made. */
async function eventsOf(sandbox: SandboxControls, type: string): Promise<number> {
  return (await sandbox.webhooks()).filter((delivery) => delivery.event_type === type).length;
}

async function signInWithoutScripts(page: Page, name: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: new RegExp(`Continue as ${name}`) }).click();
  await page.getByRole("button", { name: "Manage billing", exact: true }).click();
  await expect(page).toHaveURL(/\/portal$/);
}

/** Ada ends her Pro plan now in the portal, as a customer would: the reports lock. */
async function cancelProNow(page: Page, scripted = true): Promise<void> {
  await page.goto(`/portal/subscriptions/${ADA_PRO}`);
  if (scripted) await page.getByRole("button", { name: "Cancel subscription" }).click();
  const form = page.getByRole("form", { name: "Confirm cancellation" });
  await form.getByRole("radio", { name: /^Now/ }).check();
  await form.getByRole("button", { name: "Confirm cancellation" }).click();
  await expect(page.getByTestId("cancel-status")).toHaveText("Your subscription has been canceled.");
}

async function expectReportsLocked(page: Page): Promise<void> {
  await page.goto("/reports");
  const locked = page.getByTestId("reports-locked");
  await expect(locked).toContainText("Reports come with the Pro plan");
  await expect(locked.getByTestId("upgrade-offer-card")).toContainText(/^Pro: £12\.00 per month/);
}

test.describe("Keep my plan", () => {
  test("Ada keeps the plan she had set to end: the end date gives way to the renewal date, announced and focused", async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/subscriptions/${ADA_ANALYTICS}`);
    await expect(detail(page, "Ends on")).toBeVisible();
    const renewal = await detail(page, "Current period").textContent();
    await sandbox.resetCalls();

    await page.getByRole("form", { name: "Keep my plan" }).getByRole("button", { name: "Keep my plan" }).click();

    const status = page.getByTestId("keep-status");
    await expect(status).toHaveText(/^You're keeping your plan\. It renews on .+\.$/);
    await expect(status).toBeFocused();
    await expect(detail(page, "Ends on")).toHaveCount(0);
    await expect(detail(page, "Renews on")).toHaveText(renewal?.split(" – ")[1] ?? "");
    await expect(page.getByRole("button", { name: "Keep my plan" })).toHaveCount(0);
    expect(await callsOf(sandbox, PATCH)).toBe(1);
    await webhookDelivered(sandbox, "subscription.updated");

    // It stays kept on a fresh load.
    await page.reload();
    await expect(detail(page, "Renews on")).toBeVisible();
    await expect(detail(page, "Ends on")).toHaveCount(0);
  });

  test("when RevKeen refuses, the plan stays set to end and she is told; pressing again keeps it", NOT_ON_PHONE, async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/subscriptions/${ADA_ANALYTICS}`);
    await sandbox.fault({ operation: PATCH, status: 503, count: 2 });
    const keep = page.getByRole("form", { name: "Keep my plan" }).getByRole("button", { name: "Keep my plan" });
    await keep.click();

    const status = page.getByTestId("keep-status");
    await expect(status).toHaveText("We couldn't keep your plan. Billing is not reachable right now. Please try again.");
    await expect(status).toBeFocused();
    await expect(detail(page, "Ends on")).toBeVisible();
    await keep.click();
    await expect(status).toHaveText(/^You're keeping your plan\. It renews on .+\.$/);
    await expect(detail(page, "Ends on")).toHaveCount(0);
  });

  test("a plan Ada has just set to end offers Keep my plan at once, and keeping it works", NOT_ON_PHONE, async ({ page, sandbox }) => {
    await signInToPortalAt(page, CUSTOMERS.rich, `/portal/subscriptions/${ADA_PRO}`);
    await expect(page.getByRole("form", { name: "Keep my plan" })).toHaveCount(0);
    await page.getByRole("button", { name: "Cancel subscription" }).click();
    await page.getByRole("form", { name: "Confirm cancellation" }).getByRole("button", { name: "Confirm cancellation" }).click();
    await expect(detail(page, "Ends on")).toBeVisible();

    await page.getByRole("form", { name: "Keep my plan" }).getByRole("button", { name: "Keep my plan" }).click();

    await expect(page.getByTestId("keep-status")).toHaveText(/^You're keeping your plan\. It renews on .+\.$/);
    await expect(detail(page, "Ends on")).toHaveCount(0);
    expect(await callsOf(sandbox, PATCH)).toBe(1);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the same form keeps the plan once however often it is sent, and says so", async ({ page, sandbox }) => {
      await signInWithoutScripts(page, CUSTOMERS.rich);
      await page.goto(`/portal/subscriptions/${ADA_ANALYTICS}`);
      await sandbox.resetCalls();
      // An impatient double press sends the same rendering of the form, so the same key, twice.
      await page.getByRole("form", { name: "Keep my plan" }).getByRole("button", { name: "Keep my plan" }).dblclick();

      await expect(page.getByTestId("keep-status")).toHaveText(/^You're keeping your plan\. It renews on .+\.$/);
      await expect(detail(page, "Renews on")).toBeVisible();
      await expect(detail(page, "Ends on")).toHaveCount(0);
      expect(await eventsOf(sandbox, "subscription.updated")).toBe(1);
    });
  });
});

test.describe("Upgrading from a locked feature", () => {
  test("a benefit nothing is offered for answers 404, and asks RevKeen nothing", NOT_ON_PHONE, async ({ page, sandbox }) => {
    await signIn(page, CUSTOMERS.rich);
    await sandbox.resetCalls();
    for (const path of ["/upgrade/no-such-benefit", "/upgrade/__proto__", "/upgrade/constructor?next=%2Freports"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" }), path).toBeVisible();
    }
    expect((await sandbox.calls()).total).toBe(0);
  });

  test("Grace, with no card on file, is told so and sent to the pricing page, with nothing created", NOT_ON_PHONE, async ({ page, sandbox }) => {
    await signIn(page, CUSTOMERS.empty);
    await sandbox.resetCalls();
    await expectReportsLocked(page);
    await page.getByTestId("reports-locked").getByRole("link", { name: "Subscribe" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Subscribe to Pro" })).toBeVisible();
    await expect(page.getByTestId("upgrade-no-card")).toHaveText("There's no card on file that we can charge, so you can't subscribe here.");
    await expect(page.getByRole("button", { name: "Subscribe" })).toHaveCount(0);
    await page.getByRole("link", { name: "See plans and pricing" }).click();
    await expect(page).toHaveURL(/\/pricing$/);
    await expect(page.getByRole("heading", { level: 1, name: "Plans and pricing" })).toBeVisible();
    expect(await callsOf(sandbox, CREATE)).toBe(0);
  });

  test("Ada cancels Pro, subscribes again from the reports, and they open on the next page", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await cancelProNow(page);
    await expectReportsLocked(page);
    await page.getByTestId("reports-locked").getByRole("link", { name: "Subscribe" }).click();

    await expect(page.getByTestId("upgrade-charge")).toHaveText("£12.00 will be charged today to your Visa ending in 4242, then £12.00 per month until you cancel.");
    await sandbox.resetCalls();
    await page.getByRole("form", { name: "Confirm subscription" }).getByRole("button", { name: "Subscribe" }).dblclick();

    await expect(page).toHaveURL(/\/reports$/);
    await expect(page.getByTestId("reports")).toBeVisible();
    expect(await eventsOf(sandbox, "subscription.created")).toBe(1);
    await webhookDelivered(sandbox, "subscription.created");
    await webhookDelivered(sandbox, "invoice.paid");
  });

  test("the reports open even when RevKeen's webhooks are late: the action dropped the cached answer itself", NOT_ON_PHONE, async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await cancelProNow(page);
    await webhookDelivered(sandbox, "subscription.canceled");
    await expectReportsLocked(page);
    // Every webhook from here on fails to reach the app, for now.
    await sandbox.webhookFault("endpoint_down", 10);
    await page.goto("/upgrade/pro-reports?next=%2Freports");
    await page.getByRole("button", { name: "Subscribe" }).click();

    await expect(page).toHaveURL(/\/reports$/);
    await expect(page.getByTestId("reports")).toBeVisible();
    const late = (await sandbox.webhooks()).filter((delivery) => delivery.event_type === "subscription.created");
    expect(late.map((delivery) => delivery.state)).not.toContain("delivered");
  });

  test("Ada's reports do not open when RevKeen refuses the subscription; she is told, and it works when she tries again", NOT_ON_PHONE, async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await cancelProNow(page);
    await page.goto("/upgrade/pro-reports?next=%2Freports");
    await sandbox.fault({ operation: CREATE, status: 503, count: 2 });
    await page.getByRole("button", { name: "Subscribe" }).click();

    const status = page.getByTestId("subscribe-status");
    await expect(status).toHaveText("We couldn't start your subscription. Billing is not reachable right now. Please try again.");
    await expect(status).toBeFocused();
    await expect(page).toHaveURL(/\/upgrade\/pro-reports/);
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByTestId("reports")).toBeVisible();
  });

  test("a declined card opens nothing and the page says the plan waits for its first payment, with no second plan to buy", NOT_ON_PHONE, async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await cancelProNow(page);
    const ada = await sandbox.customerId(CUSTOMERS.rich);
    await sandbox.declines(ada);
    await page.goto("/upgrade/pro-reports?next=%2Freports");
    await page.getByRole("button", { name: "Subscribe" }).click();

    // The declined charge left a plan waiting for its first payment: the page says so, and offers
    // that plan instead of a second Subscribe.
    await expect(page.getByRole("heading", { level: 1, name: "You already have Pro" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Its first payment didn't go through");
    await expect(page.getByRole("button", { name: "Subscribe" })).toHaveCount(0);
    expect(await (await page.request.get("/reports")).text()).toContain('data-testid="reports-locked"');
    await page.getByRole("link", { name: "Go to your plan" }).click();
    await expect(page).toHaveURL(/\/portal\/subscriptions\/[0-9a-f-]{36}$/);
    expect(await callsOf(sandbox, CREATE)).toBe(1);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("Ada subscribes with the plain form, once however often it is sent, and the reports open", async ({ page, sandbox }) => {
      await signInWithoutScripts(page, CUSTOMERS.rich);
      await cancelProNow(page, false);
      await expectReportsLocked(page);
      await page.getByTestId("reports-locked").getByRole("link", { name: "Subscribe" }).click();
      await sandbox.resetCalls();
      await page.getByRole("form", { name: "Confirm subscription" }).getByRole("button", { name: "Subscribe" }).dblclick();

      await expect(page).toHaveURL(/\/reports$/);
      await expect(page.getByTestId("reports")).toBeVisible();
      expect(await eventsOf(sandbox, "subscription.created")).toBe(1);
    });
  });
});
