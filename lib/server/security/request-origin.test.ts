import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./request-origin";

const post = (headers: Record<string, string>) => new Request("http://localhost:3000/api/portal/x", { method: "POST", headers });
const direct = { AUTH_URL: undefined, AUTH_TRUST_HOST: undefined, VERCEL: undefined };
const behindProxy = { ...direct, AUTH_TRUST_HOST: "true" };
const configured = { ...direct, AUTH_URL: "https://billing.example.com" };

describe("isSameOrigin", () => {
  it("accepts the host the browser asked for", () => {
    expect(isSameOrigin(post({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), direct)).toBe(true);
  });

  it("accepts the public origin a trusted proxy forwards", () => {
    const forwarded = { origin: "https://billing.example.com", host: "internal:3000", "x-forwarded-host": "billing.example.com" };
    expect(isSameOrigin(post(forwarded), behindProxy)).toBe(true);
    expect(isSameOrigin(post({ ...forwarded, "x-forwarded-host": "billing.example.com, internal" }), behindProxy)).toBe(true);
    expect(isSameOrigin(post(forwarded), { ...direct, VERCEL: "1" })).toBe(true);
  });

  it("ignores X-Forwarded-Host when nothing says a proxy sets it", () => {
    const forged = { origin: "http://evil.example", host: "billing.example.com", "x-forwarded-host": "evil.example" };
    expect(isSameOrigin(post(forged), direct)).toBe(false);
  });

  it("compares with AUTH_URL when it is set, whatever the headers say", () => {
    expect(isSameOrigin(post({ origin: "https://billing.example.com", host: "internal:3000" }), configured)).toBe(true);
    const forged = { origin: "http://evil.example", host: "evil.example", "x-forwarded-host": "evil.example" };
    expect(isSameOrigin(post(forged), { ...configured, AUTH_TRUST_HOST: "true" })).toBe(false);
    expect(isSameOrigin(post({ origin: "http://billing.example.com" }), configured)).toBe(false);
  });

  it("refuses a missing, opaque or foreign origin", () => {
    const host = { host: "127.0.0.1:3000" };
    expect(isSameOrigin(post(host), direct)).toBe(false);
    expect(isSameOrigin(post({ ...host, origin: "null" }), direct)).toBe(false);
    expect(isSameOrigin(post({ ...host, origin: "https://evil.example" }), direct)).toBe(false);
    expect(isSameOrigin(post({ ...host, origin: "http://127.0.0.1:3001" }), direct)).toBe(false);
    expect(isSameOrigin(post({ origin: "https://evil.example", host: "internal", "x-forwarded-host": "billing.example.com" }), behindProxy)).toBe(false);
  });
});
