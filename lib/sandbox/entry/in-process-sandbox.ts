import "server-only";
// The sandbox the app itself answers from in sandbox mode: created on first use, with the
// environment's key and the webhook secret the app's own webhook route checks. Its hosted checkout
// page is served by the app, under /__sandbox/checkout/.
import type { ServerEnv } from "@/lib/env/schema.mjs";
import { serverEnv } from "@/lib/env/server";
import { processSingleton } from "@/lib/server/caching/process-singleton";
import { sandboxWebhookSecret } from "@/lib/server/webhooks/webhook-secret";
import { createSandbox, type Sandbox } from "./sandbox";

/** One sandbox per server process, so route handlers and pages share its data. */
export function inProcessSandbox(): Sandbox {
  return processSingleton("in-process-sandbox", () => {
    const env = serverEnv();
    return createSandbox({
      apiKey: env.REVKEEN_SANDBOX_API_KEY,
      // The secret the app's webhook route checks in sandbox mode: derived from AUTH_SECRET unless set.
      webhookSecret: sandboxWebhookSecret(env),
      webhookEndpoint: () => env.SANDBOX_WEBHOOK_URL ?? ownWebhookEndpoint(env),
      checkoutOrigin: (returnUrl) => ownPublicOrigin(returnUrl, env),
    });
  });
}

/**
 * This server's own webhook route, for the in-process sandbox's deliveries: over HTTP like
 * RevKeen's, so the route runs in a request of its own. Next records the port it listens on;
 * a Vercel function has none, and reaches itself at its deployment's address.
 */
function ownWebhookEndpoint({ PORT, VERCEL_URL }: ServerEnv): string | null {
  if (PORT) return `http://127.0.0.1:${PORT}/api/webhooks/revkeen`;
  if (VERCEL_URL) return `https://${VERCEL_URL}/api/webhooks/revkeen`;
  return null;
}

/**
 * The app's address as the customer's browser knows it, for the checkout page's `url`: the app builds
 * a checkout's return addresses from the origin it was reached on, so theirs is the surest; else
 * AUTH_URL, or a Vercel deployment's own address.
 */
function ownPublicOrigin(returnUrl: string | null, { AUTH_URL, VERCEL_URL }: ServerEnv): string | null {
  if (returnUrl) return new URL(returnUrl).origin;
  if (AUTH_URL) return new URL(AUTH_URL).origin;
  if (VERCEL_URL) return `https://${VERCEL_URL}`;
  return null;
}
