// BENCH_ONLY=tracing: the API row (part 5) with traces off, as every other part runs, and with
// an OTLP exporter configured, sending to a sink in this process that accepts OTLP/HTTP and
// answers 200. The app is restarted for each setting, in turn: off, OTLP, off, OTLP, so a drift
// in the machine's load shows as a difference between the two runs of one setting.
import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import type { Browser } from "@playwright/test";
import { signInToPortal } from "../../lib/testing/app-under-test";
import { apiOverhead, type ApiOverheadRow } from "./api-overhead";
import { newContext } from "./browser";
import { CUSTOMER, ROOT } from "./config";
import { startApp, stopServer } from "./servers";

export interface TracingRun {
  exporter: "off" | "OTLP";
  rows: ApiOverheadRow[];
  /** What the sink received while the row ran: export requests and their bytes. */
  exports: number;
  exportedBytes: number;
}

/** An OTLP/HTTP receiver that keeps nothing: 200 and an empty answer to every request. */
async function otlpSink(): Promise<{ server: Server; url: string; received: { requests: number; bytes: number } }> {
  const received = { requests: 0, bytes: 0 };
  const server = createServer((request, response) => {
    request.on("data", (chunk: Buffer) => {
      received.bytes += chunk.byteLength;
    });
    request.on("end", () => {
      received.requests += 1;
      response.writeHead(200, { "content-type": request.headers["content-type"] ?? "application/x-protobuf" }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the OTLP sink has no port");
  return { server, url: `http://127.0.0.1:${address.port}`, received };
}

async function signedInCookie(browser: Browser): Promise<string> {
  const context = await newContext(browser);
  await signInToPortal(await context.newPage(), CUSTOMER);
  const state = await context.storageState();
  await context.close();
  return state.cookies
    .filter((entry) => entry.domain === "127.0.0.1" || entry.domain === "localhost")
    .map((entry) => `${entry.name}=${entry.value}`)
    .join("; ");
}

export async function tracingRuns(browser: Browser, customerId: string, progress: (message: string) => void): Promise<TracingRun[]> {
  const sink = await otlpSink();
  const runs: TracingRun[] = [];
  try {
    for (const exporter of ["off", "OTLP", "off", "OTLP"] as const) {
      progress(`tracing: the API row with traces ${exporter === "off" ? "off" : "exported over OTLP"}`);
      const env = exporter === "off" ? { OTEL_EXPORTER_OTLP_ENDPOINT: "", OTEL_TRACES_EXPORTER: "" } : { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_TRACES_EXPORTER: "" };
      const app = await startApp("embedded", env);
      try {
        const cookie = await signedInCookie(browser);
        const before = { ...sink.received };
        const { rows } = await apiOverhead(cookie, customerId);
        runs.push({ exporter, rows, exports: sink.received.requests - before.requests, exportedBytes: sink.received.bytes - before.bytes });
      } finally {
        await stopServer(app);
      }
    }
  } finally {
    await new Promise((resolve) => sink.server.close(resolve));
  }
  return runs;
}

/** What one span costs with no SDK registered, in microseconds (./noop-span-cost.ts). */
export function noopSpanCost(): { calls: number; medianMicroseconds: number } {
  const script = join(ROOT, "scripts", "bench", "noop-span-cost.ts");
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`noop-span-cost.ts failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { calls: number; medianMicroseconds: number };
}

export function formatTracing(runs: TracingRun[], noop: { calls: number; medianMicroseconds: number }): string {
  const lines = [
    `A span with traces off (no SDK: OpenTelemetry's no-op), against the same call without one: ${noop.medianMicroseconds} µs more per span (median of 5 rounds, ${noop.calls} calls).`,
    "",
    "Tracing: GET /api/portal/subscriptions with traces off and with an OTLP exporter (ms; the app restarted for each run)",
    "",
    "run | traces | sequential app p50 / p99 | direct p50 | floor p50 | app − direct p50 | app − floor p50 | 32 concurrent app req/s | exports received",
  ];
  for (const [index, run] of runs.entries()) {
    const [sequential, concurrent] = run.rows;
    if (sequential === undefined || concurrent === undefined) continue;
    const overFloor = Math.round((sequential.app.latency.median - sequential.floor.latency.median) * 100) / 100;
    lines.push(
      `${index + 1} | ${run.exporter} | ${sequential.app.latency.median} / ${sequential.app.latency.p99} | ${sequential.direct.latency.median} | ${sequential.floor.latency.median} | ${sequential.overheadP50} | ${overFloor} | ${concurrent.app.requestsPerSecond} | ${run.exports} (${Math.round(run.exportedBytes / 1024)} KiB)`,
    );
  }
  return `${lines.join("\n")}\n`;
}
