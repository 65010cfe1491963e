import { CUSTOMERS, expect, portalPages, signInToPortal, test } from "./fixtures";

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

/** Every <script> opening tag in a document, as sent. */
function scriptTags(html: string): string[] {
  return html.match(/<script\b[^>]*>/g) ?? [];
}

test.describe("Security headers", () => {
  test("every portal page has a fresh CSP nonce, and every script on it carries that nonce", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    const nonces = new Set<string>();
    const paths = [...(await portalPages(page)), "/portal"];
    for (const path of paths) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(200);
      const csp = response.headers()["content-security-policy"] ?? "";
      const nonce = NONCE.exec(csp)?.[1];
      expect(nonce, path).toBeTruthy();
      nonces.add(nonce ?? "");

      const scripts = scriptTags(await response.text());
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    // The same page twice included: a nonce is never reused.
    expect(nonces.size).toBe(paths.length);
  });

  test("pages refuse framing, plugins, foreign forms and base tags, and are never cached", async ({ page }) => {
    await signInToPortal(page, CUSTOMERS.rich);
    for (const path of ["/sign-in", "/portal", "/api/portal/customer"]) {
      const headers = (await page.request.get(path)).headers();
      const csp = headers["content-security-policy"] ?? "";
      // The API's JSON may load and run nothing at all; a page may run only its own nonce'd scripts.
      const directives = path.startsWith("/api/")
        ? ["default-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]
        : ["script-src 'self' 'nonce-", "'strict-dynamic'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"];
      for (const directive of directives) {
        expect(csp, `${path}: ${directive}`).toContain(directive);
      }
      expect(csp, path).not.toContain("unsafe-inline");
      expect(csp, path).not.toContain("unsafe-eval");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], path).toMatch(/camera=\(\).*payment=\(\)/);
      expect(headers["x-request-id"], path).toMatch(/^[0-9a-f-]{36}$/);
      if (path !== "/sign-in") expect(headers["cache-control"], path).toBe("private, no-store");
    }
  });

  test("the edges of the portal's API answer with them too: /api/portal itself, /api/portal-x and an unknown path under it", async ({ request }) => {
    for (const path of ["/api/portal", "/api/portal-x", "/api/portal/nope"]) {
      const response = await request.get(path);
      // Not found, or signed out under /api/portal/: either way an answer with the headers.
      expect([401, 404], path).toContain(response.status());
      const headers = response.headers();
      for (const directive of ["base-uri 'none'", "frame-ancestors 'none'"]) {
        expect(headers["content-security-policy"], `${path}: ${directive}`).toContain(directive);
      }
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], path).toMatch(/camera=\(\).*payment=\(\)/);
      expect(headers["x-request-id"], path).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  test("over https the answer adds Strict-Transport-Security and upgrades insecure requests; over http it does not", async ({ request }) => {
    const overHttp = (await request.get("/sign-in")).headers();
    expect(overHttp["strict-transport-security"]).toBeUndefined();
    expect(overHttp["content-security-policy"]).not.toContain("upgrade-insecure-requests");

    // What Vercel or a TLS-terminating proxy tells the app.
    const overHttps = (await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } })).headers();
    expect(overHttps["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(overHttps["content-security-policy"]).toContain("upgrade-insecure-requests");
  });
});
