// For unit tests that drive the app's code against the in-process sandbox: its controls, its call
// counts, and the code a PortalError carries.
import type { CallLogEntry } from "@/lib/sandbox/controls/call-log";
import type { Sandbox } from "@/lib/sandbox/entry/sandbox";
import { forgetProcessSingleton, processSingleton } from "@/lib/server/caching/process-singleton";
import { PortalError } from "@/lib/shared/portal-api/errors";

/** One of the sandbox's /__sandbox controls, answered through `handle()`; its `data`. */
export async function controlSandbox<T = unknown>(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<T> {
  const response = await sandbox.handle(
    new Request(`http://sandbox.test/__sandbox/${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return ((await response.json()) as { data: T }).data;
}

/** How many calls of `operation` the sandbox has answered since its call log was last emptied. */
export async function callCount(sandbox: Sandbox, operation: string): Promise<number> {
  return (await controlSandbox<{ by_operation: Record<string, number> }>(sandbox, "GET", "calls")).by_operation[operation] ?? 0;
}

/** The logged calls of `operation`, oldest first, since the call log was last emptied. */
export async function callsOf(sandbox: Sandbox, operation: string): Promise<CallLogEntry[]> {
  return (await controlSandbox<{ log: CallLogEntry[] }>(sandbox, "GET", "calls")).log.filter((entry) => entry.operation === operation);
}

/** What a retry test compares of each call: its answer, its fault, whether it was a replay and its key's hash. */
export async function callOutcomes(sandbox: Sandbox, operation: string): Promise<Pick<CallLogEntry, "status" | "fault" | "replayed" | "idempotency_key_hash">[]> {
  return (await callsOf(sandbox, operation)).map(({ status, fault, replayed, idempotency_key_hash }) => ({ status, fault, replayed, idempotency_key_hash }));
}

/** The code of the PortalError `promise` rejects with; anything else fails the test. */
export async function portalErrorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PortalError) return error.code;
    throw error;
  }
  throw new Error("expected a PortalError");
}

/** Runs `work` while the app answers from `other` instead of its in-process sandbox, then puts that back. */
export async function withInProcessSandbox(other: Sandbox, work: () => Promise<void>): Promise<void> {
  const own = processSingleton<Sandbox | undefined>("in-process-sandbox", () => undefined);
  forgetProcessSingleton("in-process-sandbox");
  processSingleton("in-process-sandbox", () => other);
  try {
    await work();
  } finally {
    forgetProcessSingleton("in-process-sandbox");
    if (own !== undefined) processSingleton("in-process-sandbox", () => own);
  }
}
