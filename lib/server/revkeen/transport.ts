import "server-only";
import type { ServerEnv } from "@/lib/env/schema.mjs";
import { serverEnv } from "@/lib/env/server";
import { createSandbox, type Sandbox } from "@/lib/sandbox/sandbox";
import { sandboxWebhookSecret } from "@/lib/server/webhooks/webhook-secret";
import { sendOverHttp } from "./http-send";

/**
 * One call to RevKeen. `init.signal` (the caller's timeout) must reach the call itself. A signal read
 * back from `new Request(…, { signal })` only follows the original through a weak reference in
 * undici: once that Request object is garbage collected, which can happen while fetch is still
 * waiting, the timeout no longer aborts anything (nodejs/node#55428, nodejs/undici#3644).
 */
export type UpstreamInit = { method: "GET" | "POST"; headers: Headers; body?: string; signal: AbortSignal };
/** What the client reads of an answer; a fetch Response is one. */
export type UpstreamResponse = { status: number; ok: boolean; headers: { get(name: string): string | null }; text(): Promise<string> };
export type Transport = (url: URL, init: UpstreamInit) => Promise<UpstreamResponse>;

/** Never resolved on the network: in sandbox mode requests are answered in this process. */
const IN_PROCESS_BASE_URL = "http://sandbox.revkeen.invalid/v2";

const SANDBOX = Symbol.for("revkeen-portal-starter.in-process-sandbox");

/**
 * One sandbox per server process. Kept on globalThis because Next bundles route handlers and
 * pages separately: a module-level variable would give each its own sandbox and its own data.
 */
export function inProcessSandbox(): Sandbox {
  const holder = globalThis as { [SANDBOX]?: Sandbox };
  const env = serverEnv();
  holder[SANDBOX] ??= createSandbox({
    apiKey: env.REVKEEN_SANDBOX_API_KEY,
    // The secret the app's webhook route checks in sandbox mode: derived from AUTH_SECRET unless set.
    webhookSecret: sandboxWebhookSecret(env),
    webhookEndpoint: () => env.SANDBOX_WEBHOOK_URL ?? ownWebhookEndpoint(env),
  });
  return holder[SANDBOX];
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

/** Where RevKeen is and how to reach it, decided by the environment. */
export function upstream(): { baseUrl: string; apiKey: string; send: Transport } {
  const env = serverEnv();
  if (env.mode === "sandbox") {
    return {
      baseUrl: IN_PROCESS_BASE_URL,
      apiKey: env.REVKEEN_SANDBOX_API_KEY,
      // The sandbox holds this Request, and so its signal, until it has answered.
      send: (url, init) => inProcessSandbox().handle(new Request(url, { ...init, redirect: "manual", cache: "no-store" })),
    };
  }
  return {
    baseUrl: env.REVKEEN_API_URL,
    // mode is not "sandbox", so the key is set.
    apiKey: env.REVKEEN_API_KEY ?? "",
    // Not fetch, which cost every call about 1 ms of CPU (./http-send.ts). Nor is it Next's patched
    // fetch, so nothing is cached or de-duplicated within a render: a retried read reaches RevKeen.
    send: sendOverHttp,
  };
}
