// Runs once when the server starts: say which RevKeen the portal talks to, so nobody wonders
// whether a demo is touching real billing.
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
}
