import { jweCompactShape, SEALED_SHAPE } from "../lib/testing/jwe-compact";
import { CUSTOMERS, expect, signInToPortalWithTheForm as signInToPortal, signInToPortalAt, signInWithTheForm as signIn, test } from "./fixtures";

const PORTAL_COOKIE = /^(__Host-)?revkeen-portal$/;

test.describe("Sign-in and the portal session", () => {
  test("a demo customer signs in, presses Manage billing and lands in their own portal", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await expect(page.getByTestId("portal-customer-name")).toHaveText(CUSTOMERS.rich);
  });

  test("a sign-in that failed is said on the sign-in page, in the browser's language", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, locale: "fr-FR" });
    const page = await context.newPage();
    // Where Auth.js sends a failure (its `pages.error`), not its own English page.
    await page.goto("/api/auth/error?error=AccessDenied");
    await expect(page).toHaveURL(/\/sign-in\?error=AccessDenied$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByTestId("sign-in-error")).toHaveText("Ce compte ne peut pas se connecter ici.");
    await page.goto("/sign-in?error=OAuthCallbackError");
    await expect(page.getByTestId("sign-in-error")).toHaveText("La connexion n'a pas abouti. Veuillez réessayer.");
    // Not a code Auth.js sends: nothing of it is shown.
    await page.goto(`/sign-in?error=${encodeURIComponent("<b>Call 0800</b>")}`);
    await expect(page.getByTestId("sign-in-error")).toHaveCount(0);
    await context.close();
  });

  test("the portal cookie is httpOnly, Lax and sealed, and scripts cannot see it", async ({ page, context }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    const cookie = (await context.cookies()).find((candidate) => PORTAL_COOKIE.test(candidate.name));
    expect(cookie).toBeDefined();
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.path).toBe("/");
    expect(cookie?.value).not.toContain("rkcps_");
    expect(jweCompactShape(cookie?.value ?? "")).toEqual(SEALED_SHAPE);
    expect(cookie?.expires).toBeGreaterThan(Date.now() / 1000);
    const visible = await page.evaluate(() => document.cookie);
    expect(visible).not.toMatch(/revkeen-portal|rkcps_/);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain("rkcps_");
  });

  test("the portal sends a signed-out visitor to sign in, then back to the page they asked for", async ({ page }) => {
    await page.goto("/portal/invoices");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fportal%2Finvoices/);
    await page.getByRole("button", { name: new RegExp(`Continue as ${CUSTOMERS.rich}`) }).click();
    await expect(page).toHaveURL(/\/portal\/invoices$/);
    await expect(page.getByTestId("portal-customer-name")).toHaveText(CUSTOMERS.rich);
  });

  test("signing out clears the portal cookie, and the portal then asks to sign in", async ({ page, context }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    const signOut = page.waitForResponse((response) => new URL(response.url()).pathname === "/sign-out");
    await page.getByRole("button", { name: "Sign out" }).click();
    expect((await (await signOut).allHeaders())["clear-site-data"]).toBe('"cookies"');
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    expect((await context.cookies()).filter((cookie) => PORTAL_COOKIE.test(cookie.name))).toEqual([]);
    await page.goto("/portal");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a sign-out posted from another site is refused and signs nobody out", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    const response = await page.request.post("/sign-out", { headers: { origin: "https://evil.example" }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    await page.goto("/portal");
    await expect(page.getByTestId("portal-customer-name")).toHaveText(CUSTOMERS.rich);
  });

  test("a second user on the same browser never sees the first user's billing, even with their cookie", async ({ page, context }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    const adaCookie = (await context.cookies()).find((cookie) => PORTAL_COOKIE.test(cookie.name));
    expect(adaCookie).toBeDefined();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    await signIn(page, CUSTOMERS.empty);
    // Put the first user's sealed cookie back, as if it had survived: it must be ignored.
    if (adaCookie) await context.addCookies([adaCookie]);
    await page.goto("/portal");
    await expect(page.getByTestId("portal-customer-name")).toHaveText(CUSTOMERS.empty);
    await expect(page.getByText(CUSTOMERS.rich)).toHaveCount(0);
  });

  test("a portal session that expired upstream is renewed without the customer noticing", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await sandbox.advanceClock(61 * 60);
    await page.goto("/portal/subscriptions");
    await expect(page).toHaveURL(/\/portal\/subscriptions$/);
    await expect(page.getByTestId("portal-customer-name")).toHaveText(CUSTOMERS.rich);
  });

  test("the app's API never renews a portal session: a read answers that it expired and mints nothing", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await sandbox.advanceClock(61 * 60);
    await sandbox.resetCalls();
    const response = await page.request.get("/api/portal/customer");
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "portal:expired" } });
    expect((await sandbox.calls()).by_operation["sessions.create"]).toBe(0);
  });

  test("a portal session that ends while a page is open is renewed when the page next refreshes its data", async ({ page, context, sandbox }) => {
    await page.clock.install();
    await signInToPortalAt(page, CUSTOMERS.rich, "/portal/subscriptions");
    await expect(page.getByRole("heading", { level: 1, name: "Subscriptions" })).toBeVisible();
    // As the browser does when the cookie's lifetime is up.
    await context.clearCookies({ name: PORTAL_COOKIE });
    await sandbox.resetCalls();
    const renewal = page.waitForResponse((response) => new URL(response.url()).pathname === "/portal/session");
    // Later, the tab regains focus (SWR refreshes on focus no sooner than five seconds after a page
    // mounts): the page's data refreshes, finds no session, and goes to renew it.
    await page.clock.fastForward("00:10");
    await page.evaluate(() => window.dispatchEvent(new Event("focus")));
    expect((await renewal).status()).toBe(303);
    await expect(page).toHaveURL(/\/portal\/subscriptions$/);
    await expect(page.getByRole("heading", { level: 1, name: "Subscriptions" })).toBeVisible();
    expect((await sandbox.calls()).by_operation["sessions.create"]).toBe(1);
    expect((await context.cookies()).some((cookie) => PORTAL_COOKIE.test(cookie.name))).toBe(true);
  });

  test("a revoked portal session is renewed once, and a refusal that persists shows an error instead of looping", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await sandbox.revokeTokens();
    await sandbox.resetCalls();
    await page.goto("/portal/invoices");
    await expect(page).toHaveURL(/\/portal\/invoices$/);
    await expect(page.getByTestId("portal-customer-name")).toHaveText(CUSTOMERS.rich);
    expect((await sandbox.calls()).by_operation["sessions.create"]).toBe(1);

    await sandbox.resetCalls();
    await sandbox.fault({ operation: ["customer.get", "invoices.list"], status: 401, count: 10 });
    await page.goto("/portal/invoices");
    await expect(page.getByText(/couldn.t load your billing|session has expired/i).first()).toBeVisible();
    // None: the token was minted seconds ago after a refusal, so this refusal is real (renew.ts
    // waits 30 s before it renews such a token again), and renewing would only loop.
    expect((await sandbox.calls()).by_operation["sessions.create"] ?? 0).toBe(0);
  });
});
