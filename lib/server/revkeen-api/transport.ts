import "server-only";
import { serverEnv } from "@/lib/env/server";
import { inProcessSandbox } from "@/lib/sandbox/entry/in-process-sandbox";
import { sendOverHttp } from "./http-send";
import type { Transport } from "./transport-types";

/** Never resolved on the network: in sandbox mode requests are answered in this process. */
const IN_PROCESS_BASE_URL = "http://sandbox.revkeen.invalid/v2";

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
    // Not fetch, which costs every call CPU a plain request does not (./http-send.ts). Nor is it Next's patched
    // fetch, so nothing is cached or de-duplicated within a render: a retried read reaches RevKeen.
    send: sendOverHttp,
  };
}
