import "server-only";
import { serverEnv } from "@/lib/env/server";
import { createSandbox, type Sandbox } from "@/lib/sandbox/sandbox";

export type Transport = (request: Request) => Promise<Response>;

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
      send: (request) => inProcessSandbox().handle(request),
    };
  }
  return {
    baseUrl: env.REVKEEN_API_URL,
    // mode is not "sandbox", so the key is set.
    apiKey: env.REVKEEN_API_KEY ?? "",
    // Unpacked into (url, init) with the signal in init: Next de-duplicates identical GETs within a
    // render unless init carries a signal, and a Request object's own signal does not count, so
    // a retried read would get the failed answer again without reaching RevKeen.
    send: async (request) =>
      fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.method === "GET" || request.method === "HEAD" ? undefined : await request.text(),
        redirect: request.redirect,
        signal: request.signal,
        cache: "no-store",
      }),
  };
}
