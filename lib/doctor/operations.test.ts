import { describe, expect, it } from "vitest";
import { checkHealthEndpoint, checkTraces } from "./operations";

describe("the doctor on running the portal", () => {
  it("points load balancers at the readiness check on the site's address", () => {
    expect(checkHealthEndpoint({ AUTH_URL: "https://billing.example.com/" }).detail).toBe(
      "point load balancers at https://billing.example.com/api/health?ready=1 (503 with the reason when the database or RevKeen does not answer) and liveness probes at https://billing.example.com/api/health (200 while the process runs, even when busy)",
    );
  });

  it("says traces are off, and how to turn them on, with no exporter configured", () => {
    expect(checkTraces({})).toEqual({ name: "Traces", status: "ok", detail: "off (optional): set OTEL_EXPORTER_OTLP_ENDPOINT (e.g. http://localhost:4318) to export traces (docs/observability.md)" });
  });

  it("names where traces go, without the endpoint's credentials", () => {
    expect(checkTraces({ OTEL_EXPORTER_OTLP_ENDPOINT: "https://user:pass@collector.example.com:4318?key=abc" }).detail).toBe("exported over OTLP to https://collector.example.com:4318");
    expect(checkTraces({ OTEL_TRACES_EXPORTER: "otlp" }).detail).toBe("exported over OTLP to http://localhost:4318");
  });
});
