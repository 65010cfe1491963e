import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./request-origin";

const post = (headers: Record<string, string>) => new Request("http://127.0.0.1:3000/api/portal/x", { method: "POST", headers });

describe("isSameOrigin", () => {
  it("accepts the request's own origin", () => {
    expect(isSameOrigin(post({ origin: "http://127.0.0.1:3000" }))).toBe(true);
  });

  it("accepts the public origin a proxy forwards", () => {
    expect(isSameOrigin(post({ origin: "https://billing.example.com", "x-forwarded-host": "billing.example.com" }))).toBe(true);
    expect(isSameOrigin(post({ origin: "https://billing.example.com", "x-forwarded-host": "billing.example.com, internal" }))).toBe(true);
  });

  it("refuses a missing, opaque or foreign origin", () => {
    expect(isSameOrigin(post({}))).toBe(false);
    expect(isSameOrigin(post({ origin: "null" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "https://evil.example", "x-forwarded-host": "billing.example.com" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "http://127.0.0.1:3001" }))).toBe(false);
  });
});
