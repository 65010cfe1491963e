// Calls to RevKeen over real HTTP (test mode) against a RevKeen that answers too much: the call fails as
// an upstream failure the customer can read, once, without a retry that would fetch it all again.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { portalErrorCode } from "@/lib/testing/sandbox-under-test";
import { MAX_RESPONSE_BYTES } from "./response-size-limit";

const CUSTOMER = {
  data: {
    id: randomUUID(),
    object: "customer",
    email: "ada@example.com",
    name: "Ada Lovelace",
    phone: null,
    company_name: null,
    default_currency: "GBP",
    locale: "en-GB",
    created_at: "2026-01-01T00:00:00Z",
  },
};

let server: Server;
let requests = 0;
let answer: { body: Buffer; headers: Record<string, string> };
let portal: typeof import("./customer-portal");

/** The customer, padded with whitespace (still valid JSON) to `bytes`. */
function customerOf(bytes: number): Buffer {
  const json = JSON.stringify(CUSTOMER);
  return Buffer.from(json + " ".repeat(bytes - Buffer.byteLength(json)));
}

beforeAll(async () => {
  server = createServer((_request, response) => {
    requests += 1;
    response.writeHead(200, { "content-type": "application/json", ...answer.headers }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
  process.env.REVKEEN_API_KEY = "rk_sandbox_unit_test";
  process.env.REVKEEN_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  portal = await import("./customer-portal");
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests = 0;
});

describe("an answer larger than the cap", () => {
  it("reads an answer of exactly the cap", async () => {
    answer = { body: customerOf(MAX_RESPONSE_BYTES), headers: {} };
    expect((await portal.getCustomer("rkcps_unit_test_token_0123456789")).name).toBe("Ada Lovelace");
  });

  it("fails the call as upstream:unavailable, asked once", async () => {
    answer = { body: customerOf(MAX_RESPONSE_BYTES + 1), headers: {} };
    expect(await portalErrorCode(portal.getCustomer("rkcps_unit_test_token_0123456789"))).toBe("upstream:unavailable");
    expect(requests).toBe(1);
  });

  it("counts a compressed answer as it inflates", async () => {
    answer = { body: gzipSync(customerOf(MAX_RESPONSE_BYTES + 1)), headers: { "content-encoding": "gzip" } };
    expect(answer.body.byteLength).toBeLessThan(MAX_RESPONSE_BYTES / 100);
    expect(await portalErrorCode(portal.getCustomer("rkcps_unit_test_token_0123456789"))).toBe("upstream:unavailable");
    expect(requests).toBe(1);
  });
});
