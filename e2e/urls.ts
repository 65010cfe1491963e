/** Ports of the servers the suite starts; away from the usual 3000/4010 so a dev server can keep running. */
export const ports = {
  app: Number(process.env.E2E_APP_PORT ?? 3311),
  smoke: Number(process.env.E2E_SMOKE_PORT ?? 3312),
  demo: Number(process.env.E2E_DEMO_PORT ?? 3313),
  sandbox: Number(process.env.E2E_SANDBOX_PORT ?? 4311),
};

export const APP_URL = `http://127.0.0.1:${ports.app}`;
export const SMOKE_URL = `http://127.0.0.1:${ports.smoke}`;
export const DEMO_URL = `http://127.0.0.1:${ports.demo}`;
export const SANDBOX_URL = `http://127.0.0.1:${ports.sandbox}`;

/** Where the production server's output is kept during a run (see playwright.config.ts). */
export const APP_LOG = `.e2e-logs/app-${ports.app}.log`;
