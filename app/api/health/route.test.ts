// GET /api/health as a load balancer calls it, against the in-process sandbox and the embedded
// database: liveness answers at once and asks nothing; readiness asks the database and RevKeen
// (one cheap read, nothing minted) and says 503 with each check's state when one fails or the
// heap guard sheds load. The database that cannot be reached: ./database-down.test.ts.
import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const heap = vi.hoisted(() => ({ nearLimit: false }));
vi.mock("@/lib/server/availability/heap-guard", () => ({ heapIsNearLimit: () => heap.nearLimit }));

vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
vi.stubEnv("REVKEEN_API_KEY", "");
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("DATABASE_DIR", "memory");

const { GET } = await import("./route");
const { READINESS_TIMEOUT_MS } = await import("@/lib/server/health/readiness");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");
const { controlSandbox } = await import("@/lib/testing/sandbox-under-test");
const { database } = await import("@/lib/server/database/client");
const sandbox = inProcessSandbox();

const health = (query = "") => GET(new NextRequest(`http://app.test/api/health${query}`));
/** The operations RevKeen was asked for, with how often. */
const calls = async () =>
  Object.fromEntries(Object.entries((await controlSandbox<{ by_operation: Record<string, number> }>(sandbox, "GET", "calls")).by_operation).filter(([, count]) => count > 0));

// Opening the embedded database compiles PostgreSQL's WebAssembly and migrates: seconds.
beforeAll(async () => {
  await database();
}, 120_000);

beforeEach(async () => {
  heap.nearLimit = false;
  sandbox.reset();
  await controlSandbox(sandbox, "DELETE", "calls");
});

describe("liveness", () => {
  it("answers 200 at once, uncached, and asks nothing of RevKeen", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await calls()).toEqual({});
  });

  it("still answers 200 while the heap guard sheds load: a busy instance is not a dead one", async () => {
    heap.nearLimit = true;
    expect((await health()).status).toBe(200);
  });
});

describe("readiness", () => {
  it("answers 200 when the database and RevKeen both answer, with one product read and nothing minted", async () => {
    const response = await health("?ready=1");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", database: "ok", revkeen: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await calls()).toEqual({ "products.list": 1 });
  });

  it("answers 503 naming RevKeen when it fails, after the one retry every read gets", async () => {
    await controlSandbox(sandbox, "POST", "faults", { operation: "products.list", status: 503, count: 2 });
    const response = await health("?ready=1");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "not_ready", database: "ok", revkeen: "unreachable" });
    expect(await calls()).toEqual({ "products.list": 2 });
  });

  it("counts RevKeen's 429 as an answer: the limit is the key's, and another instance would meet it too", async () => {
    await controlSandbox(sandbox, "POST", "faults", { operation: "products.list", status: 429, count: 1 });
    const response = await health("?ready=1");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", database: "ok", revkeen: "ok" });
  });

  it("answers 503 naming RevKeen when the connection drops", async () => {
    await controlSandbox(sandbox, "POST", "faults", { operation: "products.list", drop: true, count: 2 });
    expect(await (await health("?ready=1")).json()).toEqual({ status: "not_ready", database: "ok", revkeen: "unreachable" });
  });

  it("answers 503 with revkeen timeout when RevKeen is slower than the check's limit, and no later than that", async () => {
    await controlSandbox(sandbox, "POST", "faults", { operation: "products.list", delay_ms: READINESS_TIMEOUT_MS + 2_000, count: 1 });
    const started = performance.now();
    const response = await health("?ready=1");
    expect(performance.now() - started).toBeLessThan(READINESS_TIMEOUT_MS + 1_000);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "not_ready", database: "ok", revkeen: "timeout" });
  });

  it("answers 503 at once while the heap guard sheds load, asking nothing", async () => {
    heap.nearLimit = true;
    const response = await health("?ready=1");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "not_ready", server: "busy" });
    expect(await calls()).toEqual({});
  });
});
