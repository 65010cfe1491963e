// Runs once when the server starts: say which RevKeen the portal talks to, so nobody wonders
// whether a demo is touching real billing; refuse, loudly and at once, a database the app must not
// run on (every request then answers 503: lib/server/availability/); and with DATABASE_URL start
// hearing the other instances' cache retirements before the first request is served.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseServerEnv } = await import("./lib/env/schema.mjs");
  const env = parseServerEnv(process.env);
  const line = {
    sandbox: "RevKeen: sandbox mode (no REVKEEN_API_KEY). The portal runs on the built-in in-memory sandbox with demo customers.",
    test: `RevKeen: test mode (rk_sandbox_ key) against ${env.REVKEEN_API_URL}.`,
    live: `RevKeen: live mode (rk_live_ key) against ${env.REVKEEN_API_URL}.`,
  }[env.mode];
  console.info(line);
  const { processDatabaseRefusal } = await import("./lib/server/database/embedded-storage");
  const refusal = processDatabaseRefusal(env);
  if (refusal !== null) console.error(`\n${refusal}\nEvery request is answered 503 until then.\n`);
  // Not while `next build` renders pages: the connection would outlive the build's workers' work.
  if (env.DATABASE_URL && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startCrossInstanceRetirement } = await import("./lib/server/caching/cross-instance-retirement");
    startCrossInstanceRetirement(env.DATABASE_URL);
  }
}
