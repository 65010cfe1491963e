import { loopbackUrl, portFrom } from "../lib/testing/app-under-test";

/** Ports of the servers the suite starts; away from the usual 3000/4010 so a dev server can keep running. */
export const ports = {
  app: portFrom("E2E_APP_PORT", 3311),
  smoke: portFrom("E2E_SMOKE_PORT", 3312),
  demo: portFrom("E2E_DEMO_PORT", 3313),
  /** Two more instances of the app on the same database, with a low mint limit. */
  limitedA: portFrom("E2E_LIMITED_A_PORT", 3314),
  limitedB: portFrom("E2E_LIMITED_B_PORT", 3315),
  /** nginx in front of those two (scripts/test-balancer.ts). */
  balancer: portFrom("E2E_BALANCER_PORT", 3317),
  /** One more whose database cannot be reached. */
  databaseDown: portFrom("E2E_DATABASE_DOWN_PORT", 3316),
  database: portFrom("E2E_DATABASE_PORT", 5411),
  sandbox: portFrom("E2E_SANDBOX_PORT", 4311),
  /** The instance the tests of several instances sign in and change billing on, beside those three. */
  instancesApp: portFrom("E2E_INSTANCES_APP_PORT", 3318),
  /** The sandbox of those instances, apart from every lane's. */
  instancesSandbox: portFrom("E2E_INSTANCES_SANDBOX_PORT", 4314),
};

/**
 * How many lanes (and so workers) run the app and phone projects side by side: each lane an
 * instance of the production build with a sandbox and a database of its own, so that a test
 * resets and changes only its own lane's state.
 */
const LANE_COUNT = Math.max(1, Math.min(3, Math.floor(Number(process.env.E2E_LANES ?? 2)) || 2));

export type Lane = { index: number; appUrl: string; appPort: number; sandboxUrl: string; sandboxPort: number; databaseName: string };

/** Lane 0 is the server the suite builds; lanes 1 and 2 more instances of that build (E2E_APP2_PORT, E2E_SANDBOX2_PORT, …). Two by default: on two cores a third ran slower. */
export const LANES: Lane[] = Array.from({ length: LANE_COUNT }, (_, index) => {
  const appPort = index === 0 ? ports.app : portFrom(`E2E_APP${index + 1}_PORT`, 3318 + index);
  const sandboxPort = index === 0 ? ports.sandbox : portFrom(`E2E_SANDBOX${index + 1}_PORT`, 4311 + index);
  return { index, appUrl: loopbackUrl(appPort), appPort, sandboxUrl: loopbackUrl(sandboxPort), sandboxPort, databaseName: `lane_${index}` };
});

export const APP_URL = LANES[0]!.appUrl;
export const SMOKE_URL = loopbackUrl(ports.smoke);
export const DEMO_URL = loopbackUrl(ports.demo);
export const LIMITED_A_URL = loopbackUrl(ports.limitedA);
export const LIMITED_B_URL = loopbackUrl(ports.limitedB);
export const BALANCER_URL = loopbackUrl(ports.balancer);
export const DATABASE_DOWN_URL = loopbackUrl(ports.databaseDown);
export const INSTANCES_APP_URL = loopbackUrl(ports.instancesApp);
export const INSTANCES_SANDBOX_URL = loopbackUrl(ports.instancesSandbox);

/** The PostgreSQL the app's instances share: E2E_DATABASE_URL, or the suite's throwaway one (scripts/test-database.ts). */
export const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `postgres://postgres@127.0.0.1:${ports.database}/postgres`;

/** The database of a lane: one of its own on DATABASE_URL's server (the instances use DATABASE_URL's). */
export function laneDatabaseUrl(lane: Lane): string {
  const url = new URL(DATABASE_URL);
  url.pathname = `/${lane.databaseName}`;
  return url.toString();
}

/** Where each production server whose output the log audit reads keeps it during a run (see playwright.config.ts). */
export const appLog = (port: number) => `.e2e-logs/app-${port}.log`;
export const APP_LOGS = [...LANES.map((lane) => appLog(lane.appPort)), appLog(ports.instancesApp)];

/** Which spec files this run holds (e2e/run-scope.reporter.ts), for the log audit. */
export const RUN_SCOPE = `.e2e-logs/run-scope-${ports.app}.json`;
