import { describe, expect, it } from "vitest";
import { checkSignInProviders } from "./sign-in-providers";

describe("the sign-in providers check", () => {
  it("offers demo sign-in by default in sandbox mode", () => {
    expect(checkSignInProviders({})).toEqual({
      name: "Sign-in providers",
      status: "ok",
      detail: "demo sign-in on (sandbox mode default); GitHub not configured",
    });
  });

  it("passes live mode with GitHub configured and demo sign-in off", () => {
    const result = checkSignInProviders({ REVKEEN_API_KEY: "rk_live_abc", AUTH_GITHUB_ID: "Iv1.abc", AUTH_GITHUB_SECRET: "shh" });
    expect(result).toMatchObject({ status: "ok", detail: "demo sign-in off (live mode default); GitHub configured" });
  });

  it("warns, without failing, when live mode has no provider it can see", () => {
    const result = checkSignInProviders({ REVKEEN_API_KEY: "rk_live_abc" });
    expect(result.status).toBe("warn");
    expect(result.detail).toContain("nobody can sign in");
  });

  it("warns about a half-configured GitHub pair", () => {
    expect(checkSignInProviders({ AUTH_GITHUB_SECRET: "shh" })).toMatchObject({
      status: "warn",
      detail: expect.stringContaining("AUTH_GITHUB_ID missing"),
    });
  });

  it("notes that demo sign-in turned on in test mode lets anyone open any demo customer", () => {
    const result = checkSignInProviders({ REVKEEN_API_KEY: "rk_sandbox_abc", REVKEEN_DEMO_SIGN_IN: "true" });
    expect(result).toMatchObject({ status: "ok", detail: expect.stringContaining("demo sign-in on (REVKEEN_DEMO_SIGN_IN)") });
  });
});
