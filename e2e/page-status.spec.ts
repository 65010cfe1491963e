import { deterministicUuid } from "../lib/sandbox/data/ids";
import { ADA_PRO, CUSTOMERS, expect, signInToPortal, signInToPortalAt, test } from "./fixtures";

/** 佐藤 健二's first invoice: a real id, but not Ada's. */
const KENJI_INVOICE = deterministicUuid("invoice:kenji:monthly:0");

test.describe("Page statuses", () => {
  test("a page that is not found answers 404, whatever made it so, and says what was not found", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    // `unasked`: a malformed id is refused before RevKeen is asked.
    const cases = [
      { path: "/portal/subscriptions/not-a-real-id", heading: "Subscription not found", unasked: "subscriptions.get" },
      { path: "/portal/invoices/12345", heading: "Invoice not found", unasked: "invoices.get" },
      { path: `/portal/invoices/${KENJI_INVOICE}`, heading: "Invoice not found" },
      { path: "/portal/subscriptions/00000000-0000-4000-8000-000000000000", heading: "Subscription not found" },
      { path: "/portal/invoices?limit=0", heading: "We couldn't find that" },
      { path: "/portal/nothing-here", heading: "Page not found" },
      { path: "/nothing-here", heading: "Page not found" },
    ];
    for (const { path, heading, unasked } of cases) {
      await sandbox.resetCalls();
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: heading }), path).toBeVisible();
      if (unasked) expect((await sandbox.calls()).by_operation[unasked] ?? 0, path).toBe(0);
    }
  });

  test("another customer's subscription answers 404 too, and shows nothing of it", async ({ page }) => {
    const response = await signInToPortalAt(page, CUSTOMERS.yen, `/portal/subscriptions/${ADA_PRO}`);
    expect(response?.status()).toBe(404);
    // Kenji's portal speaks Japanese (his RevKeen locale is ja-JP).
    await expect(page.getByRole("heading", { name: "サブスクリプションが見つかりません" })).toBeVisible();
    await expect(page.getByText("£12.00")).toHaveCount(0);
  });

  test("a page RevKeen failed answers 500 and still offers Try again", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await page.goto("/");
    // Two: the server retries a failed read once.
    await sandbox.fault({ operation: "subscriptions.list", status: 503, count: 2 });
    const response = await page.goto("/portal/subscriptions");
    expect(response?.status()).toBe(500);
    const problem = page.getByTestId("portal-error");
    await expect(problem).toContainText("We couldn't load your billing right now");
    await problem.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Subscriptions" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Subscriptions" }).getByRole("listitem")).toHaveCount(6);
    await expect(problem).toHaveCount(0);
  });
});

test.describe("A deployment built without secrets", () => {
  test("runs in the mode its runtime sets, on every page, the not-found page included", async ({ page }) => {
    // The suite builds with no AUTH_SECRET and no REVKEEN_API_KEY (playwright.config.ts) and starts
    // with an rk_sandbox_ key: a page baked at build time would say "Demo".
    for (const path of ["/", "/sign-in", "/nothing-here"]) {
      await page.goto(path);
      await expect(page.getByTestId("mode-banner"), path).toHaveText(/^Test mode: /);
    }
    // Émilie's portal speaks her French.
    await signInToPortal(page, CUSTOMERS.euro);
    await expect(page.getByTestId("mode-banner")).toHaveText(/^Mode test : /);
  });
});
