import type { Browser, BrowserContext, Page } from "@playwright/test";
import postgres from "postgres";
import { expect, test, type SandboxControls } from "./fixtures";
import { DATABASE_DOWN_URL, DATABASE_URL, INSTANCES_APP_URL, LIMITED_A_URL, LIMITED_B_URL } from "./urls";

const NEW_CUSTOMER = "Continue as a new customer";

/** Signs a made-up user in, one who has no billing account yet. */
async function signInAsNewUser(page: Page, origin = INSTANCES_APP_URL): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  await page.getByRole("button", { name: new RegExp(NEW_CUSTOMER) }).click();
  await expect(page.getByRole("button", { name: "Manage billing", exact: true })).toBeVisible();
}

/** Customers created through POST /v2/customers (not the demo ones), with the app user each names and the app's signature of it. */
async function createdCustomers(sandbox: SandboxControls): Promise<{ id: string; email: string; appUserId: unknown; appUserSig: unknown }[]> {
  const all = await sandbox.call<{ id: string; email: string; demo: boolean; metadata: { app_user_id?: unknown; app_user_sig?: unknown } }[]>("GET", "customers");
  return all
    .filter((customer) => !customer.demo)
    .map((customer) => ({ id: customer.id, email: customer.email, appUserId: customer.metadata.app_user_id, appUserSig: customer.metadata.app_user_sig }));
}

async function linksOf(userId: string): Promise<{ customer_id: string }[]> {
  const sql = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    return await sql<{ customer_id: string }[]>`select customer_id from billing_accounts where user_id = ${userId}`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** `count` pages of one browser context at `origin`, each on the account page. */
async function accountPages(context: BrowserContext, origins: string[]): Promise<Page[]> {
  const pages: Page[] = [];
  for (const origin of origins) {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await expect(page.getByRole("button", { name: "Manage billing", exact: true })).toBeVisible();
    pages.push(page);
  }
  return pages;
}

async function pressAll(pages: Page[]): Promise<void> {
  await Promise.all(pages.map((page) => page.getByRole("button", { name: "Manage billing", exact: true }).click()));
}

async function newBrowserWithSameSignIn(browser: Browser, context: BrowserContext): Promise<BrowserContext> {
  const signIn = (await context.cookies()).filter((cookie) => cookie.name.includes("authjs.session-token"));
  expect(signIn.length).toBeGreaterThan(0);
  const other = await browser.newContext();
  await other.addCookies(signIn);
  return other;
}

test.describe("Billing accounts", () => {
  test("a new user's first Manage billing creates one RevKeen customer and one link, even pressed twice at once", async ({ page, sandbox }) => {
    await signInAsNewUser(page);
    await sandbox.resetCalls();
    const tabs = await accountPages(page.context(), [INSTANCES_APP_URL, INSTANCES_APP_URL]);
    await pressAll(tabs);
    for (const tab of tabs) {
      await expect(tab).toHaveURL(`${INSTANCES_APP_URL}/portal`);
      await expect(tab.getByText("You have no current subscriptions.")).toBeVisible();
      await expect(tab.getByTestId("portal-customer-name")).toHaveText("New Customer");
    }

    const created = await createdCustomers(sandbox);
    expect(created).toHaveLength(1);
    const [customer] = created;
    expect(customer?.email).toMatch(/^new-customer-[0-9a-f]{8}@example\.com$/);
    expect(String(customer?.appUserId)).toMatch(/^new-customer:[0-9a-f-]{36}$/);
    // Signed, so that its customer.created webhook links the same user (lib/server/billing-account/billing-link-metadata.ts).
    expect(String(customer?.appUserSig)).toMatch(/^[0-9a-f]{64}$/);
    expect(await linksOf(String(customer?.appUserId))).toEqual([{ customer_id: customer?.id }]);
  });

  test("the same user signed in on another browser finds the link and creates no other customer", async ({ page, browser, sandbox }) => {
    await signInAsNewUser(page);
    await page.getByRole("button", { name: "Manage billing", exact: true }).click();
    await expect(page).toHaveURL(`${INSTANCES_APP_URL}/portal`);
    await sandbox.resetCalls();

    const other = await newBrowserWithSameSignIn(browser, page.context());
    const [again] = await accountPages(other, [INSTANCES_APP_URL]);
    await pressAll([again as Page]);
    await expect(again as Page).toHaveURL(`${INSTANCES_APP_URL}/portal`);
    const calls = await sandbox.calls();
    expect(calls.by_operation["customers.create"] ?? 0).toBe(0);
    expect(calls.by_operation["sessions.create"]).toBe(1);
    expect(await createdCustomers(sandbox)).toHaveLength(1);
    await other.close();
  });

  test("two instances on one database share a user's mint limit", async ({ page, sandbox }) => {
    test.setTimeout(90_000);
    // Signed in on one instance is signed in on all: one secret, one host.
    await signInAsNewUser(page);
    await sandbox.resetCalls();
    // Six presses, three on each instance, against a limit of 4 a minute per user.
    const tabs = await accountPages(page.context(), [LIMITED_A_URL, LIMITED_B_URL, LIMITED_A_URL, LIMITED_B_URL, LIMITED_A_URL, LIMITED_B_URL]);
    await pressAll(tabs);
    const outcomes = await Promise.all(
      tabs.map(async (tab) => {
        const refused = tab.getByRole("status").filter({ hasText: /^Too many attempts\. Try again in \d+ s\.$/ });
        await expect(refused.or(tab.getByTestId("portal-customer-name"))).toBeVisible({ timeout: 30_000 });
        return (await refused.isVisible()) ? "refused" : "let in";
      }),
    );
    // Exactly four: the six presses reach the two instances within a second or two, and the
    // allowance gains a press back only every 15 s.
    expect(outcomes.filter((outcome) => outcome === "let in").length, outcomes.join(", ")).toBe(4);
    expect((await sandbox.calls()).by_operation["sessions.create"]).toBe(4);
    expect(await createdCustomers(sandbox)).toHaveLength(1);
  });

  test("with the database down, Manage billing says billing is unreachable and nothing is half-written", async ({ page, sandbox }) => {
    await signInAsNewUser(page);
    await sandbox.resetCalls();
    await page.goto(`${DATABASE_DOWN_URL}/`);
    await page.getByRole("button", { name: "Manage billing", exact: true }).click();
    await expect(page.getByTestId("billing-status")).toHaveText("Billing is not reachable right now. Please try again.");
    await expect(page).toHaveURL(`${DATABASE_DOWN_URL}/`);

    // A portal page asked for directly says the same on the account page, with the way to try again.
    await page.goto(`${DATABASE_DOWN_URL}/portal/invoices`);
    await expect(page.getByTestId("billing-error")).toHaveText("Billing is not reachable right now. Please try again.");
    await expect(page.getByRole("button", { name: "Manage billing", exact: true })).toBeVisible();

    const calls = await sandbox.calls();
    expect(calls.by_operation["customers.create"] ?? 0).toBe(0);
    expect(calls.by_operation["sessions.create"] ?? 0).toBe(0);
    expect(await createdCustomers(sandbox)).toEqual([]);
  });
});

test.describe("Health checks", () => {
  test("an instance whose database is down is alive but not ready, and says the database is why", async ({ request }) => {
    const live = await request.get(`${DATABASE_DOWN_URL}/api/health`);
    expect(live.status()).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });

    const ready = await request.get(`${DATABASE_DOWN_URL}/api/health?ready=1`);
    expect(ready.status()).toBe(503);
    expect(ready.headers()["cache-control"]).toBe("no-store");
    const text = await ready.text();
    expect(JSON.parse(text)).toEqual({ status: "not_ready", database: "unavailable", revkeen: "ok" });
    expect(text).not.toContain("127.0.0.1");
  });

  test("a healthy instance is ready, with no session and nothing cached", async ({ request }) => {
    const ready = await request.get(`${INSTANCES_APP_URL}/api/health?ready=1`);
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", database: "ok", revkeen: "ok" });
    expect(ready.headers()["cache-control"]).toBe("no-store");
  });
});
