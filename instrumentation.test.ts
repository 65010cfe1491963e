// instrumentation.ts as Next calls it when the server starts: with no exporter configured, the
// OpenTelemetry SDK (@vercel/otel) is never even imported, and a span the app opens is the API's
// no-op; with one, the SDK is registered with the scrubbing processor ahead of the export.
import { trace } from "@opentelemetry/api";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ScrubSpanProcessor } from "@/lib/server/tracing/scrub-span-processor";

const sdk = vi.hoisted(() => ({ imported: false, registerOTel: vi.fn() }));
vi.mock("@vercel/otel", () => {
  sdk.imported = true;
  return { registerOTel: sdk.registerOTel };
});

vi.stubEnv("NEXT_RUNTIME", "nodejs");
vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
vi.stubEnv("REVKEEN_API_KEY", "");
vi.stubEnv("DATABASE_URL", "");
for (const name of ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_TRACES_EXPORTER", "VERCEL_OTEL_ENDPOINTS", "OTEL_SDK_DISABLED", "OTEL_SERVICE_NAME"]) vi.stubEnv(name, undefined);

const { register } = await import("./instrumentation");

afterEach(() => {
  vi.stubEnv("OTEL_EXPORTER_OTLP_ENDPOINT", undefined);
});

describe("starting the server", () => {
  it("with no exporter configured, imports no tracing SDK, so a span is the no-op", async () => {
    vi.spyOn(console, "info").mockImplementation(() => undefined);
    await register();
    expect(sdk.imported).toBe(false);
    expect(sdk.registerOTel).not.toHaveBeenCalled();
    const span = trace.getTracer("revkeen-portal").startSpan("RevKeen customer.get");
    expect(span.isRecording()).toBe(false);
    expect(span.spanContext().traceId).toBe("00000000000000000000000000000000");
    span.end();
  });

  it("with OTEL_EXPORTER_OTLP_ENDPOINT set, registers the SDK: spans scrubbed, then exported as the OTEL_* variables say", async () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318");
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    await register();
    expect(sdk.imported).toBe(true);
    expect(sdk.registerOTel).toHaveBeenCalledExactlyOnceWith({ serviceName: "revkeen-portal", spanProcessors: [expect.any(ScrubSpanProcessor), "auto"] });
    expect(info).toHaveBeenCalledWith("Traces: OpenTelemetry on, exported by OTLP (OTEL_EXPORTER_OTLP_*).");
  });
});
