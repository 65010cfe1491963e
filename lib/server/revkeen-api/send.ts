import "server-only";
// How every call to RevKeen is sent. An operation (./customer-portal.ts, ./mandates.ts,
// ./merchant.ts) says what it asks and what its answers mean; this sends it: the base URL and
// transport (./transport.ts), the credential, the time limit, one retry that reuses the
// Idempotency-Key, redirects refused, the answer checked by zod, and every failure turned into a
// PortalError with one log line. Each call, its retry included, is one span
// (lib/server/tracing/revkeen-call-span.ts).
//
// Not @revkeen/sdk's functions: the app needs redirects refused, a timeout and a retry that reuses
// the Idempotency-Key, zod checks on every answer, the session response read in all of its
// documented shapes, and an in-process transport for sandbox mode. The SDK's types are still used
// as a compile-time check (lib/shared/revkeen-api/schemas.sdk-check.ts).
import type { z } from "zod";
import { serverEnv } from "@/lib/env/server";
import { log } from "@/lib/server/logging/log";
import { traceRevKeenCall, type RevKeenCallTrace } from "@/lib/server/tracing/revkeen-call-span";
import { runWithRequestId } from "@/lib/server/logging/request-id";
import { PortalError, type PortalErrorCode } from "@/lib/shared/portal-api/errors";
import { parseJsonText, REVKEEN_API_VERSION, upstreamError, uuidSchema, type ListQuery } from "@/lib/shared/revkeen-api/wire";
import { UpstreamResponseTooLarge } from "./response-size-limit";
import { upstream } from "./transport";
import type { UpstreamResponse } from "./transport-types";

type Credential = { kind: "merchant" } | { kind: "portal"; token: string };

type Call<T> = {
  operation: string;
  method: "GET" | "POST" | "PATCH";
  path: string;
  query?: ListQuery;
  /** Other query parameters, for the merchant's operations. */
  search?: Record<string, string>;
  body?: unknown;
  credential: Credential;
  idempotencyKey?: string;
  /** What a 404 means for this call. */
  notFound: PortalErrorCode;
  /** Answers this call meets in normal use rather than as failures (a setting, not a fault): logged as info. */
  expectedStatuses?: readonly number[];
  /**
   * What this call makes of an error status before the general rules: a 4xx, or a 5xx that the
   * step gives a meaning of its own. Undefined leaves it to the general rules.
   */
  refusal?: (status: number, body: unknown) => PortalError | undefined;
  /**
   * "never": not repeated automatically, not even under its Idempotency-Key. For a change that the
   * customer alone may decide to send again, knowing it may already have been made.
   */
  retry?: "never";
  /** What a call with no usable answer (unreachable, timed out, unreadable) fails with; upstream:unavailable by default. */
  outcomeUnknown?: PortalErrorCode;
  parse: (body: unknown) => T;
};

/** An answer that does not match the contract is an upstream failure (or `failure`), not a crash. */
export function parser<S extends z.ZodType>(schema: S, failure: PortalErrorCode = "upstream:unavailable"): (body: unknown) => z.infer<S> {
  return (body) => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      log.error("revkeen.unexpected_response", { issues: parsed.error.issues.length });
      throw new PortalError(failure);
    }
    return parsed.data;
  };
}

/** Ids reach the upstream path only as UUIDs, so no input can change which path is called. */
export function checkedId(id: string, notFound: PortalErrorCode): string {
  if (!uuidSchema.safeParse(id).success) throw new PortalError(notFound);
  return id;
}

/** Sends `call` and answers what its `parse` makes of the answer, or rejects with a PortalError. */
export function send<T>(call: Call<T>): Promise<T> {
  // Keys are UUIDs, like ids: no input puts text in a header, or in the error that would quote it into a log.
  if (call.idempotencyKey !== undefined && !uuidSchema.safeParse(call.idempotencyKey).success) return Promise.reject(new PortalError("request:invalid"));
  const facts = { operation: call.operation, method: call.method, credential: call.credential.kind };
  return runWithRequestId(() => traceRevKeenCall(facts, (trace) => sendWithRetry(call, trace)));
}

class RetryableFailure extends Error {}

async function sendWithRetry<T>(call: Call<T>, trace: RevKeenCallTrace): Promise<T> {
  // Reads are safe to repeat; a write is only repeated under the same Idempotency-Key, unless it says never.
  const retryable = call.retry !== "never" && (call.method === "GET" || call.idempotencyKey !== undefined);
  try {
    return await attempt(call, trace);
  } catch (error) {
    if (!(error instanceof RetryableFailure) || !retryable) throw unwrapFailure(call, error);
    log.warn("revkeen.retry", { operation: call.operation });
    trace.retrying(error.message);
    try {
      return await attempt(call, trace);
    } catch (second) {
      throw unwrapFailure(call, second);
    }
  }
}

function unwrapFailure(call: Call<unknown>, error: unknown): unknown {
  return error instanceof RetryableFailure ? new PortalError(call.outcomeUnknown ?? "upstream:unavailable", { cause: error }) : error;
}

async function attempt<T>(call: Call<T>, trace: RevKeenCallTrace): Promise<T> {
  const { baseUrl, apiKey, send: transport } = upstream();
  const url = new URL(baseUrl + call.path);
  for (const [name, value] of Object.entries({ ...call.query, ...call.search })) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const headers = new Headers({ accept: "application/json", "revkeen-version": REVKEEN_API_VERSION });
  if (call.credential.kind === "merchant") headers.set("x-api-key", apiKey);
  else headers.set("authorization", `Bearer ${call.credential.token}`);
  if (call.idempotencyKey !== undefined) headers.set("idempotency-key", call.idempotencyKey);
  if (call.body !== undefined) headers.set("content-type", "application/json");

  const started = performance.now();
  let response: UpstreamResponse;
  let text: string;
  try {
    // The timeout signal goes to the transport as it is, never inside a Request: see UpstreamInit.
    response = await transport(url, {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(serverEnv().REVKEEN_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    if (error instanceof UpstreamResponseTooLarge) {
      // Not retried: the same question would bring the same answer.
      log.error("revkeen.response_too_large", { operation: call.operation });
      throw new PortalError(call.outcomeUnknown ?? "upstream:unavailable", { cause: error });
    }
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    log.warn("revkeen.unreachable", { operation: call.operation, reason: timedOut ? "timeout" : "network" });
    if (timedOut) throw new PortalError(call.outcomeUnknown ?? "upstream:unavailable", { cause: error });
    throw new RetryableFailure("network", { cause: error });
  }
  const elapsedMs = Math.round(performance.now() - started);
  trace.answered(response.status, upstreamRequestId(response));

  if (response.status >= 300 && response.status < 400) {
    log.error("revkeen.redirect_refused", { operation: call.operation, status: response.status });
    throw new PortalError("upstream:unavailable");
  }
  if (response.status >= 500) {
    log.warn("revkeen.server_error", { operation: call.operation, status: response.status, elapsedMs });
    const own = call.refusal?.(response.status, parseJsonText(text));
    if (own) throw own;
    throw new RetryableFailure(`status ${response.status}`);
  }
  const body = parseJsonText(text);
  if (!response.ok) throw failure(call, response, body);
  if (body === undefined) {
    log.warn("revkeen.malformed_json", { operation: call.operation, status: response.status });
    throw new RetryableFailure("malformed JSON");
  }
  return call.parse(body);
}

function failure(call: Call<unknown>, response: UpstreamResponse, body: unknown): PortalError {
  const upstreamCode = upstreamError(body).code ?? "unknown";
  const level = call.expectedStatuses?.includes(response.status) ? "info" : "warn";
  log[level]("revkeen.request_failed", { operation: call.operation, status: response.status, code: upstreamCode, upstream_request_id: upstreamRequestId(response) ?? undefined });
  const own = call.refusal?.(response.status, body);
  if (own) return own;
  switch (response.status) {
    case 401:
      return new PortalError(call.credential.kind === "merchant" ? "upstream:rejected_key" : "portal:expired");
    case 403:
      return new PortalError("portal:forbidden");
    case 404:
      return new PortalError(call.notFound);
    case 409:
      return new PortalError("upstream:conflict");
    case 429:
      return new PortalError("upstream:rate_limited", { retryAfter: retryAfterSeconds(response) });
    default:
      return new PortalError("request:invalid");
  }
}

/** RevKeen's own id for the request, so a merchant can quote it to RevKeen's support. */
function upstreamRequestId(response: UpstreamResponse): string | null {
  return response.headers.get("x-request-id") ?? response.headers.get("request-id");
}

function retryAfterSeconds(response: UpstreamResponse): number | undefined {
  const header = response.headers.get("retry-after");
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
