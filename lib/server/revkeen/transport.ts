import "server-only";
import { serverEnv } from "@/lib/env/server";
import { createSandbox, type Sandbox } from "@/lib/sandbox/sandbox";

/**
 * One call to RevKeen. `init.signal` (the caller's timeout) must reach fetch itself. A signal read
 * back from `new Request(…, { signal })` only follows the original through a weak reference in
 * undici: once that Request object is garbage collected, which can happen while fetch is still
 * waiting, the timeout no longer aborts anything (nodejs/node#55428, nodejs/undici#3644).
 */
export type UpstreamInit = { method: "GET" | "POST"; headers: Headers; body?: string; signal: AbortSignal };
export type Transport = (url: URL, init: UpstreamInit) => Promise<Response>;

/** Never resolved on the network: in sandbox mode requests are answered in this process. */
const IN_PROCESS_BASE_URL = "http://sandbox.revkeen.invalid/v2";

const SANDBOX = Symbol.for("revkeen-portal-starter.in-process-sandbox");

/**
 * One sandbox per server process. Kept on globalThis because Next bundles route handlers and
 * pages separately: a module-level variable would give each its own sandbox and its own data.
 */
export function inProcessSandbox(): Sandbox {
  const holder = globalThis as { [SANDBOX]?: Sandbox };
  holder[SANDBOX] ??= createSandbox({ apiKey: serverEnv().REVKEEN_SANDBOX_API_KEY });
  return holder[SANDBOX];
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
    // The caller's own signal in init, never a Request's (see UpstreamInit). A signal in init also
    // stops Next from de-duplicating identical GETs within a render, so a retried read reaches
    // RevKeen instead of getting the failed answer again.
    send: (url, init) => fetch(url, { ...init, redirect: "manual", cache: "no-store" }),
  };
}
