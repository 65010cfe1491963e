import "server-only";
// Starts OpenTelemetry, for instrumentation.ts, once an exporter is configured
// (lib/env/trace-exporter-choice.ts). @vercel/otel reads the standard variables itself
// (OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS, OTEL_SERVICE_NAME, OTEL_TRACES_SAMPLER, …)
// and exports in batches; every span is scrubbed before any exporter sees it.
import { registerOTel, type Configuration, type SpanProcessorOrName } from "@vercel/otel";
import { ConsoleSpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { ScrubSpanProcessor } from "./scrub-span-processor";
import type { TraceExporterChoice } from "@/lib/env/trace-exporter-choice";

/** The SDK's settings, with `exportWith` ("auto": as the OTEL_* variables say) after the scrubbing. */
export function tracingConfiguration(exportWith: SpanProcessorOrName): Configuration {
  return { serviceName: process.env.OTEL_SERVICE_NAME ?? "revkeen-portal", spanProcessors: [new ScrubSpanProcessor(), exportWith] };
}

export function registerTracing(choice: Exclude<TraceExporterChoice, null>): void {
  registerOTel(tracingConfiguration(choice === "console" ? new SimpleSpanProcessor(new ConsoleSpanExporter()) : "auto"));
}
