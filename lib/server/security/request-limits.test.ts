import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => requestHeaders.current }));

const LIMITERS = Symbol.for("revkeen-portal-starter.request-limiters");

/** One press of Manage billing by `userId`, arriving through one proxy that appended `ip`. */
async function press(userId: string, ip: string, clientWrote = "198.51.100.99"): Promise<string> {
  requestHeaders.current = new Headers({ "x-forwarded-for": `${clientWrote}, ${ip}` });
  const { checkMintRate } = await import("@/lib/server/security/request-limits");
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
  vi.stubEnv("PORTAL_WRITES_PER_MINUTE_PER_USER", "2");
  vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
  vi.stubEnv("VERCEL", "");
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

  it("counts each address by the entry the trusted proxy wrote, not the one the client chose", async () => {
    expect(await press("user-a", "203.0.113.7", "192.0.2.1")).toBe("allowed");
    expect(await press("user-b", "203.0.113.7", "192.0.2.2")).toBe("allowed");
    // A third user on the same address, whatever it writes in front, finds its allowance spent.
    expect(await press("user-c", "203.0.113.7", "192.0.2.3")).toMatch(/^portal:rate_limited/);
    expect(await press("user-d", "198.51.100.4")).toBe("allowed");
  });
});

describe("checkWriteRate", () => {
  async function write(userId: string): Promise<string> {
    const { checkWriteRate } = await import("@/lib/server/security/request-limits");
    return checkWriteRate(userId).then(
      () => "allowed",
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
  }

  it("refuses a user's writes beyond their limit and leaves other users theirs", async () => {
    expect(await write("user-a")).toBe("allowed");
    expect(await write("user-a")).toBe("allowed");
    expect(await write("user-a")).toBe("Too many attempts. Try again in 30 s.");
    expect(await write("user-b")).toBe("allowed");
  });
});
