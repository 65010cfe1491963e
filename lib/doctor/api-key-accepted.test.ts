import { describe, expect, it } from "vitest";
import { checkApiKeyAccepted } from "./api-key-accepted";
import type { Fetch } from "./check-result";

const env = { REVKEEN_API_KEY: "rk_live_abc123", REVKEEN_API_URL: "https://api.revkeen.test/v2", REVKEEN_TIMEOUT_MS: "500" };

function answering(status: number, body: unknown, headers: Record<string, string> = {}): { fetch: Fetch; requests: Request[] } {
  const requests: Request[] = [];
  return {
    requests,
    fetch: async (input, init) => {
      requests.push(new Request(input, init));
      return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
    },
  };
}

describe("the API key check", () => {
  it("sends the key, the version pin and a random customer id, refusing redirects, and reads 404 resource_missing as accepted", async () => {
    const upstream = answering(404, { error: { type: "invalid_request_error", code: "resource_missing", message: "No such customer." } });
    const result = await checkApiKeyAccepted(env, upstream.fetch);
    expect(result).toMatchObject({ status: "ok", detail: expect.stringContaining("nothing was created") });
    const [request] = upstream.requests;
    expect(request?.url).toBe("https://api.revkeen.test/v2/customer-portal/sessions");
    expect(request?.method).toBe("POST");
    expect(request?.headers.get("x-api-key")).toBe("rk_live_abc123");
    expect(request?.headers.get("revkeen-version")).toBe("2026-05-01");
    expect(request?.redirect).toBe("manual");
    expect(await request?.json()).toEqual({ customer_id: expect.stringMatching(/^[0-9a-f-]{36}$/), ttl_minutes: 5 });
  });

  it("fails a 404 from the router, which means the base URL's path is wrong", async () => {
    const upstream = answering(404, { error: { code: "route_not_found", message: "No such route." } });
    expect(await checkApiKeyAccepted(env, upstream.fetch)).toMatchObject({ status: "fail", detail: expect.stringContaining("ending in /v2") });
  });

  it("fails a redirect instead of following it with the key", async () => {
    const upstream = answering(301, {}, { location: "https://elsewhere.example.com/v2/customer-portal/sessions?k=1" });
    const result = await checkApiKeyAccepted(env, upstream.fetch);
    expect(result.status).toBe("fail");
    expect(result.detail).toContain("https://elsewhere.example.com/v2/customer-portal/sessions");
    expect(result.detail).not.toContain("k=1");
  });

  it("fails when RevKeen does not answer within REVKEEN_TIMEOUT_MS", async () => {
    const timingOut: Fetch = () => Promise.reject(new DOMException("The operation was aborted due to timeout", "TimeoutError"));
    expect(await checkApiKeyAccepted(env, timingOut)).toMatchObject({ status: "fail", detail: "no answer within 500 ms (REVKEEN_TIMEOUT_MS)" });
  });

  it("sends no key over plain http to another machine, live or test", async () => {
    for (const key of ["rk_live_abc123", "rk_sandbox_abc123"]) {
      const upstream = answering(404, {});
      const result = await checkApiKeyAccepted({ ...env, REVKEEN_API_KEY: key, REVKEEN_API_URL: "http://api.revkeen.test/v2" }, upstream.fetch);
      expect(result.status).toBe("skip");
      expect(upstream.requests).toEqual([]);
    }
  });
});
