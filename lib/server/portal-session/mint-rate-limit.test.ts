import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => requestHeaders.current }));

const LIMITERS = Symbol.for("revkeen-portal-starter.mint-limiters");

async function press(userId: string, ip: string): Promise<string> {
  requestHeaders.current = new Headers({ "x-forwarded-for": `${ip}, 10.0.0.1` });
  const { checkMintRate } = await import("@/lib/server/portal-session/mint-rate-limit");
  // Imported afresh with it: vi.resetModules gives every test its own module instances.
  const { PortalError } = await import("@/lib/shared/portal-api/errors");
  try {
    await checkMintRate(userId);
    return "allowed";
  } catch (error) {
    if (error instanceof PortalError) return `${error.code}: ${error.message}`;
    throw error;
  }
}

beforeEach(() => {
  vi.resetModules();
  delete (globalThis as { [LIMITERS]?: unknown })[LIMITERS];
  vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
  vi.stubEnv("PORTAL_MINTS_PER_MINUTE_PER_USER", "1");
  vi.stubEnv("PORTAL_MINTS_PER_MINUTE_PER_IP", "2");
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("checkMintRate", () => {
  it("refuses a user's press beyond their limit, saying how long to wait", async () => {
    expect(await press("user-a", "203.0.113.7")).toBe("allowed");
    expect(await press("user-a", "203.0.113.7")).toBe("portal:rate_limited: Too many attempts. Try again in 60 s.");
  });

  it("does not charge an address for a press its user was refused", async () => {
    expect(await press("user-a", "203.0.113.7")).toBe("allowed");
    expect(await press("user-a", "203.0.113.7")).toMatch(/^portal:rate_limited/);
    expect(await press("user-a", "203.0.113.7")).toMatch(/^portal:rate_limited/);
    // The address has used one press of two: a colleague behind the same network gets in.
    expect(await press("user-b", "203.0.113.7")).toBe("allowed");
    expect(await press("user-c", "203.0.113.7")).toMatch(/^portal:rate_limited/);
  });

  it("counts each address by the client's own entry in X-Forwarded-For", async () => {
    expect(await press("user-a", "203.0.113.7")).toBe("allowed");
    expect(await press("user-b", "203.0.113.7")).toBe("allowed");
    expect(await press("user-c", "198.51.100.4")).toBe("allowed");
  });
});
