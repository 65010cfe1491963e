// Whether traces are exported, and how, read from the standard OpenTelemetry variables the way
// the SDK reads them. No exporter configured: no SDK starts (instrumentation.ts), and every span
// the app opens is OpenTelemetry's no-op. VERCEL_OTEL_ENDPOINTS is what Vercel sets when a
// project has a tracing integration.

export type TraceExporterChoice = "otlp" | "console" | "vercel" | null;

type Source = Record<string, string | undefined>;

const set = (value: string | undefined): boolean => value !== undefined && value.trim() !== "";

export function traceExporterChoice(source: Source): TraceExporterChoice {
  if (source.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return null;
  const named = source.OTEL_TRACES_EXPORTER?.split(",").map((name) => name.trim().toLowerCase()) ?? [];
  if (named.includes("none")) return null;
  if (named.includes("console")) return "console";
  if (named.includes("otlp") || set(source.OTEL_EXPORTER_OTLP_ENDPOINT) || set(source.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)) return "otlp";
  if (set(source.VERCEL_OTEL_ENDPOINTS)) return "vercel";
  return null;
}
