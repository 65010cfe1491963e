// The time limit of calls to RevKeen over real HTTP (test mode, the standalone sandbox), with a full garbage
// collection while RevKeen is still thinking: the limit must hold whatever the collector does.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_SANDBOX_API_KEY } from "@/lib/env/schema.mjs";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { ADA_LOVELACE_ID } from "@/lib/sandbox/data/seed";
import { startSandboxServer, type SandboxServer } from "@/lib/sandbox/entry/http-server";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

// Generous for a loaded machine; the slow answer below takes five times as long.
const TIMEOUT_MS = 1_000;
let server: SandboxServer;
let merchant: typeof import("./merchant");
let portal: typeof import("./customer-portal");

beforeAll(async () => {
  server = await startSandboxServer({ port: 0 });
  process.env.AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
  process.env.REVKEEN_API_KEY = DEFAULT_SANDBOX_API_KEY;
  process.env.REVKEEN_API_URL = `${server.url}/v2`;
  process.env.REVKEEN_TIMEOUT_MS = String(TIMEOUT_MS);
  merchant = await import("./merchant");
  portal = await import("./customer-portal");
});

afterAll(() => server.close());

it("gives up on a slow answer after REVKEEN_TIMEOUT_MS even if the garbage collector runs meanwhile", async () => {
  const { token } = await merchant.createPortalSession({ customerId: ADA_LOVELACE_ID, idempotencyKey: crypto.randomUUID() });
  const fault = await fetch(`${server.url}/__sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ operation: "customer.get", delay_ms: 5 * TIMEOUT_MS }),
  });
  expect(fault.status).toBe(201);

  const started = performance.now();
  const pending = portal.getCustomer(token).then(
    () => "answered",
    (error: unknown) => (error instanceof PortalError ? error.code : "other failure"),
  );
  await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS / 3));
  collectGarbage();

  expect(await pending).toBe("upstream:unavailable");
  expect(performance.now() - started).toBeLessThan(4 * TIMEOUT_MS);
}, 15_000);
