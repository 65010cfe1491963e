import type { Instrumentation } from "next";

// Runs once when the server starts: start tracing if an exporter is configured (with none, no
// SDK is loaded at all: docs/observability.md); say which RevKeen the portal talks to, so nobody
// wonders whether a demo is touching real billing; and refuse, loudly and at once, a database the
// app must not run on (every request then answers 503: lib/server/availability/); and with
// DATABASE_URL start hearing the other instances' cache retirements before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { traceExporterChoice } = await import("./lib/env/trace-exporter-choice");
  const exporter = traceExporterChoice(process.env);
  if (exporter !== null) {
    const { registerTracing } = await import("./lib/server/tracing/register-tracing");
    registerTracing(exporter);
    console.info(`Traces: OpenTelemetry on, exported by ${exporter === "console" ? "the console exporter" : exporter === "vercel" ? "Vercel's tracing integration" : "OTLP (OTEL_EXPORTER_OTLP_*)"}.`);
  }
  const { parseServerEnv } = await import("./lib/env/schema.mjs");
  const env = parseServerEnv(process.env);
  const line = {
    sandbox: "RevKeen: sandbox mode (no REVKEEN_API_KEY). The portal runs on the built-in in-memory sandbox with demo customers.",
    test: `RevKeen: test mode (rk_sandbox_ key) against ${env.REVKEEN_API_URL}.`,
    live: `RevKeen: live mode (rk_live_ key) against ${env.REVKEEN_API_URL}.`,
  }[env.mode];
  console.info(line);
  const { processDatabaseRefusal } = await import("./lib/server/database/embedded-storage");
  const refusal = processDatabaseRefusal(env);
  if (refusal !== null) console.error(`\n${refusal}\nEvery request is answered 503 until then.\n`);
  // Not while `next build` renders pages: the connection would outlive the build's workers' work.
  if (env.DATABASE_URL && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startCrossInstanceRetirement } = await import("./lib/server/caching/cross-instance-retirement");
    startCrossInstanceRetirement(env.DATABASE_URL);
  }
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportRequestError } = await import("./lib/server/tracing/report-request-error");
  reportRequestError(error, request, context);
};
