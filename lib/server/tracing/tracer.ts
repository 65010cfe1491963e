import "server-only";
// The app's own spans (a RevKeen call, a database query, a webhook). With no SDK registered
// (instrumentation.ts starts one only when an exporter is configured) the global tracer is
// OpenTelemetry's no-op: each span costs one lookup and a call that records nothing.
import { SpanStatusCode, trace, type Attributes, type Span, type SpanKind } from "@opentelemetry/api";

export const TRACER_NAME = "revkeen-portal";

/**
 * Runs `run` inside a span named `name`, a child of whatever span is active (the request's),
 * and ends it however `run` finishes. A throw marks the span as an error with `errorType(error)`
 * as `error.type`, never the error's message, which could quote what it was given.
 */
export function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; errorType: (error: unknown) => string },
  run: (span: Span) => Promise<T>,
): Promise<T> {
  return trace.getTracer(TRACER_NAME).startActiveSpan(name, { kind: options.kind, attributes: options.attributes }, async (span) => {
    try {
      return await run(span);
    } catch (error) {
      if (span.isRecording()) {
        span.setAttribute("error.type", options.errorType(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      throw error;
    } finally {
      span.end();
    }
  });
}
