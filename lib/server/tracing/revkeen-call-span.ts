import "server-only";
// One span per call to RevKeen (lib/server/revkeen-api/send.ts), retries included: the operation
// as the client names it, the method, which credential it used, the status, RevKeen's own request
// id (what RevKeen's support asks for) and how often it was sent again. Never the URL, whose path
// holds the customer's ids, nor a header or a body.
import { SpanKind, type Span } from "@opentelemetry/api";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { inSpan } from "./tracer";

export type RevKeenCallTrace = {
  /** What RevKeen answered, once per attempt; the last one stays. */
  answered(status: number, upstreamRequestId: string | null): void;
  /** The call is sent again, for `reason` ("network", "status 503", …: never an error's own text). */
  retrying(reason: string): void;
};

type CallFacts = { operation: string; method: string; credential: "merchant" | "portal" };

function errorType(error: unknown): string {
  if (error instanceof PortalError) return error.code;
  return error instanceof Error ? error.name : typeof error;
}

function callTrace(span: Span): RevKeenCallTrace {
  let resends = 0;
  return {
    answered(status, upstreamRequestId) {
      span.setAttribute("http.response.status_code", status);
      if (upstreamRequestId !== null) span.setAttribute("revkeen.request_id", upstreamRequestId);
    },
    retrying(reason) {
      resends += 1;
      span.setAttribute("http.request.resend_count", resends);
      span.addEvent("revkeen.retry", { "revkeen.retry.reason": reason });
    },
  };
}

export function traceRevKeenCall<T>(call: CallFacts, run: (trace: RevKeenCallTrace) => Promise<T>): Promise<T> {
  return inSpan(
    `RevKeen ${call.operation}`,
    {
      kind: SpanKind.CLIENT,
      attributes: { "revkeen.operation": call.operation, "http.request.method": call.method, "revkeen.credential": call.credential },
      errorType,
    },
    (span) => run(callTrace(span)),
  );
}
