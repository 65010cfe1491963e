import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkAuthSecret, weaknessOf } from "./auth-secret";

const strong = randomBytes(33).toString("base64url");

describe("the AUTH_SECRET check", () => {
  it("passes a secret from `npx auth secret` and shows only its length", () => {
    const result = checkAuthSecret({ AUTH_SECRET: strong, REVKEEN_API_KEY: "rk_live_abc" });
    expect(result).toEqual({ name: "AUTH_SECRET", status: "ok", detail: `${strong.length} characters, varied enough (value not shown)` });
  });

  it("passes 32 random hex characters, the shortest strong form", () => {
    expect(weaknessOf(randomBytes(16).toString("hex"))).toBeNull();
  });

  it("fails a missing secret outside sandbox mode and only warns in sandbox mode, where `npm run dev` writes one", () => {
    expect(checkAuthSecret({ REVKEEN_API_KEY: "rk_live_abc" }).status).toBe("fail");
    expect(checkAuthSecret({ REVKEEN_API_KEY: "rk_sandbox_abc", AUTH_SECRET: "  " }).status).toBe("fail");
    expect(checkAuthSecret({}).status).toBe("warn");
  });

  it("fails a secret shorter than 32 characters", () => {
    expect(checkAuthSecret({ AUTH_SECRET: strong.slice(0, 31) })).toMatchObject({ status: "fail", detail: expect.stringContaining("too short") });
  });

  it("fails obvious placeholders whatever their length", () => {
    for (const placeholder of ["changeme".repeat(4), "please-Change-Me-before-production-2026", "my-super-secret-value-for-auth-js-1", "your_secret_here_0123456789abcdefgh"]) {
      expect(weaknessOf(placeholder)).toMatch(/placeholder/);
    }
  });

  it("fails a repeated character, low variety, a repeated pattern and a run", () => {
    expect(weaknessOf("a".repeat(40))).toMatch(/variety/);
    expect(weaknessOf("abababababababababababababababab1234")).toMatch(/variety/);
    expect(weaknessOf("0123456789abcdef0123456789abcdef")).toMatch(/pattern/);
    expect(weaknessOf("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ")).toMatch(/run/);
  });

  it("never repeats any part of the secret in its message", () => {
    const weak = "hunter2hunter2hunter2hunter2hunter2";
    expect(checkAuthSecret({ AUTH_SECRET: weak }).detail).not.toMatch(/hunter/);
  });
});
