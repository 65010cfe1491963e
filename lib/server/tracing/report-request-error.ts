import "server-only";
// instrumentation.ts's onRequestError: a server error Next caught (a page, a route handler, an
// action, the proxy) goes to the log with the request id the proxy gave the request (the id the
// browser got back in x-request-id), and onto the request's span when tracing is on. The error's
// name and React's digest identify it; its message is not kept, as it can quote what it was given.
import { SpanStatusCode, trace } from "@opentelemetry/api";
import { log } from "@/lib/server/logging/log";
import { currentRequestId } from "@/lib/server/logging/request-id";

export type ErroredRequest = { path: string; method: string; headers: Record<string, string | string[] | undefined> };
export type ErrorContext = { routePath: string; routeType: string };

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function digestOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
}

export function reportRequestError(error: unknown, request: ErroredRequest, context: ErrorContext): void {
  const header = request.headers["x-request-id"];
  const requestId = (Array.isArray(header) ? header[0] : header) ?? currentRequestId();
  const digest = digestOf(error);
  log.error("server.request_error", { request_id: requestId, method: request.method, route: context.routePath, route_type: context.routeType, name: errorName(error), digest });
  const span = trace.getActiveSpan();
  if (span === undefined || !span.isRecording()) return;
  span.addEvent("exception", { "exception.type": errorName(error), ...(requestId === undefined ? {} : { "portal.request_id": requestId }) });
  if (requestId !== undefined) span.setAttribute("portal.request_id", requestId);
  span.setAttribute("error.type", errorName(error));
  span.setStatus({ code: SpanStatusCode.ERROR });
}
