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
};

export const APP_URL = loopbackUrl(ports.app);
export const SMOKE_URL = loopbackUrl(ports.smoke);
export const DEMO_URL = loopbackUrl(ports.demo);
export const LIMITED_A_URL = loopbackUrl(ports.limitedA);
export const LIMITED_B_URL = loopbackUrl(ports.limitedB);
export const BALANCER_URL = loopbackUrl(ports.balancer);
export const DATABASE_DOWN_URL = loopbackUrl(ports.databaseDown);

/** The PostgreSQL the app's instances share: E2E_DATABASE_URL, or the suite's throwaway one (scripts/test-database.ts). */
export const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `postgres://postgres@127.0.0.1:${ports.database}/postgres`;
export const SANDBOX_URL = loopbackUrl(ports.sandbox);

/** Where the production server's output is kept during a run (see playwright.config.ts). */
export const APP_LOG = `.e2e-logs/app-${ports.app}.log`;
