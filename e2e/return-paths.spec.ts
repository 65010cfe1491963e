import type { APIResponse, Page } from "@playwright/test";
import { OPEN_REDIRECT_ATTEMPTS } from "../lib/testing/open-redirect-attempts";
import { appUrl, CUSTOMERS, expect, signIn, signInToPortal, test } from "./fixtures";

/** Where a redirect sends a browser, resolved as the browser resolves it. */
function destination(response: APIResponse): URL {
  return new URL(response.headers().location ?? "", `${appUrl()}/`);
}

function expectThisSite(url: URL, attempt: string): void {
  expect(url.origin, attempt).toBe(appUrl());
  expect(url.pathname.startsWith("//"), attempt).toBe(false);
}

/** Sends a form the page shows with one hidden field changed, as a hand-made request would. */
async function submitWith(page: Page, field: string, value: string, button: RegExp | string): Promise<void> {
  await page.locator(`input[type=hidden][name=${field}]`).first().evaluate((input, next) => ((input as HTMLInputElement).value = next), value);
  await page.getByRole("button", { name: button }).first().click();
}

test.describe("Return paths", () => {
  test("the sign-in page sends a signed-in visitor back only to a path on this site", async ({ page }) => {
    await signIn(page, CUSTOMERS.rich);
    for (const attempt of OPEN_REDIRECT_ATTEMPTS) {
      const response = await page.request.get(`/sign-in?${new URLSearchParams({ callbackUrl: attempt })}`, { maxRedirects: 0 });
      expect(response.status(), attempt).toBe(307);
      expectThisSite(destination(response), attempt);
    }
  });

  test("renewing a portal session comes back only to a portal path", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    for (const attempt of OPEN_REDIRECT_ATTEMPTS) {
      const response = await page.request.get(`/portal/session?${new URLSearchParams({ next: attempt })}`, { maxRedirects: 0 });
      expect(response.status(), attempt).toBe(303);
      const url = destination(response);
      expectThisSite(url, attempt);
      expect(url.pathname, attempt).toBe("/portal");
    }
  });

  test("signing in and Manage billing, sent with a forged return path, land on this site", async ({ page }) => {
    for (const attempt of ["/.//evil.example", "/%2e//evil.example", "/portal/..//evil.example"]) {
      await page.context().clearCookies();
      await page.goto("/sign-in");
      await submitWith(page, "callbackUrl", attempt, new RegExp(`Continue as ${CUSTOMERS.rich}`));
      await expect(page.getByRole("button", { name: "Manage billing", exact: true }), attempt).toBeVisible();
      expectThisSite(new URL(page.url()), attempt);

      await submitWith(page, "next", attempt, "Manage billing");
      await expect(page).toHaveURL(`${appUrl()}/portal`);
    }
  });
});
