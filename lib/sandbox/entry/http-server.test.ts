import { request as httpRequest } from "node:http";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSandbox } from "./sandbox";
import { ADA_LOVELACE_ID } from "../data/seed";
import { startSandboxServer, type SandboxServer } from "./http-server";
import { fakeClock, MERCHANT_KEY } from "./test-support";

let server: SandboxServer;

beforeEach(async () => {
  server = await startSandboxServer({ port: 0, sandbox: createSandbox({ clock: fakeClock().now }) });
});

afterEach(async () => {
  await server.close();
});

async function mint(): Promise<string> {
  const response = await fetch(`${server.url}/v2/customer-portal/sessions`, {
    method: "POST",
    headers: { "x-api-key": MERCHANT_KEY, "content-type": "application/json" },
    body: JSON.stringify({ customer_id: ADA_LOVELACE_ID }),
  });
  expect(response.status).toBe(201);
  const { data } = (await response.json()) as { data: { url: string } };
  return new URL(data.url).searchParams.get("token") ?? "";
}

function portal(token: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}/v2/customer-portal${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
}

function control(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}/__sandbox${path}`, {
    method,
    headers: method === "GET" ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A raw request, for paths and headers fetch would tidy up. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method: options.method ?? "GET", headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

describe("the standalone server", () => {
  it("listens on loopback and serves the API over HTTP", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const token = await mint();
    expect(token).toMatch(/^rkcps_/);
    const response = await portal(token, "/invoices?limit=3");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const list = (await response.json()) as { data: unknown[]; has_more: boolean };
    expect(list.data).toHaveLength(3);
    expect(list.has_more).toBe(true);
  });

  it("links sessions to its own origin, whatever Host header a client sends", async () => {
    const response = await raw("/v2/customer-portal/sessions", {
      method: "POST",
      headers: { "x-api-key": MERCHANT_KEY, host: "evil.example" },
      body: JSON.stringify({ customer_id: ADA_LOVELACE_ID }),
    });
    expect(response.status).toBe(201);
    const { data } = JSON.parse(response.body) as { data: { url: string } };
    expect(data.url.startsWith(`${server.url}/portal/session?token=rkcps_`)).toBe(true);
  });

  it("uses the sandbox it was given", () => {
    expect(server.sandbox.now()).toBe(fakeClock().now());
  });

  it("passes errors, Allow and Idempotent-Replayed headers through", async () => {
    const notAllowed = await fetch(`${server.url}/v2/customer-portal/customer`, { method: "DELETE" });
    expect(notAllowed.status).toBe(405);
    expect(notAllowed.headers.get("allow")).toBe("GET");
    const headers = { "x-api-key": MERCHANT_KEY, "idempotency-key": "http-replay" };
    const body = JSON.stringify({ customer_id: ADA_LOVELACE_ID });
    const first = await fetch(`${server.url}/v2/customer-portal/sessions`, { method: "POST", headers, body });
    const again = await fetch(`${server.url}/v2/customer-portal/sessions`, { method: "POST", headers, body });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.text()).toBe(await first.text());
  });

  it("serves the controls", async () => {
    const customers = await control("GET", "/customers");
    expect(customers.status).toBe(200);
    expect(((await customers.json()) as { data: unknown[] }).data).toHaveLength(4);
    expect((await control("POST", "/clock", { advance_seconds: 60 })).status).toBe(200);
  });

  it("answers 404 for odd raw paths", async () => {
    for (const path of ["//evil.example/v2/customer-portal/customer", "/v2/customer-portal/%2e%2e/x", "/v2/customer-portal/customer/../../x"]) {
      const { status, body } = await raw(path);
      expect(status).toBe(404);
      expect(JSON.parse(body)).toMatchObject({ error: { code: "route_not_found" } });
    }
  });

  it("refuses a body over 64 KiB with 413 and keeps serving", async () => {
    const response = await fetch(`${server.url}/v2/customer-portal/sessions`, {
      method: "POST",
      headers: { "x-api-key": MERCHANT_KEY },
      body: "x".repeat(1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect((await control("GET", "/clock")).status).toBe(200);
  });

  it("drops the connection for a drop fault, so fetch rejects", async () => {
    const token = await mint();
    await control("POST", "/faults", { operation: "customer.get", drop: true });
    await expect(portal(token, "/customer")).rejects.toThrow(TypeError);
    expect((await portal(token, "/customer")).status).toBe(200);
  });

  it("answers late for a delay fault", async () => {
    const token = await mint();
    await control("POST", "/faults", { operation: "customer.get", delay_ms: 50 });
    const started = performance.now();
    const response = await portal(token, "/customer");
    expect(performance.now() - started).toBeGreaterThanOrEqual(40);
    expect(response.status).toBe(200);
  });

  it("lets a client give up on a slow answer and keeps serving", async () => {
    const token = await mint();
    await control("POST", "/faults", { operation: "invoices.list", delay_ms: 60_000 });
    const started = performance.now();
    await expect(portal(token, "/invoices", { signal: AbortSignal.timeout(50) })).rejects.toMatchObject({ name: "TimeoutError" });
    expect(performance.now() - started).toBeLessThan(5_000);
    // The server notices the hang-up and stops waiting: the call is logged as unanswered.
    await vi.waitFor(async () => {
      const calls = (await (await control("GET", "/calls")).json()) as { data: { log: { status: number | null; fault: string | null }[] } };
      expect(calls.data.log.at(-1)).toMatchObject({ status: null, fault: "delay" });
    });
    expect((await portal(token, "/invoices")).status).toBe(200);
  });

  it("closes even with keep-alive connections open", async () => {
    const other = await startSandboxServer({ port: 0 });
    await fetch(`${other.url}/__sandbox/customers`);
    await other.close();
    await expect(fetch(`${other.url}/__sandbox/customers`)).rejects.toThrow(TypeError);
  });
});
