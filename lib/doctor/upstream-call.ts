// One request to RevKeen the way lib/server/revkeen-api/send.ts makes it (same version pin, redirects
// refused, a time limit). That module imports "server-only" and cannot run under plain tsx,
// so the doctor speaks fetch directly and turns every outcome into a value, never a throw.
import { z } from "zod";
import { parseJsonText, REVKEEN_API_VERSION, upstreamError } from "../shared/revkeen-api/wire";
import type { Fetch } from "./check-result";
import type { RemoteTarget } from "./upstream-target";

export type UpstreamAnswer =
  | { kind: "answered"; status: number; body: unknown; elapsedMs: number; location: string | null }
  | { kind: "timeout"; timeoutMs: number }
  | { kind: "unreachable"; reason: string };

export type UpstreamRequest = {
  method: "GET" | "POST";
  /** Appended to the base URL, e.g. "/customer-portal/sessions"; "" for the base itself. */
  path: string;
  body?: unknown;
  /** Only the calls that prove the key send it: the reachability probe must not. */
  sendKey: boolean;
};

export async function callUpstream(fetch: Fetch, target: RemoteTarget, request: UpstreamRequest): Promise<UpstreamAnswer> {
  const headers = new Headers({ accept: "application/json", "revkeen-version": REVKEEN_API_VERSION });
  if (request.sendKey) headers.set("x-api-key", target.apiKey);
  if (request.body !== undefined) headers.set("content-type", "application/json");
  const started = performance.now();
  try {
    const response = await fetch(target.baseUrl + request.path, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      // A redirect would carry x-api-key to wherever it points; the app refuses them too.
      redirect: "manual",
      signal: AbortSignal.timeout(target.timeoutMs),
      cache: "no-store",
    });
    const text = await response.text();
    return {
      kind: "answered",
      status: response.status,
      body: parseJsonText(text),
      elapsedMs: Math.round(performance.now() - started),
      location: response.headers.get("location"),
    };
  } catch (error) {
    if (isTimeout(error)) return { kind: "timeout", timeoutMs: target.timeoutMs };
    return { kind: "unreachable", reason: networkReason(error) };
  }
}

function isTimeout(error: unknown): boolean {
  return typeof error === "object" && error !== null && "name" in error && error.name === "TimeoutError";
}

// Node's fetch hides the socket error behind TypeError("fetch failed"); the code is on `cause`.
const causeSchema = z.object({ cause: z.object({ code: z.string().optional(), message: z.string().optional() }) });

const FRIENDLY: Record<string, string> = {
  ECONNREFUSED: "connection refused (nothing listens on that port)",
  ENOTFOUND: "host not found (DNS)",
  EAI_AGAIN: "host name lookup failed (DNS)",
  ECONNRESET: "connection reset",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
};

function networkReason(error: unknown): string {
  const cause = causeSchema.safeParse(error);
  const code = cause.data?.cause.code;
  if (code !== undefined) {
    if (FRIENDLY[code]) return `${FRIENDLY[code]}, ${code}`;
    if (/CERT|SSL|TLS/.test(code)) return `TLS certificate problem, ${code}`;
    return code;
  }
  if (cause.data?.cause.message) return cause.data.cause.message;
  return error instanceof Error ? error.message : "unknown network error";
}

/** "401 unauthenticated: Invalid API key…", the form every check reports a refusal in. */
export function describeRefusal(status: number, body: unknown): string {
  const { code, message } = upstreamError(body);
  return `HTTP ${status}${code ? ` ${code}` : ""}${message ? `: ${message}` : ""}`;
}
