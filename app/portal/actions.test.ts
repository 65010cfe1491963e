// "Manage billing" for a signed-in user with no billing account yet, from the sign-in cookie to the
// in-process sandbox: a customer is created only from an address the sign-in provider verified.
// The embedded database (in memory) holds the links; Next's request APIs are stood in for.
import { encode, type JWT } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Sandbox } from "@/lib/sandbox/entry/sandbox";
import { newSessionClaims } from "@/lib/server/auth/sign-in-session";
import { callCount, controlSandbox } from "@/lib/testing/sandbox-under-test";

const SECRET = "a-unit-test-secret-that-is-long-enough-123";
const SIGN_IN_COOKIE = "authjs.session-token";

const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    has: (name: string) => request.cookies.has(name),
    set: (name: string, value: string) => request.cookies.set(name, value),
    delete: ({ name }: { name: string }) => request.cookies.delete(name),
  }),
}));

class Redirected extends Error {
  constructor(readonly to: string) {
    super(`redirected to ${to}`);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Redirected(to);
  },
}));

let openBillingPortal: typeof import("./actions").openBillingPortal;
let sandbox: Sandbox;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", SECRET);
  vi.stubEnv("REVKEEN_API_KEY", "");
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("DATABASE_DIR", "memory");
  ({ openBillingPortal } = await import("./actions"));
  sandbox = (await import("@/lib/sandbox/entry/in-process-sandbox")).inProcessSandbox();
  // Opens (and migrates) the embedded database once, before the tests.
  const { withDatabase } = await import("@/lib/server/database/client");
  await withDatabase("test.warm_up", async () => undefined);
}, 120_000);

afterAll(() => {
  vi.unstubAllEnvs();
});

beforeEach(async () => {
  request.cookies.clear();
  await controlSandbox(sandbox, "DELETE", "calls");
});

let users = 0;

/** A GitHub user signed in with `claims` in their sign-in token, as Auth.js writes it. */
async function signedIn(claims: Partial<JWT>): Promise<void> {
  users += 1;
  const token = await encode({
    token: { sub: `github:${9_000 + users}`, name: "Octo Cat", email: `octo-${users}@example.com`, provider: "github", ...newSessionClaims(), ...claims },
    secret: SECRET,
    salt: SIGN_IN_COOKIE,
  });
  request.headers = new Headers({ cookie: `${SIGN_IN_COOKIE}=${token}`, "x-forwarded-proto": "http", "x-forwarded-for": "203.0.113.7" });
}

/** Presses "Manage billing": the state the form shows, or where it went. */
function manageBilling(): Promise<unknown> {
  return openBillingPortal({ status: "idle" }, new FormData()).catch((error: unknown) => {
    if (error instanceof Redirected) return { redirectedTo: error.to };
    throw error;
  });
}

describe("Manage billing for a user without a billing account", () => {
  it.each([
    ["says nothing about it (a sign-in from before the claim existed)", {}],
    ["says it is not verified", { email_verified: false }],
  ])("asks a user whose provider %s to verify the address, and creates no customer", async (_case, claims) => {
    await signedIn(claims);
    expect(await manageBilling()).toEqual({
      status: "failed",
      code: "portal:email_unverified",
      message: expect.stringMatching(/^Verify your e-mail address with your sign-in provider/),
    });
    expect(await callCount(sandbox, "customers.create")).toBe(0);
    expect(await callCount(sandbox, "sessions.create")).toBe(0);
    expect(request.cookies.size).toBe(0);
  });

  it("creates the customer of a user whose address is verified, and opens the portal", async () => {
    await signedIn({ email_verified: true });
    expect(await manageBilling()).toEqual({ redirectedTo: "/portal" });
    expect(await callCount(sandbox, "customers.create")).toBe(1);
    expect(await callCount(sandbox, "sessions.create")).toBe(1);
    expect([...request.cookies.keys()]).toEqual(["revkeen-portal"]);
  });
});
