// Which paths proxy.ts runs for: its `config.matcher` compiled and matched the way Next does both.
// Every path but the portal's API gets the proxy's security headers; under /api/portal/ each
// handler sets its own in portalRoute() (app/api/portal/routes.test.ts holds every route to it).
// And the header that lets a page speak the customer's language: set for the portal's pages only.
import * as pageStaticInfo from "next/dist/build/analysis/get-page-static-info";
import type { ProxyMatcher } from "next/dist/build/analysis/get-page-static-info";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { newSessionClaims } from "@/lib/server/auth/sign-in-session";
import { PORTAL_PAGE_HEADER } from "@/lib/server/i18n/portal-page-header";
import proxy, { config } from "./proxy";

// proxy.ts reads its environment when it loads, before this file's own lines run.
const SECRET = vi.hoisted(() => {
  const secret = "a-unit-test-secret-that-is-long-enough-123";
  process.env.AUTH_SECRET = secret;
  process.env.REVKEEN_API_KEY = "";
  return secret;
});

// Exported by Next's build, but left out of its type declarations.
const { getMiddlewareMatchers } = pageStaticInfo as unknown as { getMiddlewareMatchers: (matcher: readonly string[], nextConfig: object) => ProxyMatcher[] };
const matchers = getMiddlewareMatchers(config.matcher, {});

/** As Next's router asks it (shared/lib/router/utils/middleware-route-matcher.js), for a matcher without `has` or `missing`. */
function runsFor(pathname: string): boolean {
  return matchers.some((matcher) => new RegExp(matcher.regexp).test(pathname));
}

describe("the proxy's matcher", () => {
  it("has no conditions that could let a path through unmatched", () => {
    expect(matchers.every((matcher) => matcher.has === undefined && matcher.missing === undefined)).toBe(true);
  });

  it.each(["/", "/sign-in", "/portal", "/portal/invoices", "/portal/session", "/api/portal", "/api/portal-x", "/api/portalx", "/api/portal.json", "/api/webhooks/revkeen", "/api/healthx", "/api/health/x", "/__sandbox/customers", "/__sandbox/checkout", "/__sandbox/checkoutx/cst_x", "/favicon.icox", "/robots.txt.bak", "/_next/staticx"])(
    "runs for %s",
    (path) => {
      expect(runsFor(path)).toBe(true);
    },
  );

  it.each(["/api/health", "/api/portal/customer", "/api/portal/nope", `/api/portal/subscriptions/0b5a7e1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d/cancel`, "/_next/static/chunks/main.js", "/_next/image", "/favicon.ico", "/robots.txt", "/__sandbox/checkout/cst_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG"])(
    "leaves out %s",
    (path) => {
      expect(runsFor(path)).toBe(false);
    },
  );
});

/** A request as a signed-in browser sends it over http (as Next passes it on), with headers of its own choosing. */
async function signedInRequest(path: string, headers: Record<string, string> = {}): Promise<NextRequest> {
  const token = await encode({ token: { sub: "github:1", name: "Octo Cat", ...newSessionClaims() }, secret: SECRET, salt: "authjs.session-token" });
  return new NextRequest(new URL(path, "http://app.test"), { headers: { cookie: `authjs.session-token=${token}`, "x-forwarded-proto": "http", ...headers } });
}

/** The value of `name` on the request the page receives (Next passes proxy.ts's changes to it this way), or null. */
function forwarded(response: Response, name: string): string | null {
  const overridden = (response.headers.get("x-middleware-override-headers") ?? "").split(",");
  return overridden.includes(name) ? response.headers.get(`x-middleware-request-${name}`) : null;
}

describe("the portal's page header", () => {
  it.each(["/portal", "/portal/", "/portal/invoices", "/portal/subscriptions/0b5a7e1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d"])("is set for %s, whatever the browser sent", async (path) => {
    for (const sent of [{}, { [PORTAL_PAGE_HEADER]: "0" }] as Record<string, string>[]) {
      const response = await proxy(await signedInRequest(path, sent));
      expect(response.status).toBe(200);
      expect(forwarded(response, PORTAL_PAGE_HEADER)).toBe("1");
    }
  });

  it.each(["/", "/sign-in", "/portalx", "/portal-x", "/upgrade/reports", "/api/auth/session"])("is taken off a browser's own request for %s", async (path) => {
    const response = await proxy(await signedInRequest(path, { [PORTAL_PAGE_HEADER]: "1", "accept-language": "fr" }));
    expect(response.status).toBe(200);
    const names = (response.headers.get("x-middleware-override-headers") ?? "").split(",");
    expect(names).toContain("accept-language");
    expect(names).not.toContain(PORTAL_PAGE_HEADER);
    expect(forwarded(response, "accept-language")).toBe("fr");
  });
});
