import { describe, expect, it } from "vitest";
import type { CallSummary } from "./call-log";
import { ADA_LOVELACE_ID } from "../data/seed";
import { control, dataOf, errorOf, mintRequest, mintToken, ORIGIN, portal, portalRequest, setup } from "../entry/test-support";

type Settings = { session_shape: string; latency_ms: number; direct_debit_self_service: boolean };

describe("latency_ms setting", () => {
  it("is 0 by default, set by POST /__sandbox/settings, read by GET, and put back by reset", async () => {
    const { sandbox } = setup();
    expect(await dataOf<Settings>(await control(sandbox, "GET", "/settings"))).toEqual({ session_shape: "reference", latency_ms: 0, direct_debit_self_service: true });

    const changed = await control(sandbox, "POST", "/settings", { latency_ms: 150 });
    expect(changed.status).toBe(200);
    // Setting one leaves the other as it was.
    expect(await dataOf<Settings>(changed)).toEqual({ session_shape: "reference", latency_ms: 150, direct_debit_self_service: true });
    await control(sandbox, "POST", "/settings", { session_shape: "sdk" });
    expect(await dataOf<Settings>(await control(sandbox, "GET", "/settings"))).toEqual({ session_shape: "sdk", latency_ms: 150, direct_debit_self_service: true });

    await control(sandbox, "POST", "/reset");
    expect(await dataOf<Settings>(await control(sandbox, "GET", "/settings"))).toEqual({ session_shape: "reference", latency_ms: 0, direct_debit_self_service: true });
  });

  it("can be set together with session_shape", async () => {
    const { sandbox } = setup();
    const changed = await control(sandbox, "POST", "/settings", { session_shape: "token", latency_ms: 0 });
    expect(await dataOf<Settings>(changed)).toEqual({ session_shape: "token", latency_ms: 0, direct_debit_self_service: true });
  });

  it.each([{ latency_ms: -1 }, { latency_ms: 10_001 }, { latency_ms: 1.5 }, { latency_ms: "100" }, { latency_ms: null }])(
    "refuses %j with 400",
    async (body) => {
      const { sandbox } = setup();
      const response = await control(sandbox, "POST", "/settings", body);
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject({ code: "invalid_request", message: expect.stringContaining("latency_ms") });
      expect(await dataOf<Settings>(await control(sandbox, "GET", "/settings"))).toMatchObject({ latency_ms: 0 });
    },
  );

  it("accepts the bounds 0 and 10000", async () => {
    const { sandbox } = setup();
    expect((await control(sandbox, "POST", "/settings", { latency_ms: 10_000 })).status).toBe(200);
    expect((await control(sandbox, "POST", "/settings", { latency_ms: 0 })).status).toBe(200);
  });

  it("delays every customer-portal API answer, errors and unknown routes included", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await control(sandbox, "POST", "/settings", { latency_ms: 40 });

    const requests: [string, () => Request][] = [
      ["mint", () => mintRequest({ customer_id: ADA_LOVELACE_ID })],
      ["customer", () => portalRequest(token, "/customer")],
      ["subscriptions", () => portalRequest(token, "/subscriptions")],
      ["invoices", () => portalRequest(token, "/invoices?limit=3")],
      ["refused token", () => portalRequest("rkcps_nope", "/customer")],
      ["unknown route", () => new Request(`${ORIGIN}/v2/customer-portal/nothing-here`)],
    ];
    for (const [name, request] of requests) {
      const started = performance.now();
      const response = await sandbox.handle(request());
      expect(performance.now() - started, name).toBeGreaterThanOrEqual(35);
      expect(response.status, name).toBeLessThan(500);
    }
  });

  it("delays calls made in parallel side by side, not one after another", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await control(sandbox, "POST", "/settings", { latency_ms: 300 });
    const started = performance.now();
    const responses = await Promise.all(["/customer", "/subscriptions", "/invoices"].map((path) => portal(sandbox, token, path)));
    const elapsed = performance.now() - started;
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(900);
  });

  it("does not delay the controls", async () => {
    const { sandbox } = setup();
    await control(sandbox, "POST", "/settings", { latency_ms: 10_000 });
    const started = performance.now();
    for (const path of ["/customers", "/settings", "/calls", "/clock", "/faults"]) {
      expect((await control(sandbox, "GET", path)).status).toBe(200);
    }
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("ends as soon as the request is aborted, rejecting with the abort reason, and logs no answer", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await control(sandbox, "POST", "/settings", { latency_ms: 10_000 });
    const controller = new AbortController();
    const started = performance.now();
    const pending = sandbox.handle(portalRequest(token, "/invoices", { signal: controller.signal }));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(performance.now() - started).toBeLessThan(5_000);
    const calls = await dataOf<CallSummary>(await control(sandbox, "GET", "/calls"));
    expect(calls.log.at(-1)).toMatchObject({ operation: "invoices.list", status: null, fault: null });
  });

  it("honours a timeout signal the way fetch does", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await control(sandbox, "POST", "/settings", { latency_ms: 10_000 });
    const pending = sandbox.handle(portalRequest(token, "/customer", { signal: AbortSignal.timeout(20) }));
    await expect(pending).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("adds to a delay fault", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await control(sandbox, "POST", "/settings", { latency_ms: 30 });
    await control(sandbox, "POST", "/faults", { operation: "customer.get", delay_ms: 30 });
    const started = performance.now();
    const response = await portal(sandbox, token, "/customer");
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    expect(response.status).toBe(200);
  });
});
