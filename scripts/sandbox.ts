// `npm run sandbox`: the RevKeen sandbox over HTTP on 127.0.0.1 (SANDBOX_PORT, default 4010), with
// the merchant key REVKEEN_SANDBOX_API_KEY (default rk_sandbox_portal_starter_demo), sending its
// webhooks to SANDBOX_WEBHOOK_URL signed with REVKEEN_SANDBOX_WEBHOOK_SECRET (required with it: no
// secret ships with the sandbox).
import { EnvError, parseSandboxEnv } from "../lib/env/schema.mjs";
import { startSandboxServer, type SandboxServer } from "../lib/sandbox/entry/http-server";
import { createSandbox } from "../lib/sandbox/entry/sandbox";

async function main(): Promise<void> {
  let env: ReturnType<typeof parseSandboxEnv>;
  try {
    env = parseSandboxEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`RevKeen sandbox: ${error.message}`);
    process.exit(1);
  }
  const port = env.SANDBOX_PORT;
  let server: SandboxServer;
  try {
    const sandbox = createSandbox({
      apiKey: env.REVKEEN_SANDBOX_API_KEY,
      webhookSecret: env.REVKEEN_SANDBOX_WEBHOOK_SECRET,
      webhookEndpoint: () => env.SANDBOX_WEBHOOK_URL ?? null,
      webhookRetryDelaysMs: env.SANDBOX_WEBHOOK_RETRY_DELAYS_MS,
    });
    server = await startSandboxServer({ port, host: "127.0.0.1", sandbox });
  } catch (error) {
    const inUse = error instanceof Error && "code" in error && error.code === "EADDRINUSE";
    console.error(inUse ? `RevKeen sandbox: port ${port} is in use; set SANDBOX_PORT to another port.` : "RevKeen sandbox: could not start:", inUse ? "" : error);
    process.exit(1);
  }
  const key = process.env.REVKEEN_SANDBOX_API_KEY?.trim() ? "key from REVKEEN_SANDBOX_API_KEY" : `merchant key ${env.REVKEEN_SANDBOX_API_KEY}`;
  const webhooks = env.SANDBOX_WEBHOOK_URL ? `webhooks to ${env.SANDBOX_WEBHOOK_URL}` : "no webhooks (set SANDBOX_WEBHOOK_URL)";
  console.log(`RevKeen sandbox: ${server.url}/v2 (${key}, ${webhooks}, controls at /__sandbox)`);

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

void main();
