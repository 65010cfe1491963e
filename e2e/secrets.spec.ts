import { DEFAULT_SANDBOX_API_KEY } from "../lib/env/schema.mjs";
import {
  CUSTOMERS,
  expect,
  fillNewBankAccount,
  FULL_BANK_DETAILS,
  portalPages,
  signInToPortal, signInToPortalAt,
  test,
  VERIFICATION_TOKEN,
  verifyForBankChange,
} from "./fixtures";

/** What must never reach the browser: a portal token, or any merchant key. */
const SECRET = /rkcps_|rk_live_[A-Za-z0-9]|rk_sandbox_[A-Za-z0-9]|rk_wh_[A-Za-z0-9]/;

test.describe("Secrets stay on the server", () => {
  test("no page, script, API answer, URL, cookie or storage the browser sees holds a token or key", async ({ page }) => {
    const leaks: string[] = [];
    const urls: string[] = [];
    // Each response is read asynchronously; every read is awaited before the assertions.
    const reads: Promise<void>[] = [];
    page.on("request", (request) => urls.push(request.url()));
    page.on("response", (response) => {
      const type = response.request().resourceType();
      if (!["document", "script", "fetch", "xhr"].includes(type)) return;
      reads.push(
        (async () => {
          const body = await response.text().catch(() => "");
          if (SECRET.test(body)) leaks.push(`${type} ${response.url()}`);
          const headers = JSON.stringify(await response.allHeaders());
          if (SECRET.test(headers)) leaks.push(`headers of ${response.url()}`);
        })(),
      );
    });

    await signInToPortal(page, CUSTOMERS.rich);
    for (const path of await portalPages(page)) {
      await page.goto(path);
      await expect(page.getByTestId("portal-customer-name")).toBeVisible();
      await page.waitForLoadState("networkidle");
    }

    await Promise.all(reads);
    expect(reads.length).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
    expect(urls.filter((url) => SECRET.test(decodeURIComponent(url)))).toEqual([]);
    const storage = await page.evaluate(() => [document.cookie, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })].join(" "));
    expect(storage).not.toMatch(SECRET);
    expect(storage).not.toContain("revkeen-portal");
  });

  test("the app's own API answers with data only, never credentials", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.yen);
    for (const path of ["/api/portal/customer", "/api/portal/subscriptions", "/api/portal/invoices"]) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()["cache-control"], path).toContain("no-store");
      expect(response.headers()["x-request-id"], path).toMatch(/^[0-9a-f-]{36}$/);
      expect(await response.text(), path).not.toMatch(SECRET);
    }
  });

  test("the taint check, which hands a client component a secret, does not exist outside sandbox mode", async ({ page }) => {
    // Signed in and inside the portal, so the check would have a token to hand over.
    await signInToPortal(page, CUSTOMERS.euro);
    for (const secret of ["api-key", "portal-token"]) {
      const response = await page.request.get(`/__sandbox/taint-check?secret=${secret}`);
      expect(response.status(), secret).toBe(404);
      expect(await response.text(), secret).not.toMatch(SECRET);
    }
  });

  test("the sandbox key the server uses appears in no client bundle", async ({ page }) => {
    const scripts = new Set<string>();
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.add(response.url());
    });
    await signInToPortalAt(page, CUSTOMERS.rich, "/portal/subscriptions");
    await page.waitForLoadState("networkidle");
    expect(scripts.size).toBeGreaterThan(0);
    for (const url of scripts) {
      const body = await (await page.request.get(url)).text();
      expect(body, url).not.toContain(DEFAULT_SANDBOX_API_KEY);
      expect(body, url).not.toMatch(SECRET);
    }
  });

  test("a change of bank sends the details to the server and nothing brings them back: no page, API answer, URL, cookie or storage; the verification token neither", async ({ page, sandbox }) => {
    const leaks: string[] = [];
    const urls: string[] = [];
    const reads: Promise<void>[] = [];
    page.on("request", (request) => urls.push(request.url()));
    page.on("response", (response) => {
      const type = response.request().resourceType();
      if (!["document", "fetch", "xhr"].includes(type)) return;
      reads.push(
        (async () => {
          const text = `${await response.text().catch(() => "")} ${JSON.stringify(await response.allHeaders())}`;
          if (FULL_BANK_DETAILS.test(text)) leaks.push(`bank details in ${type} ${response.url()}`);
          if (VERIFICATION_TOKEN.test(text)) leaks.push(`verification token in ${type} ${response.url()}`);
        })(),
      );
    });

    await signInToPortal(page, CUSTOMERS.rich);
    await verifyForBankChange(page, sandbox);
    const verification = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("revkeen-dd-verified"));
    expect(verification).toMatchObject({ httpOnly: true, sameSite: "Strict" });
    expect(verification?.value).not.toMatch(VERIFICATION_TOKEN);
    await fillNewBankAccount(page);
    await page.getByRole("button", { name: "Change bank account" }).click();
    await expect(page.getByRole("article", { name: "Barclays •••• 9911" })).toBeVisible();
    await page.waitForLoadState("networkidle");

    await Promise.all(reads);
    expect(reads.length).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
    expect(urls.filter((url) => FULL_BANK_DETAILS.test(decodeURIComponent(url)) || VERIFICATION_TOKEN.test(decodeURIComponent(url)))).toEqual([]);
    // The page the customer is left on, as the browser holds it after the submit.
    expect(await page.content()).not.toMatch(FULL_BANK_DETAILS);
    const storage = await page.evaluate(() => [document.cookie, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })].join(" "));
    expect(storage).not.toMatch(FULL_BANK_DETAILS);
    expect(storage).not.toContain("dd-verified");
    for (const cookie of await page.context().cookies()) expect(decodeURIComponent(cookie.value), cookie.name).not.toMatch(FULL_BANK_DETAILS);
  });
});
