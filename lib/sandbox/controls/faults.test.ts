import { describe, expect, it } from "vitest";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import type { CallSummary } from "./call-log";
import { SandboxConnectionDrop, type PendingFault } from "./faults";
import { OPERATION_NAMES } from "../api/operations";
import type { Sandbox } from "../entry/sandbox";
import { ADA_LOVELACE_ID, createSeed } from "../data/seed";
import { API, control, dataOf, errorOf, mintRequest, mintToken, portal, portalRequest, setup, START } from "../entry/test-support";

const seed = createSeed(START);
const pro = seed.subscriptions.find((record) => record.customerId === ADA_LOVELACE_ID && record.subscription.status === "active")?.subscription;
if (!pro) throw new Error("no active seed subscription");

async function inject(sandbox: Sandbox, fault: Record<string, unknown>): Promise<PendingFault> {
  const response = await control(sandbox, "POST", "/faults", fault);
  expect(response.status).toBe(201);
  return dataOf<PendingFault>(response);
}

describe("status faults", () => {
  it("answer the status with a proper error envelope and Retry-After, then stop", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { operation: "invoices.list", status: 503, retry_after: 7 });
    const faulted = await portal(sandbox, token, "/invoices");
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get("retry-after")).toBe("7");
    expect(faulted.headers.get("content-type")).toBe("application/json");
    expect(faulted.headers.get("cache-control")).toBe("no-store");
    expect(await errorOf(faulted)).toMatchObject({ type: "api_error", code: "service_unavailable" });
    expect((await portal(sandbox, token, "/invoices")).status).toBe(200);
  });

  it.each([
    [429, "rate_limited", "rate_limit_error"],
    [500, "internal_error", "api_error"],
    [502, "internal_error", "api_error"],
    [404, "resource_missing", "invalid_request_error"],
  ])("answer %i with code %s", async (status, code, type) => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { operation: "customer.get", status });
    const response = await portal(sandbox, token, "/customer");
    expect(response.status).toBe(status);
    expect(await errorOf(response)).toMatchObject({ code, type });
  });

  it("strike the next count matching calls only", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { operation: "customer.get", status: 500, count: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await portal(sandbox, token, "/customer")).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it("leave other operations alone", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { operation: ["invoices.get", "subscriptions.get"], status: 500 });
    expect((await portal(sandbox, token, "/customer")).status).toBe(200);
    expect((await portal(sandbox, token, "/invoices")).status).toBe(200);
    expect((await portal(sandbox, token, `/subscriptions/${pro.id}`)).status).toBe(500);
  });

  it("apply to every API operation, minting included, when no operation is named", async () => {
    const { sandbox } = setup();
    const faults = await inject(sandbox, { status: 503, count: 2 });
    expect(faults.operations).toEqual([...OPERATION_NAMES]);
    expect((await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }))).status).toBe(503);
    expect((await sandbox.handle(new Request(`${API}/subscriptions`))).status).toBe(503);
    expect((await sandbox.handle(new Request(`${API}/subscriptions`))).status).toBe(401);
  });

  it("never touch the controls", async () => {
    const { sandbox } = setup();
    await inject(sandbox, { status: 500, count: 5 });
    expect((await control(sandbox, "GET", "/customers")).status).toBe(200);
  });
});

describe("a faulted call", () => {
  it("counts as a call, marked with its fault", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { operation: "invoices.list", status: 429 });
    await portal(sandbox, token, "/invoices");
    const calls = await dataOf<CallSummary>(await control(sandbox, "GET", "/calls"));
    expect(calls.by_operation["invoices.list"]).toBe(1);
    expect(calls.log.at(-1)).toMatchObject({ operation: "invoices.list", status: 429, fault: "status" });
  });

  it("of cancel has not cancelled, so a retry cancels exactly once", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { operation: "subscriptions.cancel", status: 503 });
    const cancel = () =>
      portal(sandbox, token, `/subscriptions/${pro.id}/cancel`, {
        method: "POST",
        headers: { "idempotency-key": "retry-me" },
        body: JSON.stringify({ cancel_at_period_end: false }),
      });
    expect((await cancel()).status).toBe(503);
    expect(await dataOf<PortalSubscription>(await portal(sandbox, token, `/subscriptions/${pro.id}`))).toEqual(pro);
    const retried = await cancel();
    expect(retried.status).toBe(200);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
    expect(await dataOf<PortalSubscription>(retried)).toMatchObject({ status: "canceled" });
    const again = await cancel();
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });

  it("logs a short hash of its Idempotency-Key, the same for a retry, never the key", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { operation: "subscriptions.cancel", status: 503 });
    const cancel = (key: string) =>
      portal(sandbox, token, `/subscriptions/${pro.id}/cancel`, { method: "POST", headers: { "idempotency-key": key }, body: "{}" });
    await cancel("a-key-that-must-stay-out-of-the-log");
    await cancel("a-key-that-must-stay-out-of-the-log");
    await cancel("another-key");
    const calls = await dataOf<CallSummary>(await control(sandbox, "GET", "/calls"));
    const hashes = calls.log.filter((entry) => entry.operation === "subscriptions.cancel").map((entry) => entry.idempotency_key_hash);
    expect(hashes).toHaveLength(3);
    expect(hashes[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(hashes[1]).toBe(hashes[0]);
    expect(hashes[2]).not.toBe(hashes[0]);
    expect(calls.log.find((entry) => entry.operation === "sessions.create")?.idempotency_key_hash).toBeNull();
    expect(JSON.stringify(calls)).not.toContain("a-key-that-must-stay-out-of-the-log");
  });

  it("strikes before authentication, as an outage at the edge would", async () => {
    const { sandbox } = setup();
    await inject(sandbox, { operation: "customer.get", status: 503 });
    expect((await sandbox.handle(new Request(`${API}/customer`))).status).toBe(503);
  });
});

describe("delay faults", () => {
  it("answer late, then normally", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { operation: "customer.get", delay_ms: 50 });
    const started = performance.now();
    const response = await portal(sandbox, token, "/customer");
    expect(performance.now() - started).toBeGreaterThanOrEqual(40);
    expect(response.status).toBe(200);
    expect(await dataOf(response)).toMatchObject({ id: ADA_LOVELACE_ID });
  });

  it("combine with a status", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { operation: "customer.get", delay_ms: 30, status: 500 });
    const started = performance.now();
    const response = await portal(sandbox, token, "/customer");
    expect(performance.now() - started).toBeGreaterThanOrEqual(20);
    expect(response.status).toBe(500);
  });

  it("end as soon as the request is aborted, rejecting with the abort reason", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { operation: "invoices.list", delay_ms: 60_000 });
    const controller = new AbortController();
    const started = performance.now();
    const pending = sandbox.handle(portalRequest(token, "/invoices", { signal: controller.signal }));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(performance.now() - started).toBeLessThan(5_000);
    const calls = await dataOf<CallSummary>(await control(sandbox, "GET", "/calls"));
    expect(calls.log.at(-1)).toMatchObject({ operation: "invoices.list", status: null, fault: "delay" });
  });

  it("honour a timeout signal the way fetch does", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { operation: "invoices.list", delay_ms: 60_000 });
    const pending = sandbox.handle(portalRequest(token, "/invoices", { signal: AbortSignal.timeout(20) }));
    await expect(pending).rejects.toMatchObject({ name: "TimeoutError" });
  });
});

describe("drop faults", () => {
  it("make handle() reject with TypeError('fetch failed'), like a network error", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { operation: "subscriptions.list", drop: true });
    const pending = sandbox.handle(portalRequest(token, "/subscriptions"));
    await expect(pending).rejects.toBeInstanceOf(TypeError);
    await expect(sandbox.handle(portalRequest(token, "/subscriptions"))).resolves.toHaveProperty("status", 200);
  });

  it("reject with a SandboxConnectionDrop the server can recognise", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { operation: "subscriptions.list", drop: true });
    const error = await sandbox.handle(portalRequest(token, "/subscriptions")).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(SandboxConnectionDrop);
    expect((error as Error).message).toBe("fetch failed");
    const calls = await dataOf<CallSummary>(await control(sandbox, "GET", "/calls"));
    expect(calls.log.at(-1)).toMatchObject({ status: null, fault: "drop" });
  });
});

describe("malformed faults", () => {
  it("answer 200 with a JSON body that does not parse", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { operation: "invoices.list", malformed: true });
    const response = await portal(sandbox, token, "/invoices");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });
});

describe("/__sandbox/faults", () => {
  it("GET lists pending faults with what remains of them", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { operation: "customer.get", status: 500, count: 2 });
    await portal(sandbox, token, "/customer");
    const pending = await dataOf<PendingFault[]>(await control(sandbox, "GET", "/faults"));
    expect(pending).toEqual([
      { id: expect.any(String), operations: ["customer.get"], remaining: 1, status: 500, retry_after: null, delay_ms: null, drop: false, malformed: false, lose_answer: false },
    ]);
    await portal(sandbox, token, "/customer");
    expect(await dataOf(await control(sandbox, "GET", "/faults"))).toEqual([]);
  });

  it("DELETE clears them", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { status: 500, count: 3 });
    await inject(sandbox, { drop: true });
    expect(await dataOf(await control(sandbox, "DELETE", "/faults"))).toEqual({ cleared: 2 });
    expect((await portal(sandbox, token, "/customer")).status).toBe(200);
  });

  it.each([
    ["an unknown operation", { operation: "payments.create", status: 500 }],
    ["an empty operation list", { operation: [], status: 500 }],
    ["count 0", { status: 500, count: 0 }],
    ["a fractional count", { status: 500, count: 1.5 }],
    ["a success status", { status: 200 }],
    ["retry_after without 429 or 503", { status: 500, retry_after: 3 }],
    ["drop with a status", { drop: true, status: 500 }],
    ["drop and malformed together", { drop: true, malformed: true }],
    ["drop: false", { drop: false }],
    ["a delay over a minute", { delay_ms: 60_001 }],
    ["nothing to do", { operation: "customer.get" }],
  ])("POST refuses %s with 400", async (_name, body) => {
    const { sandbox } = setup();
    const response = await control(sandbox, "POST", "/faults", body);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("invalid_request");
    expect(await dataOf(await control(sandbox, "GET", "/faults"))).toEqual([]);
  });
});

describe("the fault queue's bound", () => {
  it("holds at most 100 waiting faults and says how to clear them", async () => {
    const { sandbox } = setup();
    for (let i = 0; i < 100; i += 1) expect((await control(sandbox, "POST", "/faults", { operation: "customer.get", status: 500 })).status).toBe(201);
    const refused = await control(sandbox, "POST", "/faults", { operation: "customer.get", status: 500 });
    expect(refused.status).toBe(429);
    expect((await errorOf(refused)).message).toMatch(/At most 100 faults.*DELETE \/__sandbox\/faults/);
    await control(sandbox, "DELETE", "/faults");
    expect((await control(sandbox, "POST", "/faults", { operation: "customer.get", status: 500 })).status).toBe(201);
  });
});

describe("lose-answer faults", () => {
  const cancel = (sandbox: Sandbox, token: string, key: string) =>
    portal(sandbox, token, `/subscriptions/${pro.id}/cancel`, {
      method: "POST",
      headers: { "idempotency-key": key },
      body: JSON.stringify({ cancel_at_period_end: false }),
    });

  it("let the operation run, then drop the connection; the retry under the same key is a replay", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { operation: "subscriptions.cancel", lose_answer: true });
    await expect(cancel(sandbox, token, "lost-once")).rejects.toBeInstanceOf(SandboxConnectionDrop);
    expect(await dataOf<PortalSubscription>(await portal(sandbox, token, `/subscriptions/${pro.id}`))).toMatchObject({ status: "canceled" });
    const retried = await cancel(sandbox, token, "lost-once");
    expect(retried.status).toBe(200);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    const calls = await dataOf<CallSummary>(await control(sandbox, "GET", "/calls"));
    expect(calls.log.filter((entry) => entry.operation === "subscriptions.cancel").map(({ status, fault, replayed }) => ({ status, fault, replayed }))).toEqual([
      { status: null, fault: "lose-answer", replayed: false },
      { status: 200, fault: null, replayed: true },
    ]);
  });

  it("answer the status given instead of the operation's own answer", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await inject(sandbox, { operation: "subscriptions.cancel", lose_answer: true, status: 502 });
    expect((await cancel(sandbox, token, "lost-502")).status).toBe(502);
    expect(await dataOf<PortalSubscription>(await portal(sandbox, token, `/subscriptions/${pro.id}`))).toMatchObject({ status: "canceled" });
    const retried = await cancel(sandbox, token, "lost-502");
    expect(retried.status).toBe(200);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
  });

  it("are refused with a status below 500, or with drop or malformed", async () => {
    const { sandbox } = setup();
    for (const fault of [{ lose_answer: true, status: 404 }, { lose_answer: true, drop: true }, { lose_answer: true, malformed: true }]) {
      expect((await control(sandbox, "POST", "/faults", { operation: "subscriptions.cancel", ...fault })).status).toBe(400);
    }
  });
});
