import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import postgres from "postgres";
import { ADA_PRO, appDatabaseUrl, CUSTOMERS, expect, signedWebhookHeaders, signInToPortal, test, webhookDelivered, webhookSecret } from "./fixtures";

/** The rows of `table` whose `column` is `value`, in the app's database. */
async function rowsWhere(table: "billing_accounts" | "webhook_events", column: "user_id" | "id", value: string): Promise<number> {
  const sql = postgres(appDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    return (await sql`select 1 from ${sql(table)} where ${sql(column)} = ${value}`).length;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function reportsLocked(page: Page): Promise<boolean> {
  await page.goto("/reports");
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  return page.getByTestId("reports-locked").isVisible();
}

/** Cancels Ada's Pro plan at the period end, now, or now once already scheduled to end. */
async function cancelPro(page: Page, how: "period_end" | "now" | "now_instead"): Promise<void> {
  await page.goto(`/portal/subscriptions/${ADA_PRO}`);
  await page.getByRole("button", { name: how === "now_instead" ? "Cancel now instead" : "Cancel subscription" }).click();
  if (how === "now") await page.getByRole("radio", { name: "Now" }).check();
  await page.getByRole("button", { name: "Confirm cancellation" }).click();
  await expect(page.getByTestId("cancel-status")).toContainText(how === "period_end" ? "will end on" : "has been canceled");
}

test.describe("Webhooks from RevKeen", () => {
  test("a forged delivery and a stale one are refused and change nothing", async ({ request }) => {
    const forged = JSON.stringify({
      id: "evt_forged",
      object: "event",
      type: "customer.created",
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: "0b5a7e1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d", metadata: { app_user_id: "github:forged" } } },
    });
    const wrongSecret = await request.post("/api/webhooks/revkeen", { headers: signedWebhookHeaders(forged, "rk_wh_not_the_secret"), data: forged });
    expect(wrongSecret.status()).toBe(400);
    const stale = await request.post("/api/webhooks/revkeen", { headers: signedWebhookHeaders(forged, webhookSecret(), Math.floor(Date.now() / 1000) - 600), data: forged });
    expect(stale.status()).toBe(400);
    const unsigned = await request.post("/api/webhooks/revkeen", { headers: { "content-type": "application/json" }, data: forged });
    expect(unsigned.status()).toBe(400);

    expect(await rowsWhere("billing_accounts", "user_id", "github:forged")).toBe(0);
    expect(await rowsWhere("webhook_events", "id", "evt_forged")).toBe(0);
  });

  test("a customer whose metadata names a user without this app's signature links nobody, even in a genuine delivery", async ({ request }) => {
    for (const metadata of [{ app_user_id: "github:victim" }, { app_user_id: "github:victim", app_user_sig: "9f".repeat(32) }]) {
      const event = JSON.stringify({
        id: `evt_${randomUUID().replaceAll("-", "")}`,
        object: "event",
        type: "customer.created",
        created: Math.floor(Date.now() / 1000),
        data: { object: { id: randomUUID(), email: "attacker@example.com", metadata } },
      });
      const delivered = await request.post("/api/webhooks/revkeen", { headers: signedWebhookHeaders(event, webhookSecret()), data: event });
      expect(delivered.status()).toBe(200);
    }
    expect(await rowsWhere("billing_accounts", "user_id", "github:victim")).toBe(0);
  });

  test("a delivery that arrives twice is handled once", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await sandbox.webhookFault("duplicate");
    await cancelPro(page, "now");
    await webhookDelivered(sandbox, "subscription.canceled");
    await expect
      .poll(async () => (await sandbox.webhooks()).find((delivery) => delivery.event_type === "subscription.canceled")?.attempts.map((attempt) => attempt.answer))
      .toEqual(['{"received":true}', '{"received":true,"duplicate":true}']);
  });

  test("with the app's endpoint down, the sandbox retries, and once it gets through the state is right", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    expect(await reportsLocked(page)).toBe(false);
    await sandbox.webhookFault("endpoint_down", 2);
    await cancelPro(page, "now");
    await webhookDelivered(sandbox, "subscription.canceled");
    const [delivery] = (await sandbox.webhooks()).filter((candidate) => candidate.event_type === "subscription.canceled");
    expect(delivery?.attempts.map((attempt) => attempt.fault)).toEqual(["endpoint_down", "endpoint_down", null]);
    expect(await reportsLocked(page)).toBe(true);
  });

  test("an older event arriving after a newer one does not bring back what the newer one ended", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    expect(await reportsLocked(page)).toBe(false);
    // The scheduled cancel's event is held back until the cancel-now event has gone.
    await sandbox.webhookFault("out_of_order");
    await cancelPro(page, "period_end");
    await cancelPro(page, "now_instead");
    await webhookDelivered(sandbox, "subscription.updated");
    await webhookDelivered(sandbox, "subscription.canceled");
    const firstAttempt = async (type: string) => (await sandbox.webhooks()).find((delivery) => delivery.event_type === type)?.attempts[0]?.at ?? "";
    expect(await firstAttempt("subscription.updated") > (await firstAttempt("subscription.canceled"))).toBe(true);
    expect(await reportsLocked(page)).toBe(true);
  });
});
