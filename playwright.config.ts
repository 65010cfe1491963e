import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions, freshAuthSecret, freshWebhookSecret, sandboxEnv, testModeEnv } from "./lib/testing/app-under-test";
import { APP_LOG, APP_URL, BALANCER_URL, DATABASE_DOWN_URL, DATABASE_URL, DEMO_URL, LIMITED_A_URL, LIMITED_B_URL, SANDBOX_URL, SMOKE_URL, ports } from "./e2e/urls";

// Fresh secrets for every run (the tests must never depend on particular ones), kept in the
// environment so that every worker, and e2e/fixtures.ts, sees the same.
const secrets = {
  authSecret: (process.env.E2E_AUTH_SECRET ??= freshAuthSecret()),
  webhookSecret: (process.env.E2E_WEBHOOK_SECRET ??= freshWebhookSecret()),
};
const testMode = testModeEnv(SANDBOX_URL, DATABASE_URL, secrets);

/** Another `next start` of the same build: more instances of one deployment. */
function instance(name: string, url: string, port: number, env: Record<string, string>) {
  return {
    name,
    command: `npx next start --hostname 127.0.0.1 --port ${port}`,
    url: `${url}/sign-in`,
    env,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    timeout: 60_000,
  };
}

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
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    {
      name: "app",
      testMatch: /\.spec\.ts$/,
      testIgnore: [/smoke\.spec\.ts$/, /demo\.spec\.ts$/, /narrow-screens\.spec\.ts$/],
      use: { ...devices["Desktop Chrome"], baseURL: APP_URL },
    },
    {
      // A phone in the dark theme, as a customer opening billing from an e-mail holds it.
      name: "phone",
      testMatch: /(journeys|accessibility|narrow-screens|keep-and-upgrade|languages)\.spec\.ts$/,
      use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, colorScheme: "dark", baseURL: APP_URL },
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
      dependencies: ["app", "phone", "demo", "smoke"],
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
    ...(process.env.E2E_DATABASE_URL
      ? []
      : [
          {
            name: "database",
            command: "npx tsx scripts/test-database.ts",
            port: ports.database,
            env: { E2E_DATABASE_PORT: String(ports.database) },
            reuseExistingServer: false,
            stdout: "pipe" as const,
            timeout: 300_000,
          },
        ]),
    {
      name: "sandbox",
      command: "npx tsx scripts/sandbox.ts",
      url: `${SANDBOX_URL}/__sandbox/customers`,
      env: sandboxEnv(ports.sandbox, secrets, `${APP_URL}/api/webhooks/revkeen`),
      reuseExistingServer: false,
      stdout: "pipe",
      timeout: 60_000,
    },
    {
      name: "app",
      // Migrated as a deployment is, built as a container image or CI would build it (with no
      // secret in the environment), then started with them. Its output is kept for
      // e2e/server-output.audit.ts, which checks that no secret was logged.
      command: [
        "mkdir -p .e2e-logs",
        "npx tsx scripts/db-migrate.ts",
        "env AUTH_SECRET= REVKEEN_API_KEY= DATABASE_URL= npx next build",
        `npx next start --hostname 127.0.0.1 --port ${ports.app} 2>&1 | tee ${APP_LOG}`,
      ].join(" && "),
      url: `${APP_URL}/sign-in`,
      env: testMode,
      reuseExistingServer: false,
      stdout: "pipe",
      timeout: 300_000,
    },
    // Two instances on one database, each letting a user mint 4 times a minute: together they must too.
    instance("limited-a", LIMITED_A_URL, ports.limitedA, { ...testMode, PORTAL_MINTS_PER_MINUTE_PER_USER: "4" }),
    instance("limited-b", LIMITED_B_URL, ports.limitedB, { ...testMode, PORTAL_MINTS_PER_MINUTE_PER_USER: "4" }),
    {
      // A real load balancer (nginx) in front of those two, as a self-hosted deployment runs.
      name: "balancer",
      command: "npx tsx scripts/test-balancer.ts",
      url: `${BALANCER_URL}/sign-in`,
      env: { E2E_BALANCER_PORT: String(ports.balancer), E2E_LIMITED_A_PORT: String(ports.limitedA), E2E_LIMITED_B_PORT: String(ports.limitedB) },
      reuseExistingServer: false,
      stdout: "pipe" as const,
      timeout: 60_000,
    },
    // An instance whose database is down (nothing listens on port 9).
    instance("database-down", DATABASE_DOWN_URL, ports.databaseDown, { ...testMode, DATABASE_URL: "postgres://postgres@127.0.0.1:9/postgres" }),
    // The app's build again, as a public keyless demo runs it on Vercel: no key, no controls, the
    // embedded database in memory.
    instance("demo", DEMO_URL, ports.demo, {
      AUTH_SECRET: secrets.authSecret,
      // Self-hosted the documented way: the public address, not trusted forwarded headers.
      AUTH_URL: DEMO_URL,
      AUTH_TRUST_HOST: "",
      REVKEEN_API_KEY: "",
      REVKEEN_API_URL: "",
      REVKEEN_DEMO_SIGN_IN: "",
      SANDBOX_CONTROLS: "",
      DATABASE_URL: "",
      DATABASE_DIR: "memory",
    }),
    {
      // `npm run dev` as a fresh clone runs it: no key, the in-process sandbox, the embedded
      // database in a folder of its own (a fresh one each run, apart from a developer's .data/).
      name: "smoke",
      command: `rm -rf .e2e-logs/smoke-database && npx next dev --hostname 127.0.0.1 --port ${ports.smoke}`,
      url: `${SMOKE_URL}/sign-in`,
      env: {
        AUTH_SECRET: secrets.authSecret,
        REVKEEN_API_KEY: "",
        REVKEEN_API_URL: "",
        REVKEEN_DEMO_SIGN_IN: "",
        DATABASE_URL: "",
        DATABASE_DIR: ".e2e-logs/smoke-database",
        // The default limits, whatever the shell or .env.local say: the rate-limit smoke specs trip
        // them. Every smoke spec comes from 127.0.0.1 (Next fills in x-forwarded-for from the
        // socket), and together they mint far fewer than the per-IP default of 60 a minute.
        PORTAL_MINTS_PER_MINUTE_PER_USER: "",
        PORTAL_MINTS_PER_MINUTE_PER_IP: "",
        PORTAL_WRITES_PER_MINUTE_PER_USER: "",
        PORTAL_CODE_ATTEMPTS_PER_10_MINUTES_PER_MANDATE: "",
        SANDBOX_CONTROLS: "",
      },
      reuseExistingServer: false,
      stdout: "pipe",
      timeout: 180_000,
    },
  ],
});
