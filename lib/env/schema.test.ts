import { describe, expect, it } from "vitest";
import { DEFAULT_REVKEEN_API_URL, DEFAULT_SANDBOX_API_KEY, DEFAULT_SANDBOX_PORT, EnvError, parseSandboxEnv, parseServerEnv } from "./schema.mjs";

const secret = "x".repeat(40);

describe("server environment", () => {
  it("runs in sandbox mode with no key, offering demo sign-in", () => {
    const env = parseServerEnv({ AUTH_SECRET: secret });
    expect(env.mode).toBe("sandbox");
    expect(env.demoSignIn).toBe(true);
    expect(env.REVKEEN_API_URL).toBe(DEFAULT_REVKEEN_API_URL);
    expect(env.REVKEEN_PORTAL_TTL_MINUTES).toBe(60);
  });

  it("treats empty strings as unset, as Vercel and .env files write them", () => {
    const env = parseServerEnv({ AUTH_SECRET: secret, REVKEEN_API_KEY: "", REVKEEN_API_URL: " ", REVKEEN_PORTAL_TTL_MINUTES: "" });
    expect(env.mode).toBe("sandbox");
    expect(env.REVKEEN_PORTAL_TTL_MINUTES).toBe(60);
  });

  it("tells test mode from live mode by the key's prefix", () => {
    expect(parseServerEnv({ AUTH_SECRET: secret, REVKEEN_API_KEY: "rk_sandbox_abc123" }).mode).toBe("test");
    const live = parseServerEnv({ AUTH_SECRET: secret, REVKEEN_API_KEY: "rk_live_abc123" });
    expect(live.mode).toBe("live");
    expect(live.demoSignIn).toBe(false);
  });

  it("refuses a key of another shape with a message a merchant understands, without echoing it", () => {
    const attempt = () => parseServerEnv({ AUTH_SECRET: secret, REVKEEN_API_KEY: "sk_test_secretvalue" });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(/REVKEEN_API_KEY must start with rk_sandbox_ or rk_live_/);
    expect(attempt).not.toThrow(/secretvalue/);
  });

  it("bounds the portal session's lifetime to RevKeen's 5 to 240 minutes", () => {
    expect(parseServerEnv({ AUTH_SECRET: secret, REVKEEN_PORTAL_TTL_MINUTES: "15" }).REVKEEN_PORTAL_TTL_MINUTES).toBe(15);
    expect(() => parseServerEnv({ AUTH_SECRET: secret, REVKEEN_PORTAL_TTL_MINUTES: "4" })).toThrow(/at least 5/);
    expect(() => parseServerEnv({ AUTH_SECRET: secret, REVKEEN_PORTAL_TTL_MINUTES: "241" })).toThrow(/at most 240/);
    expect(() => parseServerEnv({ AUTH_SECRET: secret, REVKEEN_PORTAL_TTL_MINUTES: "1.5" })).toThrow(/whole number/);
  });

  it("requires AUTH_SECRET at run time but not while building", () => {
    expect(() => parseServerEnv({})).toThrow(/AUTH_SECRET is missing/);
    expect(parseServerEnv({}, { requireSecrets: false }).mode).toBe("sandbox");
    expect(() => parseServerEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET is too short/);
  });

  it("never allows demo sign-in with a live key", () => {
    expect(() =>
      parseServerEnv({ AUTH_SECRET: secret, REVKEEN_API_KEY: "rk_live_abc", REVKEEN_DEMO_SIGN_IN: "true" }),
    ).toThrow(/REVKEEN_DEMO_SIGN_IN cannot be true with a live key/);
  });

  it("accepts a server actions key only as base64 of an AES key length, without echoing it", () => {
    for (const bytes of [16, 24, 32]) {
      const key = Buffer.alloc(bytes, 7).toString("base64");
      expect(parseServerEnv({ AUTH_SECRET: secret, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }).NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBe(key);
    }
    for (const bad of [Buffer.alloc(31, 7).toString("base64"), "not base64 at all!", "c2VjcmV0dmFsdWU"]) {
      const attempt = () => parseServerEnv({ AUTH_SECRET: secret, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: bad });
      expect(attempt).toThrow(/NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be a base64 AES key of 16, 24 or 32 bytes/);
      expect(attempt).not.toThrow(bad);
    }
  });

  it("takes AUTH_URL only as an http(s) address", () => {
    expect(parseServerEnv({ AUTH_SECRET: secret, AUTH_URL: "https://billing.example.com" }).AUTH_URL).toBe("https://billing.example.com");
    expect(() => parseServerEnv({ AUTH_SECRET: secret, AUTH_URL: "billing.example.com" })).toThrow(/AUTH_URL must be your site's address/);
  });

  it("wants both halves of the GitHub credentials or neither", () => {
    expect(() => parseServerEnv({ AUTH_SECRET: secret, AUTH_GITHUB_ID: "id" })).toThrow(/AUTH_GITHUB_SECRET is missing/);
  });

  it("drops a trailing slash from the API URL and refuses a URL that is not http(s)", () => {
    expect(parseServerEnv({ AUTH_SECRET: secret, REVKEEN_API_URL: "http://127.0.0.1:4010/v2/" }).REVKEEN_API_URL).toBe(
      "http://127.0.0.1:4010/v2",
    );
    expect(() => parseServerEnv({ AUTH_SECRET: secret, REVKEEN_API_URL: "ftp://example.com/v2" })).toThrow(/REVKEEN_API_URL/);
  });

  it("takes plain http for REVKEEN_API_URL only to this machine, where the key crosses no network", () => {
    for (const url of ["http://127.0.0.1:4010/v2", "http://127.8.9.10/v2", "http://localhost:4010/v2", "http://LOCALHOST/v2", "http://[::1]:4010/v2"]) {
      expect(parseServerEnv({ AUTH_SECRET: secret, REVKEEN_API_URL: url }).REVKEEN_API_URL).toBe(url);
    }
    for (const url of ["http://api.revkeen.com/v2", "http://10.0.0.5:4010/v2", "http://sandbox.localhost/v2", "http://localhost.example.com/v2", "http://128.0.0.1/v2"]) {
      for (const key of [{}, { REVKEEN_API_KEY: "rk_sandbox_abc" }, { REVKEEN_API_KEY: "rk_live_abc" }]) {
        expect(() => parseServerEnv({ AUTH_SECRET: secret, REVKEEN_API_URL: url, ...key })).toThrow(
          /REVKEEN_API_URL must use https: over plain http the API key would cross the network readable/,
        );
      }
    }
  });
});

describe("npm run sandbox's environment", () => {
  it("defaults everything when unset or blank", () => {
    const defaults = { SANDBOX_PORT: DEFAULT_SANDBOX_PORT, REVKEEN_SANDBOX_API_KEY: DEFAULT_SANDBOX_API_KEY };
    expect(parseSandboxEnv({})).toEqual(defaults);
    expect(parseSandboxEnv({ SANDBOX_PORT: " ", REVKEEN_SANDBOX_API_KEY: "" })).toEqual(defaults);
  });

  it("has no webhook secret of its own: sending webhooks needs one given", () => {
    expect(parseSandboxEnv({}).REVKEEN_SANDBOX_WEBHOOK_SECRET).toBeUndefined();
    expect(() => parseSandboxEnv({ SANDBOX_WEBHOOK_URL: "http://127.0.0.1:3000/api/webhooks/revkeen" })).toThrow(
      /REVKEEN_SANDBOX_WEBHOOK_SECRET is missing: the sandbox signs the webhooks it sends to SANDBOX_WEBHOOK_URL with it/,
    );
  });

  it("reads the waits before a webhook's retries, and refuses anything but a list of milliseconds", () => {
    expect(parseSandboxEnv({ SANDBOX_WEBHOOK_RETRY_DELAYS_MS: "100,200" }).SANDBOX_WEBHOOK_RETRY_DELAYS_MS).toEqual([100, 200]);
    expect(parseSandboxEnv({ SANDBOX_WEBHOOK_RETRY_DELAYS_MS: " " }).SANDBOX_WEBHOOK_RETRY_DELAYS_MS).toBeUndefined();
    for (const wrong of ["1s", "100,,200", "-5", "1,2,3,4,5,6,7,8,9,10,11"]) {
      expect(() => parseSandboxEnv({ SANDBOX_WEBHOOK_RETRY_DELAYS_MS: wrong }), wrong).toThrow(/SANDBOX_WEBHOOK_RETRY_DELAYS_MS/);
    }
  });

  it("reads a port, a sandbox key, a webhook secret and address, and nothing else", () => {
    expect(
      parseSandboxEnv({
        SANDBOX_PORT: "4321",
        REVKEEN_SANDBOX_API_KEY: "rk_sandbox_mine",
        REVKEEN_SANDBOX_WEBHOOK_SECRET: "rk_wh_mine",
        SANDBOX_WEBHOOK_URL: "http://127.0.0.1:3000/api/webhooks/revkeen",
        AUTH_GITHUB_ID: "half",
      }),
    ).toEqual({
      SANDBOX_PORT: 4321,
      REVKEEN_SANDBOX_API_KEY: "rk_sandbox_mine",
      REVKEEN_SANDBOX_WEBHOOK_SECRET: "rk_wh_mine",
      SANDBOX_WEBHOOK_URL: "http://127.0.0.1:3000/api/webhooks/revkeen",
    });
  });

  it.each(["abc", "0", "70000", "-1", "80.5"])("explains a bad SANDBOX_PORT %j", (port) => {
    expect(() => parseSandboxEnv({ SANDBOX_PORT: port })).toThrow(/SANDBOX_PORT must be a port number from 1 to 65535/);
  });

  it("refuses a live key without repeating it", () => {
    let message = "";
    try {
      parseSandboxEnv({ REVKEEN_SANDBOX_API_KEY: "rk_live_real_secret" });
    } catch (error) {
      if (error instanceof EnvError) message = error.message;
    }
    expect(message).toMatch(/REVKEEN_SANDBOX_API_KEY must start with rk_sandbox_/);
    expect(message).not.toContain("rk_live_real_secret");
  });
});

describe("the in-process sandbox's controls", () => {
  const keyless = { AUTH_SECRET: "x".repeat(40) };

  it("are on under next dev and off in a production build, unless SANDBOX_CONTROLS says otherwise", () => {
    expect(parseServerEnv({ ...keyless, NODE_ENV: "development" }).sandboxControls).toBe(true);
    expect(parseServerEnv({ ...keyless, NODE_ENV: "production" }).sandboxControls).toBe(false);
    expect(parseServerEnv({ ...keyless, NODE_ENV: "production", SANDBOX_CONTROLS: "true" }).sandboxControls).toBe(true);
    expect(parseServerEnv({ ...keyless, NODE_ENV: "development", SANDBOX_CONTROLS: "false" }).sandboxControls).toBe(false);
  });

  it("cannot be asked for beside GitHub sign-in, whose real users' data they would show", () => {
    const github = { AUTH_GITHUB_ID: "Iv1.abc", AUTH_GITHUB_SECRET: "shh" };
    expect(() => parseServerEnv({ ...keyless, ...github, NODE_ENV: "production", SANDBOX_CONTROLS: "true" })).toThrow(
      /SANDBOX_CONTROLS cannot be true while GitHub sign-in is set up \(AUTH_GITHUB_ID\): the controls would show real users' e-mail addresses/,
    );
    expect(parseServerEnv({ ...keyless, ...github, NODE_ENV: "production", SANDBOX_CONTROLS: "false" }).sandboxControls).toBe(false);
    expect(parseServerEnv({ ...keyless, ...github, REVKEEN_API_KEY: "rk_sandbox_abc", SANDBOX_CONTROLS: "true" }).sandboxControls).toBe(false);
  });

  it("never exist with a key, whatever SANDBOX_CONTROLS says", () => {
    expect(parseServerEnv({ ...keyless, REVKEEN_API_KEY: "rk_sandbox_abc", SANDBOX_CONTROLS: "true", NODE_ENV: "development" }).sandboxControls).toBe(false);
  });
});
