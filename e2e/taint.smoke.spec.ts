import { DEFAULT_SANDBOX_API_KEY } from "../lib/env/schema.mjs";
import { CUSTOMERS, expect, signInToPortal, test } from "./fixtures";

/** A portal token or any merchant key, as in secrets.spec.ts. */
const SECRET = /rkcps_|rk_live_[A-Za-z0-9]|rk_sandbox_[A-Za-z0-9]|rk_wh_[A-Za-z0-9]/;

// /__sandbox/taint-check hands a client component a secret on purpose (sandbox mode only, where
// the secrets are made up). React's taint API must turn that into a failed render; without it the
// page would answer 200 with the secret in its RSC payload. `next dev` shows the taint's message,
// which tells this failure apart from any other.
test.describe("Tainted secrets and client components", () => {
  test("handing the merchant key to a client component fails the render and sends none of the key", async ({ request }) => {
    const response = await request.get("/__sandbox/taint-check?secret=api-key");
    expect(response.status()).toBe(500);
    const body = await response.text();
    expect(body).toContain("REVKEEN_SANDBOX_API_KEY must never be sent to the browser.");
    expect(body).not.toContain(DEFAULT_SANDBOX_API_KEY);
    expect(body).not.toMatch(SECRET);
  });

  test("handing the visitor's portal token to a client component fails the render and sends no token", async ({ page }) => {
    // The token is tainted both as it is minted and as the cookie is opened (which one is covered
    // by lib/server/security/taint-secrets.test.ts); this shows that together they stop a render.
    await signInToPortal(page, CUSTOMERS.rich);
    const response = await page.request.get("/__sandbox/taint-check?secret=portal-token");
    expect(response.status()).toBe(500);
    const body = await response.text();
    expect(body).toContain("A RevKeen portal token must never be sent to the browser.");
    expect(body).not.toMatch(SECRET);
  });
});
