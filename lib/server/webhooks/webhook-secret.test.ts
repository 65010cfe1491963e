import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/env/schema.mjs";
import { webhookSecret } from "./webhook-secret";

const AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
const env = (vars: Record<string, string> = {}) => parseServerEnv({ AUTH_SECRET, ...vars });

describe("the webhook secret", () => {
  it("in sandbox mode is derived from AUTH_SECRET: its own for each AUTH_SECRET, never a constant", () => {
    const derived = webhookSecret(env());
    expect(derived).toMatch(/^rk_wh_[0-9a-f]{64}$/);
    expect(webhookSecret(env())).toBe(derived);
    expect(webhookSecret(env({ AUTH_SECRET: `${AUTH_SECRET}-another` }))).not.toBe(derived);
    expect(derived).not.toContain(AUTH_SECRET);
  });

  it("in sandbox mode is REVKEEN_SANDBOX_WEBHOOK_SECRET when that is set", () => {
    expect(webhookSecret(env({ REVKEEN_SANDBOX_WEBHOOK_SECRET: "rk_wh_set_by_hand" }))).toBe("rk_wh_set_by_hand");
  });

  it("in test and live mode is RevKeen's REVKEEN_WEBHOOK_SECRET, or none", () => {
    expect(webhookSecret(env({ REVKEEN_API_KEY: "rk_sandbox_abc", REVKEEN_WEBHOOK_SECRET: "rk_wh_from_revkeen" }))).toBe("rk_wh_from_revkeen");
    expect(webhookSecret(env({ REVKEEN_API_KEY: "rk_live_abc" }))).toBeUndefined();
  });
});
