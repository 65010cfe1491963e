import { describe, expect, it } from "vitest";
import type { CheckResult } from "./check-result";
import { checkEnvironmentVariables } from "./environment-variables";

function line(results: CheckResult[], name: string): CheckResult {
  const found = results.find((result) => result.name === name);
  if (!found) throw new Error(`no line for ${name}`);
  return found;
}

describe("the environment variables check", () => {
  it("lists every RevKeen and GitHub variable, with defaults, in sandbox mode", () => {
    const results = checkEnvironmentVariables({});
    expect(results.map((result) => result.name)).toEqual([
      "REVKEEN_API_KEY",
      "REVKEEN_API_URL",
      "REVKEEN_SANDBOX_API_KEY",
      "REVKEEN_PORTAL_TTL_MINUTES",
      "REVKEEN_TIMEOUT_MS",
      "REVKEEN_DEMO_SIGN_IN",
      "AUTH_GITHUB_ID",
      "AUTH_GITHUB_SECRET",
    ]);
    expect(results.every((result) => result.status === "ok")).toBe(true);
    expect(line(results, "REVKEEN_API_KEY").detail).toBe("not set: sandbox mode");
    expect(line(results, "REVKEEN_API_URL").detail).toBe("https://api.revkeen.com/v2 (default), not used in sandbox mode");
    expect(line(results, "REVKEEN_PORTAL_TTL_MINUTES").detail).toBe("60 minutes (default)");
  });

  it("shows a key as its prefix only", () => {
    const results = checkEnvironmentVariables({ REVKEEN_API_KEY: "rk_live_s3cr3tPart", REVKEEN_SANDBOX_API_KEY: "rk_sandbox_other_s3cr3t" });
    expect(line(results, "REVKEEN_API_KEY")).toEqual({ name: "REVKEEN_API_KEY", status: "ok", detail: "rk_live_… (set)" });
    expect(line(results, "REVKEEN_SANDBOX_API_KEY").detail).toMatch(/^rk_sandbox_… \(set\)/);
    expect(JSON.stringify(results)).not.toContain("s3cr3t");
  });

  it("fails a malformed variable with the app's own rule and without echoing the value", () => {
    const results = checkEnvironmentVariables({ REVKEEN_API_KEY: "sk_test_pastedFromStripe", REVKEEN_PORTAL_TTL_MINUTES: "500" });
    expect(line(results, "REVKEEN_API_KEY")).toMatchObject({ status: "fail", detail: expect.stringContaining("must start with rk_sandbox_ or rk_live_") });
    expect(line(results, "REVKEEN_PORTAL_TTL_MINUTES")).toMatchObject({ status: "fail", detail: expect.stringContaining("at most 240") });
    expect(JSON.stringify(results)).not.toContain("pastedFromStripe");
  });

  it("fails half of the GitHub pair and demo sign-in with a live key, as `next start` would", () => {
    const results = checkEnvironmentVariables({ AUTH_GITHUB_ID: "Iv1.abc", REVKEEN_API_KEY: "rk_live_abc", REVKEEN_DEMO_SIGN_IN: "true" });
    expect(line(results, "AUTH_GITHUB_SECRET")).toMatchObject({ status: "fail", detail: expect.stringContaining("needs both") });
    expect(line(results, "REVKEEN_DEMO_SIGN_IN")).toMatchObject({ status: "fail", detail: expect.stringContaining("live key") });
  });

  it("fails plain http to another machine whatever the key, as `next start` would, and allows loopback", () => {
    const url = "http://api.example.com/v2";
    for (const key of ["rk_live_abc", "rk_sandbox_abc", undefined]) {
      expect(line(checkEnvironmentVariables({ REVKEEN_API_KEY: key, REVKEEN_API_URL: url }), "REVKEEN_API_URL")).toMatchObject({
        status: "fail",
        detail: expect.stringContaining("must use https"),
      });
    }
    const local = checkEnvironmentVariables({ REVKEEN_API_KEY: "rk_live_abc", REVKEEN_API_URL: "http://127.0.0.1:4010/v2" });
    expect(line(local, "REVKEEN_API_URL").status).toBe("ok");
  });

  it("never prints a user:password part of REVKEEN_API_URL", () => {
    const results = checkEnvironmentVariables({ REVKEEN_API_KEY: "rk_sandbox_abc", REVKEEN_API_URL: "https://user:hunter2@proxy.example.com/v2" });
    expect(line(results, "REVKEEN_API_URL").detail).toBe("https://proxy.example.com/v2");
  });
});
