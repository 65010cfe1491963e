import "server-only";
// Every request gets an id (x-request-id, also sent back to the browser): the portal's API in
// portalRoute() (lib/server/portal-api/portal-route.ts), every other path in proxy.ts. Server code
// that logs runs inside runWithRequestId, so each log line names the request it belongs to and a
// merchant can follow one failed portal call through the logs.
import { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";
import { processSingleton } from "@/lib/server/caching/process-singleton";

/** One store per process, whichever bundle asks. */
function storage(): AsyncLocalStorage<string> {
  return processSingleton("request-id", () => new AsyncLocalStorage<string>());
}

/** The id proxy.ts forwarded with this request, or undefined outside one (a script, a unit test). */
async function readRequestId(): Promise<string | undefined> {
  try {
    return (await headers()).get("x-request-id") ?? undefined;
  } catch {
    return undefined;
  }
}

/** Runs `run` with the request's id (or `id`) attached to every log line it writes. */
export async function runWithRequestId<T>(run: () => Promise<T>, id?: string): Promise<T> {
  id ??= currentRequestId() ?? (await readRequestId());
  return id === undefined ? run() : storage().run(id, run);
}

export function currentRequestId(): string | undefined {
  return storage().getStore();
}
