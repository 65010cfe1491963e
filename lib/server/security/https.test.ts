import { describe, expect, it } from "vitest";
import { isHttps } from "./https";

const proto = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-proto": value });

describe("isHttps", () => {
  it("follows AUTH_URL when it is set, whatever the proxy forwards", () => {
    expect(isHttps(proto("http"), "https://billing.example.com")).toBe(true);
    expect(isHttps(proto("https"), "http://127.0.0.1:3000")).toBe(false);
  });

  it("follows X-Forwarded-Proto otherwise, its first entry when proxies chain", () => {
    expect(isHttps(proto("https"), undefined)).toBe(true);
    expect(isHttps(proto("http"), undefined)).toBe(false);
    expect(isHttps(proto("https, http"), undefined)).toBe(true);
  });

  it("assumes https when nothing says, as Auth.js does", () => {
    expect(isHttps(proto(), undefined)).toBe(true);
  });
});
