import { expect, test as setup } from "@playwright/test";
import { ADA_PRO, CUSTOMERS } from "./fixtures";

// `next dev` compiles each route on its first request, which takes seconds and, on a busy
// machine, tens of them. The smoke specs time what the app does, not the compiler, so every
// route they open is compiled here first, with all the time it needs.
const COMPILE_MS = 180_000;

setup("compile every route the smoke specs open", async ({ page }) => {
  setup.setTimeout(10 * 60_000);
  await page.goto("/", { timeout: COMPILE_MS });
  await page.goto("/sign-in", { timeout: COMPILE_MS });
  await page.getByRole("button", { name: new RegExp(`Continue as ${CUSTOMERS.rich}`) }).click();
  await expect(page.getByRole("button", { name: "Manage billing", exact: true })).toBeVisible({ timeout: COMPILE_MS });
  await page.getByRole("button", { name: "Manage billing", exact: true }).click();
  await expect(page.getByTestId("portal-customer-name")).toBeVisible({ timeout: COMPILE_MS });
  for (const path of ["/portal/subscriptions", `/portal/subscriptions/${ADA_PRO}`, "/portal/invoices", "/reports", "/nothing-here"]) {
    await page.goto(path, { timeout: COMPILE_MS });
  }
  for (const path of ["/api/portal/customer", "/__sandbox/customers", "/__sandbox/taint-check?secret=api-key", "/portal/session?next=/portal"]) {
    await page.request.get(path, { timeout: COMPILE_MS, maxRedirects: 0 });
  }
  // The webhook, refused here (no signature): compiled all the same. The writes are server actions,
  // compiled with their pages.
  await page.request.post("/api/webhooks/revkeen", { timeout: COMPILE_MS, maxRedirects: 0, data: {} });
  // A new user's first visit opens the embedded database, which creates its files the first time.
  await page.context().clearCookies();
  await page.goto("/sign-in", { timeout: COMPILE_MS });
  await page.getByRole("button", { name: /Continue as a new customer/ }).click();
  await page.getByRole("button", { name: "Manage billing", exact: true }).click({ timeout: COMPILE_MS });
  await expect(page.getByTestId("portal-customer-name")).toBeVisible({ timeout: COMPILE_MS });
});
