import { describe, expect, it } from "vitest";
import { signInCookieIsSecure } from "@/lib/sign-in-cookie";

const proto = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-proto": value });

describe("signInCookieIsSecure", () => {
  it("follows AUTH_URL when it is set, whatever the proxy forwards", () => {
    expect(signInCookieIsSecure("https://billing.example.com", proto("http"))).toBe(true);
    expect(signInCookieIsSecure("http://127.0.0.1:3000", proto("https"))).toBe(false);
  });

  it("follows X-Forwarded-Proto otherwise, its first entry when proxies chain", () => {
    expect(signInCookieIsSecure(undefined, proto("https"))).toBe(true);
    expect(signInCookieIsSecure(undefined, proto("http"))).toBe(false);
    expect(signInCookieIsSecure(undefined, proto("https, http"))).toBe(true);
  });

  it("assumes https when nothing says, as Auth.js does", () => {
    expect(signInCookieIsSecure(undefined, proto())).toBe(true);
  });
});
