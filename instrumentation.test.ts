// instrumentation.ts as Next calls it when the server starts: with no exporter configured, no
// OpenTelemetry SDK is loaded or registered, and a span the app opens is the API's no-op.
import { trace } from "@opentelemetry/api";
import { afterEach, describe, expect, it, vi } from "vitest";

const registerTracing = vi.hoisted(() => vi.fn());
vi.mock("./lib/server/tracing/register-tracing", () => ({ registerTracing }));

vi.stubEnv("NEXT_RUNTIME", "nodejs");
vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
vi.stubEnv("REVKEEN_API_KEY", "");
vi.stubEnv("DATABASE_URL", "");
for (const name of ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_TRACES_EXPORTER", "VERCEL_OTEL_ENDPOINTS", "OTEL_SDK_DISABLED"]) vi.stubEnv(name, undefined);

const { register } = await import("./instrumentation");

afterEach(() => {
  registerTracing.mockClear();
  vi.stubEnv("OTEL_EXPORTER_OTLP_ENDPOINT", undefined);
});

describe("starting the server", () => {
  it("starts no tracing SDK with no exporter configured, so a span is the no-op", async () => {
    vi.spyOn(console, "info").mockImplementation(() => undefined);
    await register();
    expect(registerTracing).not.toHaveBeenCalled();
    const span = trace.getTracer("revkeen-portal").startSpan("RevKeen customer.get");
    expect(span.isRecording()).toBe(false);
    expect(span.spanContext().traceId).toBe("00000000000000000000000000000000");
    span.end();
  });

  it("starts it, over OTLP, once OTEL_EXPORTER_OTLP_ENDPOINT is set", async () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318");
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    await register();
    expect(registerTracing).toHaveBeenCalledExactlyOnceWith("otlp");
    expect(info).toHaveBeenCalledWith("Traces: OpenTelemetry on, exported by OTLP (OTEL_EXPORTER_OTLP_*).");
  });
});
