// What the doctor says about running the portal as a service: where load balancers and uptime
// checks should point, and whether traces leave the server (docs/observability.md).
import { displayUrl } from "../shared/secrets/display-url";
import { traceExporterChoice } from "../env/trace-exporter-choice";
import type { CheckResult, DoctorEnv } from "./check-result";

export function checkHealthEndpoint(env: DoctorEnv): CheckResult {
  const site = env.AUTH_URL?.trim().replace(/\/+$/, "");
  const base = site ? displayUrl(site) : "";
  return {
    name: "Health checks",
    status: "ok",
    detail: `point load balancers at ${base}/api/health?ready=1 (503 with the reason when the database or RevKeen does not answer) and liveness probes at ${base}/api/health (200 while the process runs, even when busy)`,
  };
}

export function checkTraces(env: DoctorEnv): CheckResult {
  const choice = traceExporterChoice(env);
  if (choice === null) {
    return { name: "Traces", status: "ok", detail: "off (optional): set OTEL_EXPORTER_OTLP_ENDPOINT (e.g. http://localhost:4318) to export traces (docs/observability.md)" };
  }
  if (choice === "console") return { name: "Traces", status: "ok", detail: "printed to the server's output (OTEL_TRACES_EXPORTER=console)" };
  if (choice === "vercel") return { name: "Traces", status: "ok", detail: "exported through Vercel's tracing integration" };
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || "http://localhost:4318";
  return { name: "Traces", status: "ok", detail: `exported over OTLP to ${displayUrl(endpoint)}` };
}
