import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders, type SecurityOptions } from "./security-headers";

const base: SecurityOptions = {
  nonce: "abc123==",
  development: false,
  https: true,
  frameAncestors: "'none'",
  formActionOrigins: [],
};

describe("the Content-Security-Policy", () => {
  it("lets only nonced scripts run, and nothing embed, frame or rebase the page", () => {
    const policy = contentSecurityPolicy(base);
    expect(policy).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain("upgrade-insecure-requests");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("unsafe-inline");
  });

  it("allows what next dev needs only in development", () => {
    const policy = contentSecurityPolicy({ ...base, development: true, https: false });
    expect(policy).toContain("'unsafe-eval'");
    expect(policy).toContain("connect-src 'self' ws:");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("lets sign-in forms lead to the OAuth providers configured, and the portal be framed where allowed", () => {
    const policy = contentSecurityPolicy({ ...base, formActionOrigins: ["https://github.com"], frameAncestors: "https://shop.example" });
    expect(policy).toContain("form-action 'self' https://github.com");
    expect(policy).toContain("frame-ancestors https://shop.example");
  });
});

describe("the other security headers", () => {
  it("turn off sniffing, cross-origin referrers and unused browser features, and pin https", () => {
    const headers = securityHeaders(base);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  });

  it("send no HSTS over plain http, and no X-Frame-Options when framing is allowed", () => {
    const headers = securityHeaders({ ...base, https: false, frameAncestors: "https://shop.example" });
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(headers["x-frame-options"]).toBeUndefined();
  });
});

describe("nonces", () => {
  it("are fresh and carry 128 bits", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    expect(atob(createNonce())).toHaveLength(16);
  });
});
