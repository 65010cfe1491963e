import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { forgetProcessSingleton } from "@/lib/server/caching/process-singleton";
import { openTestDatabase, type TestDatabase } from "@/lib/testing/embedded-database";

const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => requestHeaders.current }));

// With DATABASE_URL the limits count in the database: here an embedded one, opened once.
const shared = vi.hoisted(() => ({ database: null as TestDatabase | null }));
vi.mock("@/lib/server/database/client", () => ({
  withDatabase: <T>(_operation: string, query: (db: TestDatabase["db"]) => Promise<T>) => query((shared.database as TestDatabase).db),
}));

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

beforeAll(async () => {
  shared.database = await openTestDatabase();
}, 120_000);

afterAll(async () => {
  await shared.database?.close();
});

beforeEach(() => {
  vi.resetModules();
  forgetProcessSingleton("request-limiters");
  vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
  vi.stubEnv("PORTAL_MINTS_PER_MINUTE_PER_USER", "1");
  vi.stubEnv("PORTAL_MINTS_PER_MINUTE_PER_IP", "2");
  vi.stubEnv("PORTAL_WRITES_PER_MINUTE_PER_USER", "2");
  vi.stubEnv("PORTAL_CODE_ATTEMPTS_PER_10_MINUTES_PER_MANDATE", "3");
  vi.stubEnv("DATABASE_URL", "");
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

/** Whether `check` let the request in, or the message it refused it with. */
function outcome(check: Promise<void>): Promise<string> {
  return check.then(
    () => "allowed",
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
}

async function write(userId: string): Promise<string> {
  const { checkWriteRate } = await import("@/lib/server/security/request-limits");
  return outcome(checkWriteRate(userId));
}

async function codeAttempt(userId: string, mandateId: string): Promise<string> {
  const { checkCodeAttemptRate } = await import("@/lib/server/security/request-limits");
  return outcome(checkCodeAttemptRate(userId, mandateId));
}

describe("checkWriteRate", () => {
  it("refuses a user's writes beyond their limit and leaves other users theirs", async () => {
    expect(await write("user-a")).toBe("allowed");
    expect(await write("user-a")).toBe("allowed");
    expect(await write("user-a")).toBe("Too many attempts. Try again in 30 s.");
    expect(await write("user-b")).toBe("allowed");
  });
});

describe("checkCodeAttemptRate", () => {
  const MANDATE_A = "6f1c7a52-1f0e-4a51-9c3e-2b8d7e4a9f10";
  const MANDATE_B = "0c9e3d21-7b44-4f6a-8e15-93a2c6d4b7e8";

  it("refuses a user's code attempts on one mandate beyond its own limit, while another mandate and other users are still allowed", async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) expect(await codeAttempt("user-a", MANDATE_A)).toBe("allowed");
    expect(await codeAttempt("user-a", MANDATE_A)).toBe("Too many attempts. Try again in 200 s.");
    expect(await codeAttempt("user-a", MANDATE_B)).toBe("allowed");
    expect(await codeAttempt("user-b", MANDATE_A)).toBe("allowed");
  });
});

describe("each limit counts on its own", () => {
  for (const store of ["memory", "the database"] as const) {
    it(`with ${store}: spending the writes leaves minting and code attempts allowed, and a refused mint takes nothing from writes`, async () => {
      if (store === "the database") vi.stubEnv("DATABASE_URL", "postgres://limits@127.0.0.1:5432/limits");
      const user = `user-${store.replace(" ", "-")}`;
      expect(await write(user)).toBe("allowed");
      expect(await write(user)).toBe("allowed");
      expect(await write(user)).toMatch(/^Too many attempts/);
      expect(await press(user, "203.0.113.50")).toBe("allowed");
      expect(await codeAttempt(user, "6f1c7a52-1f0e-4a51-9c3e-2b8d7e4a9f10")).toBe("allowed");

      const other = `${user}-2`;
      expect(await press(other, "203.0.113.51")).toBe("allowed");
      expect(await press(other, "203.0.113.51")).toMatch(/^portal:rate_limited/);
      expect(await write(other)).toBe("allowed");
      expect(await write(other)).toBe("allowed");
    });
  }
});
