import { describe, expect, it } from "vitest";
import { traceExporterChoice } from "./trace-exporter-choice";

describe("whether traces are exported", () => {
  it("is not, with no OpenTelemetry variable set, or set empty", () => {
    expect(traceExporterChoice({})).toBeNull();
    expect(traceExporterChoice({ OTEL_EXPORTER_OTLP_ENDPOINT: " ", OTEL_SERVICE_NAME: "portal" })).toBeNull();
  });

  it("is, over OTLP, once an endpoint or the otlp exporter is named", () => {
    expect(traceExporterChoice({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4318" })).toBe("otlp");
    expect(traceExporterChoice({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/v1/traces" })).toBe("otlp");
    expect(traceExporterChoice({ OTEL_TRACES_EXPORTER: "otlp" })).toBe("otlp");
  });

  it("is, to the console, when that exporter is named", () => {
    expect(traceExporterChoice({ OTEL_TRACES_EXPORTER: "console" })).toBe("console");
  });

  it("is, through Vercel's integration, when Vercel says where", () => {
    expect(traceExporterChoice({ VERCEL_OTEL_ENDPOINTS: "{}" })).toBe("vercel");
  });

  it("is not when switched off, whatever else is set", () => {
    expect(traceExporterChoice({ OTEL_TRACES_EXPORTER: "none", OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4318" })).toBeNull();
    expect(traceExporterChoice({ OTEL_SDK_DISABLED: "true", OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4318" })).toBeNull();
  });
});
