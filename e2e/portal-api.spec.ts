import { request as playwrightRequest } from "@playwright/test";
import { ADA_PRO, appUrl, CUSTOMERS, expect, signInToPortal, test } from "./fixtures";

test.describe("Portal API", () => {
  test("answers the signed-in customer's data as JSON that is never cached and holds no token", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    for (const path of ["/api/portal/customer", "/api/portal/subscriptions", `/api/portal/subscriptions/${ADA_PRO}`, "/api/portal/invoices?limit=5"]) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()["cache-control"], path).toBe("private, no-store");
      const text = await response.text();
      expect(text, path).not.toContain("rkcps_");
      expect(JSON.parse(text), path).toHaveProperty("data");
    }
    const page1 = (await (await page.request.get("/api/portal/invoices?limit=5")).json()) as { data: unknown[]; has_more: boolean };
    expect(page1.data).toHaveLength(5);
    expect(page1.has_more).toBe(true);
  });

  test("refuses a malformed id or query before asking RevKeen", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await sandbox.resetCalls();

    const badId = await page.request.get("/api/portal/invoices/not-an-id");
    expect(badId.status()).toBe(404);
    expect(await badId.json()).toMatchObject({ error: { code: "invoice:not_found" } });
    expect(badId.headers()["cache-control"]).toBe("private, no-store");

    for (const query of ["limit=0", "limit=101", "starting_after=abc", `starting_after=${ADA_PRO}&ending_before=${ADA_PRO}`]) {
      const response = await page.request.get(`/api/portal/invoices?${query}`);
      expect(response.status(), query).toBe(400);
      expect(await response.json(), query).toMatchObject({ error: { code: "request:invalid" } });
    }
    expect((await sandbox.calls()).total).toBe(0);
  });

  test("answers another customer's subscription as not found", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.yen);
    const response = await page.request.get(`/api/portal/subscriptions/${ADA_PRO}`);
    expect(response.status()).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "subscription:not_found" } });
  });

  test("answers unknown portal API paths with a JSON 404 for every method", async ({ page, sandbox }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    await sandbox.resetCalls();
    for (const method of ["GET", "POST", "DELETE"] as const) {
      const response = await page.request.fetch("/api/portal/customer-portal/sessions", { method });
      expect(response.status(), method).toBe(404);
      expect(await response.json(), method).toMatchObject({ error: { code: "route:not_found" } });
    }
    // Encoded traversal in an id never turns into another upstream path.
    for (const path of [
      "/api/portal/subscriptions/%2e%2e%2finvoices",
      "/api/portal/invoices/..%2F..%2Fcustomer",
      "/api/portal/subscriptions/%252e%252e%252fsessions",
      "/api/portal/invoices/%2e%2e",
    ]) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBeGreaterThanOrEqual(400);
      expect(response.status(), path).toBeLessThan(500);
    }
    expect((await sandbox.calls()).total).toBe(0);
  });

  test("answers a signed-out request with auth:unauthenticated", async () => {
    const anonymous = await playwrightRequest.newContext({ baseURL: appUrl() });
    // A path no handler serves too: nothing under /api/portal answers anything else signed out.
    for (const path of ["/api/portal/customer", "/api/portal/subscriptions", "/api/portal/invoices", "/api/portal/no-such-thing"]) {
      const response = await anonymous.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(401);
      expect(await response.json(), path).toMatchObject({ error: { code: "auth:unauthenticated" } });
      expect(response.headers()["cache-control"], path).toBe("private, no-store");
    }
    await anonymous.dispose();
  });
});
