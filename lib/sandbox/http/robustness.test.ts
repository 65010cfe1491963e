import { afterEach, describe, expect, it, vi } from "vitest";
import { createSandbox } from "../entry/sandbox";
import { ADA_LOVELACE_ID } from "../data/seed";
import { API, MERCHANT_KEY, mintRequest, mintToken, ORIGIN, portal, setup, START } from "../entry/test-support";

const ENVELOPE_KEYS = ["code", "message", "type"];

async function expectEnvelope(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/json");
  expect(response.headers.get("cache-control")).toBe("no-store");
  const body = (await response.json()) as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(Object.keys(body.error).sort()).toEqual(ENVELOPE_KEYS);
  expect(body.error.code).toBe(code);
  for (const key of ENVELOPE_KEYS) expect(typeof body.error[key]).toBe("string");
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("unknown routes", () => {
  it.each([
    "/",
    "/v2",
    "/v2/customer-portal",
    "/v2/customer-portal/",
    "/v2/customer-portal/payments",
    "/v2/customer-portal/subscriptions/",
    "/v1/customer-portal/customer",
    "/v2/customer-portal/customer/extra",
    "/v2/customer-portal/%2e%2e/x",
    "/v2/customer-portal/subscriptions/%2e%2e/%2e%2e/%2e%2e/x",
    "/v2/customer-portal/..%2F..%2Fetc/passwd",
    "/V2/CUSTOMER-PORTAL/CUSTOMER",
  ])("%s answers 404 route_not_found", async (path) => {
    const { sandbox } = setup();
    await expectEnvelope(await sandbox.handle(new Request(`${ORIGIN}${path}`)), 404, "route_not_found");
  });

  it("an encoded separator inside an id is a malformed id, not a path", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    await expectEnvelope(await portal(sandbox, token, "/invoices/..%2F..%2Fcustomer"), 400, "invalid_request");
  });
});

describe("wrong methods", () => {
  it.each([
    ["PUT", "/customer", "GET"],
    ["DELETE", "/subscriptions", "GET"],
    ["POST", "/invoices", "GET"],
    ["PATCH", "/sessions", "POST"],
    ["HEAD", "/sessions", "POST"],
  ])("%s %s answers 405 with Allow: %s", async (method, path, allow) => {
    const { sandbox } = setup();
    const response = await sandbox.handle(new Request(`${API}${path}`, { method }));
    expect(response.headers.get("allow")).toBe(allow);
    await expectEnvelope(response, 405, "method_not_allowed");
  });
});

describe("bodies", () => {
  it("over 64 KiB are refused with 413", async () => {
    const { sandbox } = setup();
    const huge = JSON.stringify({ customer_id: ADA_LOVELACE_ID, padding: "x".repeat(70 * 1024) });
    await expectEnvelope(await sandbox.handle(mintRequest(huge)), 413, "invalid_request");
  });

  it("over 64 KiB are refused even when streamed without a length", async () => {
    const { sandbox } = setup();
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 100) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request(`${API}/sessions`, { method: "POST", headers: { "x-api-key": MERCHANT_KEY }, body, duplex: "half" } as RequestInit);
    await expectEnvelope(await sandbox.handle(request), 413, "invalid_request");
    expect(sent).toBeLessThan(10);
  });

  it("that declare more than 64 KiB are refused before being read", async () => {
    const { sandbox } = setup();
    const request = new Request(`${API}/sessions`, {
      method: "POST",
      headers: { "x-api-key": MERCHANT_KEY, "content-length": String(10 * 1024 * 1024) },
      body: "{}",
    });
    await expectEnvelope(await sandbox.handle(request), 413, "invalid_request");
  });

  it("just under 64 KiB are read", async () => {
    const { sandbox } = setup();
    const body = JSON.stringify({ customer_id: ADA_LOVELACE_ID, padding: "x".repeat(60 * 1024) });
    expect((await sandbox.handle(mintRequest(body))).status).toBe(201);
  });

  it("that are not UTF-8 are refused with 400", async () => {
    const { sandbox } = setup();
    const request = new Request(`${API}/sessions`, { method: "POST", headers: { "x-api-key": MERCHANT_KEY }, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) });
    await expectEnvelope(await sandbox.handle(request), 400, "invalid_request");
  });

  it.each(['{"customer_id":', "undefined", "'single'", '{"customer_id":"x"}}', "\u0000"])("like %j answer 400, never a crash", async (body) => {
    const { sandbox } = setup();
    await expectEnvelope(await sandbox.handle(mintRequest(body)), 400, "invalid_request");
  });
});

describe("unexpected failures", () => {
  it("answer 500 internal_error JSON instead of throwing out of handle()", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    let broken = false;
    const sandbox = createSandbox({
      clock: () => {
        if (broken) throw new Error("clock exploded");
        return START;
      },
    });
    const token = await mintToken(sandbox);
    broken = true;
    const response = await portal(sandbox, token, "/customer");
    await expectEnvelope(response, 500, "internal_error");
    expect(console.error).toHaveBeenCalled();
  });

  it("do not leak internals in the message", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    let broken = false;
    const sandbox = createSandbox({
      clock: () => {
        if (broken) throw new Error("secret internals");
        return START;
      },
    });
    broken = true;
    const text = await (await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID }))).text();
    expect(text).toContain("internal_error");
    expect(text).not.toContain("secret internals");
  });
});

describe("every answer", () => {
  it("is JSON with cache-control: no-store, success or error, API or control", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const responses = [
      await sandbox.handle(mintRequest({ customer_id: ADA_LOVELACE_ID })),
      await portal(sandbox, token, "/customer"),
      await portal(sandbox, token, "/invoices"),
      await portal(sandbox, "rkcps_nope", "/invoices"),
      await sandbox.handle(new Request(`${ORIGIN}/__sandbox/customers`)),
      await sandbox.handle(new Request(`${ORIGIN}/__sandbox/missing`)),
    ];
    for (const response of responses) {
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("is a Response, whatever odd request comes in", async () => {
    const { sandbox } = setup();
    const odd = [
      new Request(`${API}/customer`, { headers: { authorization: "Bearer " + "rkcps_".repeat(1000) } }),
      new Request(`${API}/customer`, { headers: { authorization: "Bearer\trkcps_x\tjunk" } }),
      new Request(`${API}/invoices?limit=${"9".repeat(5000)}`, { headers: { authorization: "Bearer x" } }),
      new Request(`${API}/sessions`, { method: "POST", headers: { "x-api-key": MERCHANT_KEY, "idempotency-key": " " }, body: "{}" }),
      new Request(`${API}/sessions`, { method: "OPTIONS" }),
      new Request(`${ORIGIN}/__sandbox/clock`, { method: "POST", body: '{"advance_seconds":1e400}' }),
      new Request(`${ORIGIN}/__sandbox/faults`, { method: "POST", body: '{"__proto__":{"status":500}}' }),
      new Request(`${ORIGIN}/%00`),
    ];
    for (const request of odd) {
      const response = await sandbox.handle(request);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(((await response.json()) as { error: { code: string } }).error.code).toEqual(expect.any(String));
    }
  });
});
