import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { DEFAULT_SANDBOX_API_KEY } from "./lib/env/schema.mjs";
import { CHROMIUM_ARGS, chromiumExecutable } from "./e2e/chromium";
import { APP_LOG, APP_URL, DEMO_URL, SANDBOX_URL, SMOKE_URL, ports } from "./e2e/urls";

// A fresh secret for every run: the tests must never depend on a particular one.
const authSecret = process.env.E2E_AUTH_SECRET ?? randomBytes(33).toString("base64url");
process.env.E2E_AUTH_SECRET = authSecret;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // The sandbox is one shared in-memory store that tests reset: one worker keeps them independent.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    trace: "retain-on-failure",
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: "app",
      testMatch: /\.spec\.ts$/,
      testIgnore: [/smoke\.spec\.ts$/, /demo\.spec\.ts$/],
      use: { ...devices["Desktop Chrome"], baseURL: APP_URL },
    },
    {
      // The Deploy button's keyless demo: the same production build, started without a key.
      name: "demo",
      testMatch: /\.demo\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], baseURL: DEMO_URL },
    },
    {
      // After every other test: reads what the app's server printed during the run.
      name: "audit",
      testMatch: /\.audit\.ts$/,
      dependencies: ["app", "demo", "smoke"],
    },
    {
      // Compiles the `next dev` server's routes before the smoke specs time anything.
      name: "smoke-warm-up",
      testMatch: /\.smoke-setup\.ts$/,
      use: { ...devices["Desktop Chrome"], baseURL: SMOKE_URL },
    },
    {
      name: "smoke",
      testMatch: /smoke\.spec\.ts/,
      dependencies: ["smoke-warm-up"],
      use: { ...devices["Desktop Chrome"], baseURL: SMOKE_URL },
    },
  ],
  webServer: [
    {
      name: "sandbox",
      command: "npx tsx scripts/sandbox.ts",
      url: `${SANDBOX_URL}/__sandbox/customers`,
      env: { SANDBOX_PORT: String(ports.sandbox) },
      reuseExistingServer: false,
      stdout: "pipe",
      timeout: 60_000,
    },
    {
      // The production build against the standalone sandbox over HTTP: the code path a live deploy runs.
      name: "app",
      // Built as a container image or CI would build it, with no secret in the environment, then
      // started with them. Its output is kept for e2e/server-output.audit.ts, which checks that no
      // secret was logged.
      command: `mkdir -p .e2e-logs && env AUTH_SECRET= REVKEEN_API_KEY= npx next build && npx next start --hostname 127.0.0.1 --port ${ports.app} 2>&1 | tee ${APP_LOG}`,
      url: `${APP_URL}/sign-in`,
      env: {
        REVKEEN_API_KEY: DEFAULT_SANDBOX_API_KEY,
        REVKEEN_API_URL: `${SANDBOX_URL}/v2`,
        REVKEEN_DEMO_SIGN_IN: "true",
        REVKEEN_TIMEOUT_MS: "3000",
        // The suite signs the same demo users in many times a minute from one address.
        PORTAL_MINTS_PER_MINUTE_PER_USER: "1000",
        PORTAL_MINTS_PER_MINUTE_PER_IP: "1000",
        PORTAL_WRITES_PER_MINUTE_PER_USER: "1000",
        AUTH_SECRET: authSecret,
        AUTH_TRUST_HOST: "true",
      },
      reuseExistingServer: false,
      stdout: "pipe",
      timeout: 300_000,
    },
    {
      // The app's build again, as a public keyless demo runs it: no key, no controls.
      name: "demo",
      command: `npx next start --hostname 127.0.0.1 --port ${ports.demo}`,
      url: `${DEMO_URL}/sign-in`,
      env: {
        AUTH_SECRET: authSecret,
        // Self-hosted the documented way: the public address, not trusted forwarded headers.
        AUTH_URL: DEMO_URL,
        AUTH_TRUST_HOST: "",
        REVKEEN_API_KEY: "",
        REVKEEN_API_URL: "",
        REVKEEN_DEMO_SIGN_IN: "",
        SANDBOX_CONTROLS: "",
      },
      reuseExistingServer: false,
      stdout: "pipe",
      timeout: 60_000,
    },
    {
      // `npm run dev` as a fresh clone runs it: no key, the in-process sandbox.
      name: "smoke",
      command: `npx next dev --hostname 127.0.0.1 --port ${ports.smoke}`,
      url: `${SMOKE_URL}/sign-in`,
      env: {
        AUTH_SECRET: authSecret,
        REVKEEN_API_KEY: "",
        REVKEEN_API_URL: "",
        REVKEEN_DEMO_SIGN_IN: "",
        // The default mint limits, whatever the shell or .env.local say: e2e/mint-rate-limit.smoke.spec.ts
        // trips the per-user one. Every smoke spec comes from 127.0.0.1 (Next fills in x-forwarded-for
        // from the socket), and together they mint far fewer than the per-IP default of 60 a minute.
        PORTAL_MINTS_PER_MINUTE_PER_USER: "",
        PORTAL_MINTS_PER_MINUTE_PER_IP: "",
        PORTAL_WRITES_PER_MINUTE_PER_USER: "",
        SANDBOX_CONTROLS: "",
      },
      reuseExistingServer: false,
      stdout: "pipe",
      timeout: 180_000,
    },
  ],
});
