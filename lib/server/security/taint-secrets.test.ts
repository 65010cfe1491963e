// What is tainted, and for how long. Vitest runs React's ordinary build, which has no taint API
// (so every other unit test also shows these calls do nothing without it); here a recording one
// stands in. e2e/taint.smoke.spec.ts checks that the real one, in `next dev`, makes a render that
// hands a tainted value to a client component fail.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ADA_LOVELACE_ID } from "@/lib/sandbox/data/seed";

const taintUniqueValue = vi.hoisted(() => vi.fn());

vi.mock("react", async (importOriginal) => ({
  ...(await importOriginal<typeof import("react")>()),
  experimental_taintUniqueValue: taintUniqueValue,
}));
// Minting outside a request: no request headers, no cookie jar.
vi.mock("@/lib/server/security/request-limits", () => ({ checkMintRate: async () => undefined }));
vi.mock("@/lib/server/portal-session/sealed-cookie", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/server/portal-session/sealed-cookie")>()),
  writePortalSession: async () => undefined,
}));

const AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";

function stubEnv(values: Record<string, string>): void {
  const unset = [
    "REVKEEN_API_KEY",
    "REVKEEN_API_URL",
    "REVKEEN_SANDBOX_API_KEY",
    "REVKEEN_DEMO_SIGN_IN",
    "AUTH_GITHUB_ID",
    "AUTH_GITHUB_SECRET",
    "REVKEEN_WEBHOOK_SECRET",
    "REVKEEN_SANDBOX_WEBHOOK_SECRET",
    "DATABASE_URL",
  ];
  for (const name of unset) vi.stubEnv(name, "");
  vi.stubEnv("AUTH_SECRET", AUTH_SECRET);
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
}

beforeEach(() => {
  // serverEnv() parses once per module instance: every test gets fresh modules.
  vi.resetModules();
  taintUniqueValue.mockClear();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("tainting the server's secrets", () => {
  it("taints the merchant key, the sandbox key, the sign-in and webhook secrets and the database URL for as long as the parsed environment lives", async () => {
    stubEnv({
      REVKEEN_API_KEY: "rk_live_unitTestMerchantKey",
      REVKEEN_SANDBOX_API_KEY: "rk_sandbox_unitTestSandboxKey",
      AUTH_GITHUB_ID: "Iv1.unit",
      AUTH_GITHUB_SECRET: "unit-test-github-secret",
      REVKEEN_WEBHOOK_SECRET: "rk_wh_unitTestWebhookSecret",
      REVKEEN_SANDBOX_WEBHOOK_SECRET: "rk_wh_unitTestSandboxWebhookSecret",
      DATABASE_URL: "postgres://app:unit-test-password@127.0.0.1:5432/billing",
    });
    const { serverEnv } = await import("@/lib/env/server");
    const env = serverEnv();
    expect(taintUniqueValue.mock.calls).toEqual([
      ["REVKEEN_API_KEY must never be sent to the browser.", env, "rk_live_unitTestMerchantKey"],
      ["REVKEEN_SANDBOX_API_KEY must never be sent to the browser.", env, "rk_sandbox_unitTestSandboxKey"],
      ["AUTH_SECRET must never be sent to the browser.", env, AUTH_SECRET],
      ["AUTH_GITHUB_SECRET must never be sent to the browser.", env, "unit-test-github-secret"],
      ["REVKEEN_WEBHOOK_SECRET must never be sent to the browser.", env, "rk_wh_unitTestWebhookSecret"],
      ["REVKEEN_SANDBOX_WEBHOOK_SECRET must never be sent to the browser.", env, "rk_wh_unitTestSandboxWebhookSecret"],
      ["DATABASE_URL must never be sent to the browser.", env, "postgres://app:unit-test-password@127.0.0.1:5432/billing"],
    ]);
    // Parsed and tainted once per process, however often it is read.
    expect(serverEnv()).toBe(env);
    expect(taintUniqueValue).toHaveBeenCalledTimes(7);
  });

  it("skips what is not set", async () => {
    stubEnv({});
    const { serverEnv } = await import("@/lib/env/server");
    const env = serverEnv();
    expect(taintUniqueValue.mock.calls.map(([message, , value]) => [message, value])).toEqual([
      ["REVKEEN_SANDBOX_API_KEY must never be sent to the browser.", "rk_sandbox_portal_starter_demo"],
      ["AUTH_SECRET must never be sent to the browser.", AUTH_SECRET],
    ]);
    expect(taintUniqueValue.mock.calls.every(([, lifetime]) => lifetime === env)).toBe(true);
  });

  it("taints the keyless sandbox's webhook secret, derived from AUTH_SECRET, once", async () => {
    stubEnv({});
    const { serverEnv } = await import("@/lib/env/server");
    const { sandboxWebhookSecret } = await import("@/lib/server/webhooks/webhook-secret");
    const env = serverEnv();
    taintUniqueValue.mockClear();
    const secret = sandboxWebhookSecret();
    expect(sandboxWebhookSecret()).toBe(secret);
    expect(taintUniqueValue.mock.calls).toEqual([["The sandbox's webhook secret must never be sent to the browser.", env, secret]]);
  });
});

describe("tainting portal tokens", () => {
  const now = Date.parse("2026-11-28T12:00:00Z");
  const session = {
    token: "rkcps_UnitTestTokenAbCdEfGhIjKlMnOp",
    expiresAt: now + 60 * 60_000,
    mintedAt: now,
    userId: `demo:${ADA_LOVELACE_ID}`,
    customerId: ADA_LOVELACE_ID,
    renewedAfterRefusal: false,
  };

  it("taints the token inside a cookie as it is opened, for as long as the session it returns", async () => {
    const { sealPortalSession, unsealPortalSession } = await import("@/lib/server/portal-session/sealed-cookie");
    const sealed = await sealPortalSession(session, AUTH_SECRET);
    const opened = await unsealPortalSession(sealed, AUTH_SECRET, session.userId, now);
    if (opened.state !== "valid") throw new Error(`expected a valid session, got ${opened.state}`);
    expect(taintUniqueValue.mock.calls).toEqual([["A RevKeen portal token must never be sent to the browser.", opened.session, session.token]]);
  });

  it("taints a token as it is minted, for as long as the new session", async () => {
    stubEnv({});
    const { mintPortalSession } = await import("@/lib/server/portal-session/mint");
    const minted = await mintPortalSession({ id: ADA_LOVELACE_ID, provider: "demo", emailVerified: true });
    expect(minted.token).toMatch(/^rkcps_/);
    const tokenTaints = taintUniqueValue.mock.calls.filter(([, , value]) => value === minted.token);
    expect(tokenTaints).toEqual([["A RevKeen portal token must never be sent to the browser.", minted, minted.token]]);
  });
});
