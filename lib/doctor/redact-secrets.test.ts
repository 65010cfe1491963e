import { describe, expect, it } from "vitest";
import { redactSecrets, secretValues } from "./redact-secrets";

describe("redacting the report", () => {
  it("replaces the environment's secret values wherever they appear", () => {
    const secrets = secretValues({ AUTH_SECRET: "a-long-auth-secret-value", AUTH_GITHUB_SECRET: "gh-secret-123", AUTH_GITHUB_ID: "public-id-1" });
    expect(redactSecrets("echo a-long-auth-secret-value and gh-secret-123 by public-id-1", secrets)).toBe(
      "echo [redacted] and [redacted] by public-id-1",
    );
  });

  it("replaces anything shaped like a RevKeen key or portal token but keeps its prefix and the … of a shown prefix", () => {
    expect(redactSecrets("got rkcps_abcdefghijklmnop and rk_live_xyz, rk_live_… (set)", [])).toBe(
      "got rkcps_[redacted] and rk_live_[redacted], rk_live_… (set)",
    );
  });
});
