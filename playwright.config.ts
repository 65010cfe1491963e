import { defineConfig, devices, type ReporterDescription } from "@playwright/test";
import { chromiumLaunchOptions, freshAuthSecret, freshWebhookSecret, sandboxEnv, testModeEnv } from "./lib/testing/app-under-test";
import {
  appLog,
  BALANCER_URL,
  DATABASE_DOWN_URL,
  DATABASE_URL,
  DEMO_URL,
  INSTANCES_APP_URL,
  INSTANCES_SANDBOX_URL,
  LANES,
  laneDatabaseUrl,
  LIMITED_A_URL,
  LIMITED_B_URL,
  SMOKE_URL,
  ports,
} from "./e2e/urls";

// Fresh secrets for every run (the tests must never depend on particular ones), kept in the
// environment so that every worker, and e2e/fixtures.ts, sees the same.
const secrets = {
  authSecret: (process.env.E2E_AUTH_SECRET ??= freshAuthSecret()),
  webhookSecret: (process.env.E2E_WEBHOOK_SECRET ??= freshWebhookSecret()),
};
const firstLane = LANES[0] ?? (() => {
  throw new Error("e2e/urls.ts defines no lane.");
})();
// The instances of the tests about several instances share DATABASE_URL's database and a sandbox
// of their own; each lane has its own of both (e2e/urls.ts).
const testMode = testModeEnv(INSTANCES_SANDBOX_URL, DATABASE_URL, secrets);
const laneTestMode = (lane: (typeof LANES)[number]) => testModeEnv(lane.sandboxUrl, laneDatabaseUrl(lane), secrets);

/** One server or step for scripts/test-servers.ts, which starts each once those it comes `after` are up. */
type Step = {
  name: string;
  command: string;
  env?: Record<string, string>;
  /** A URL that answers, a port that listens, or "done" for a step that runs to its end. */
  ready: { url: string } | { port: number } | "done";
  after?: string[];
};

/**
 * A standalone sandbox sending its webhooks to `webhookUrl`, retrying a refused delivery after
 * 0.1, 0.2, 0.4, 0.8 and 1.6 s rather than 1, 2, 4, 8 and 16: a test that takes the app's
 * endpoint down waits that much less.
 */
function sandbox(name: string, port: number, webhookUrl: string): Step {
  return {
    name,
    command: "tsx scripts/sandbox.ts",
    ready: { url: `http://127.0.0.1:${port}/__sandbox/customers` },
    env: { ...sandboxEnv(port, secrets, webhookUrl), SANDBOX_WEBHOOK_RETRY_DELAYS_MS: "100,200,400,800,1600" },
  };
}

/** The suite's own PostgreSQL, unless E2E_DATABASE_URL names one. */
const ownDatabase = process.env.E2E_DATABASE_URL === undefined;
/** A database created and migrated as a deployment's `npm run db:migrate` does it. */
function migrated(name: string, env: Record<string, string>): Step {
  return { name, command: "tsx scripts/test-lane-database.ts && tsx scripts/db-migrate.ts", env, ready: "done", after: ownDatabase ? ["database"] : [] };
}

/**
 * A `next start` of the suite's build on the database `database` (a step's name): one more
 * instance of one deployment. `log`: its output kept for e2e/server-output.audit.ts, which checks
 * that no secret was logged.
 */
function instance(name: string, url: string, port: number, env: Record<string, string>, options: { database?: string; log?: boolean } = {}): Step {
  const start = `next start --hostname 127.0.0.1 --port ${port}`;
  return {
    name,
    command: options.log ? `mkdir -p .e2e-logs && ${start} 2>&1 | tee ${appLog(port)}` : start,
    ready: { url: `${url}/sign-in` },
    env,
    after: ["build", ...(options.database ? [options.database] : [])],
  };
}

// Plus a JSON report where PLAYWRIGHT_JSON_OUTPUT_NAME names its file (the timings in docs/testing.md).
const reporters: ReporterDescription[] = [
  ...(process.env.CI ? ([["list"], ["html", { open: "never" }]] as ReporterDescription[]) : [["list"] as ReporterDescription]),
  ...(process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["json"] as ReporterDescription] : []),
];

/** A project whose tests each run on their worker's lane (e2e/fixtures.ts). */
const LANE_PROJECT = { dependencies: ["run-start"] };

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // One worker per lane: the projects with servers and state of their own (the lanes', the
  // instances', the demo's, `next dev`'s) run side by side, each test on a worker's own state.
  workers: LANES.length,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [...reporters, ["./e2e/run-scope.reporter.ts"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    // A failing test keeps its trace (actions with their logs, sources) beside the page's
    // accessibility snapshot at the failure (error-context.md) and its requests (e2e/fixtures.ts).
    // Without the screencast and the DOM snapshot of every action, which every passing test would
    // pay for (docs/testing.md), and with which alone Playwright records the network:
    // `--trace on` records them all for a test being investigated.
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: false, sources: true },
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    {
      // First, with the log audit as its teardown: the audit runs after every other project,
      // whether their tests passed or not.
      name: "run-start",
      testMatch: /run-start\.setup\.ts$/,
      teardown: "audit",
    },
    {
      // First in the queue, as its tests run one after another on one worker (the rate-limit
      // specs count what a user, and the one address, did within the minute), after compiling
      // the routes they open (e2e/fixtures.ts).
      name: "smoke",
      testMatch: /smoke\.spec\.ts/,
      dependencies: ["run-start"],
      workers: 1,
      use: { ...devices["Desktop Chrome"], baseURL: SMOKE_URL },
    },
    {
      // Several instances of the build on one database (behind nginx, or with it down): their
      // sandbox is one, so these run one at a time, beside the lanes.
      name: "instances",
      testMatch: /(billing-accounts|load-balancer)\.spec\.ts$/,
      dependencies: ["run-start"],
      workers: 1,
      use: { ...devices["Desktop Chrome"], baseURL: INSTANCES_APP_URL },
    },
    {
      name: "app",
      testMatch: /\.spec\.ts$/,
      testIgnore: [/smoke\.spec\.ts$/, /demo\.spec\.ts$/, /narrow-screens\.spec\.ts$/, /(billing-accounts|load-balancer)\.spec\.ts$/],
      ...LANE_PROJECT,
      use: { ...devices["Desktop Chrome"], baseURL: firstLane.appUrl },
    },
    {
      // A phone in the dark theme, as a customer opening billing from an e-mail holds it.
      name: "phone",
      testMatch: /(journeys|accessibility|narrow-screens|keep-and-upgrade|languages)\.spec\.ts$/,
      grepInvert: /@not-on-phone/,
      ...LANE_PROJECT,
      use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, colorScheme: "dark", baseURL: firstLane.appUrl },
    },
    {
      // The Deploy button's keyless demo: the same production build, started without a key.
      name: "demo",
      testMatch: /\.demo\.spec\.ts$/,
      dependencies: ["run-start"],
      use: { ...devices["Desktop Chrome"], baseURL: DEMO_URL },
    },
    {
      // Reads what the app's servers printed during the run: the teardown of run-start.
      name: "audit",
      testMatch: /\.audit\.ts$/,
    },
  ],
  // One entry: Playwright would start each of these only once the one before answers.
  webServer: {
    name: "servers",
    command: "npx tsx scripts/test-servers.ts",
    env: { E2E_SERVERS: JSON.stringify(servers()) },
    wait: { stdout: /Every end-to-end server answers\./ },
    reuseExistingServer: false,
    stdout: "pipe",
    timeout: 300_000,
  },
});

/** Every server the suite runs against, and the steps before them. */
function servers(): Step[] {
  return [
    ...(ownDatabase ? [{ name: "database", command: "tsx scripts/test-database.ts", env: { E2E_DATABASE_PORT: String(ports.database) }, ready: { port: ports.database } }] : []),
    ...LANES.map((lane) => sandbox(lane.index === 0 ? "sandbox" : `sandbox-${lane.index + 1}`, lane.sandboxPort, `${lane.appUrl}/api/webhooks/revkeen`)),
    sandbox("instances-sandbox", ports.instancesSandbox, `${INSTANCES_APP_URL}/api/webhooks/revkeen`),
    {
      // Built as a container image or CI would build it, with no secret in the environment; every
      // instance below starts it with them.
      name: "build",
      command: "env AUTH_SECRET= REVKEEN_API_KEY= DATABASE_URL= SKIP_BUILD_TYPE_CHECK=1 next build",
      env: laneTestMode(firstLane),
      ready: "done",
    },
    // Each lane's instance on its own database and sandbox.
    ...LANES.flatMap((lane) => [
      migrated(`lane-${lane.index + 1}-database`, laneTestMode(lane)),
      instance(lane.index === 0 ? "app" : `app-${lane.index + 1}`, lane.appUrl, lane.appPort, laneTestMode(lane), { database: `lane-${lane.index + 1}-database`, log: true }),
    ]),
    // The instance the tests of several instances sign in and change billing on.
    migrated("instances-database", testMode),
    instance("instances-app", INSTANCES_APP_URL, ports.instancesApp, testMode, { database: "instances-database", log: true }),
    // Two instances on one database, each letting a user mint 4 times a minute: together they must too.
    instance("limited-a", LIMITED_A_URL, ports.limitedA, { ...testMode, PORTAL_MINTS_PER_MINUTE_PER_USER: "4" }, { database: "instances-database" }),
    instance("limited-b", LIMITED_B_URL, ports.limitedB, { ...testMode, PORTAL_MINTS_PER_MINUTE_PER_USER: "4" }, { database: "instances-database" }),
    {
      // A real load balancer (nginx) in front of those two, as a self-hosted deployment runs.
      name: "balancer",
      command: "tsx scripts/test-balancer.ts",
      ready: { url: `${BALANCER_URL}/sign-in` },
      env: { E2E_BALANCER_PORT: String(ports.balancer), E2E_LIMITED_A_PORT: String(ports.limitedA), E2E_LIMITED_B_PORT: String(ports.limitedB) },
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
      // After the build, which would otherwise share .next with it.
      name: "smoke",
      command: `rm -rf .e2e-logs/smoke-database && next dev --hostname 127.0.0.1 --port ${ports.smoke}`,
      // Up once it listens: the smoke project's first worker compiles the pages its specs open,
      // beside the other projects' tests (e2e/fixtures.ts).
      ready: { port: ports.smoke },
      after: ["build"],
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
    },
  ];
}
