// Which paths proxy.ts runs for: its `config.matcher` compiled and matched the way Next does both.
// Every path but the portal's API gets the proxy's security headers; under /api/portal/ each
// handler sets its own in portalRoute() (app/api/portal/routes.test.ts holds every route to it).
import * as pageStaticInfo from "next/dist/build/analysis/get-page-static-info";
import type { ProxyMatcher } from "next/dist/build/analysis/get-page-static-info";
import { describe, expect, it } from "vitest";
import { config } from "./proxy";

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
