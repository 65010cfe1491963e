// Run by ./tracing.ts in a process of its own (with the react-server condition, which lets a
// lib/server module load outside Next): what the app's span helper costs per call with no SDK
// registered, as every server without an exporter runs it. Prints one JSON line.
import { inSpan } from "../../lib/server/tracing/tracer";

const CALLS = 200_000;
const ROUNDS = 5;
const errorType = () => "error";
const attributes = { "revkeen.operation": "customer.get", "http.request.method": "GET", "revkeen.credential": "portal" };

async function bare(): Promise<number> {
  return 1;
}

async function timed(call: () => Promise<number>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < CALLS; i += 1) await call();
  return ((performance.now() - started) / CALLS) * 1000;
}

async function main(): Promise<void> {
  const differences: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const without = await timed(bare);
    const within = await timed(() =>
      inSpan("RevKeen customer.get", { attributes, errorType }, async (span) => {
        span.setAttribute("http.response.status_code", 200);
        return 1;
      }),
    );
    differences.push(within - without);
  }
  differences.sort((a, b) => a - b);
  process.stdout.write(`${JSON.stringify({ calls: CALLS * ROUNDS, medianMicroseconds: Math.round((differences[Math.floor(ROUNDS / 2)] ?? 0) * 1000) / 1000 })}\n`);
}

void main();
