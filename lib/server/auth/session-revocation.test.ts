// Signing out ends the session on the server: a copy of the sign-in cookie taken before sign-out
// opens nothing afterwards. Run through Auth.js's own endpoints (app/(auth)/auth.ts), the portal
// API's route handlers and the embedded database, as the app runs them.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SignInSession } from "./sign-in-session";
import { BrowserUnderTest, TEST_ORIGIN } from "@/lib/testing/browser-under-test";

const browser = vi.hoisted(() => ({ current: null as BrowserUnderTest | null }));
vi.mock("next/headers", async () => (await import("@/lib/testing/browser-under-test")).nextHeadersOf(() => browser.current as BrowserUnderTest));

const SECRET = "a-unit-test-secret-that-is-long-enough-123";
process.env.AUTH_SECRET = SECRET;
process.env.AUTH_URL = TEST_ORIGIN;
process.env.REVKEEN_API_KEY = "";
process.env.DATABASE_URL = "";
process.env.DATABASE_DIR = "memory";

const { ADA_LOVELACE_ID } = await import("@/lib/sandbox/data/seed");
const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");
const { signInAsDemoCustomer, signInCookie, signOut } = await import("@/lib/testing/sign-in-under-test");
const customerRoute = await import("@/app/api/portal/customer/route");
const sessionRoute = await import("@/app/portal/session/route");
const signOutRoute = await import("@/app/(auth)/sign-out/route");
const { currentUser } = await import("./current-user");
const { readSignInToken } = await import("./sign-in-cookie");
const { SESSION_MAX_AGE_S, signInSession } = await import("./sign-in-session");
const { CHECK_TTL_MS } = await import("./session-revocation");
const { revokeSession } = await import("@/lib/server/database/revoked-sessions");

const { database } = await import("@/lib/server/database/client");
const sandbox = inProcessSandbox();

// Opening the embedded database (in memory here) compiles PostgreSQL's WebAssembly and migrates: seconds.
beforeAll(async () => {
  await database();
}, 120_000);

/** A browser signed in as Ada, in the portal (its portal cookie set by this site's own renewal). */
async function adaInThePortal(): Promise<BrowserUnderTest> {
  const ada = new BrowserUnderTest();
  browser.current = ada;
  await signInAsDemoCustomer(ada, ADA_LOVELACE_ID);
  ada.take(await sessionRoute.GET(ada.request("/portal/session?next=/portal", { headers: { "sec-fetch-site": "same-origin" } })));
  return ada;
}

/** Another browser holding a copy of every cookie `original` has now. */
function copyOf(original: BrowserUnderTest): BrowserUnderTest {
  const copy = new BrowserUnderTest();
  for (const [name, value] of original.cookies) copy.cookies.set(name, value);
  return copy;
}

async function readCustomer(from: BrowserUnderTest): Promise<{ status: number; code: string | undefined }> {
  browser.current = from;
  const response = await customerRoute.GET(from.request("/api/portal/customer"), undefined);
  const body = (await response.json()) as { error?: { code?: string } };
  return { status: response.status, code: body.error?.code };
}

beforeEach(() => {
  sandbox.reset();
});

afterEach(() => {
  vi.useRealTimers();
});

/** Signs `from` out as the header's button does: a form POST to /sign-out from this site. */
async function signOutHere(from: BrowserUnderTest): Promise<number> {
  browser.current = from;
  const response = from.take(await signOutRoute.POST(from.request("/sign-out", { method: "POST", headers: { origin: TEST_ORIGIN } })));
  return response.status;
}

async function sessionOf(from: BrowserUnderTest): Promise<SignInSession> {
  const session = signInSession(await readSignInToken(from.headers(), SECRET, TEST_ORIGIN));
  if (session === null) throw new Error("This browser holds no session.");
  return session;
}

describe("signing out", () => {
  it("revokes the session on the server: a cookie copied before sign-out then reads nothing", async () => {
    const ada = await adaInThePortal();
    const stolen = copyOf(ada);
    expect(await readCustomer(stolen)).toEqual({ status: 200, code: undefined });

    expect(await signOutHere(ada)).toBe(303);
    expect(ada.cookies.has(signInCookie(stolen)[0])).toBe(false);

    expect(await readCustomer(stolen)).toEqual({ status: 401, code: "auth:unauthenticated" });
    browser.current = stolen;
    expect(await currentUser()).toBeNull();
  });

  it("revokes it through Auth.js's own sign-out endpoint as well", async () => {
    const ada = await adaInThePortal();
    const stolen = copyOf(ada);
    browser.current = ada;
    await signOut(ada);
    expect(await readCustomer(stolen)).toEqual({ status: 401, code: "auth:unauthenticated" });
  });

  it("ends that session only: the same user signed in on another browser stays signed in", async () => {
    const laptop = await adaInThePortal();
    const phone = await adaInThePortal();
    await signOutHere(laptop);
    expect(await readCustomer(phone)).toEqual({ status: 200, code: undefined });
  });

  it("reaches an instance that has just checked the session within a few seconds", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const ada = await adaInThePortal();
    expect(await readCustomer(ada)).toEqual({ status: 200, code: undefined });
    // Signed out on another instance: this one's memory of the session is not told.
    const session = await sessionOf(ada);
    await revokeSession(await database(), session.sessionId, new Date(session.expiresAt));
    expect((await readCustomer(ada)).status).toBe(200);
    vi.setSystemTime(Date.now() + CHECK_TTL_MS);
    expect(await readCustomer(ada)).toEqual({ status: 401, code: "auth:unauthenticated" });
  });
});

describe("a sign-in cookie", () => {
  const salt = "authjs.session-token";
  const sealed = (claims: Record<string, unknown>) => encode({ token: { sub: ADA_LOVELACE_ID, provider: "demo", ...claims }, secret: SECRET, salt, maxAge: 3600 });

  it("issued without a session id, which sign-out could never revoke, opens nothing", async () => {
    const old = new BrowserUnderTest();
    old.cookies.set(salt, await sealed({}));
    expect(await readCustomer(old)).toEqual({ status: 401, code: "auth:unauthenticated" });
  });

  it("lasts its lifetime from the sign-in, however recently Auth.js re-issued it", async () => {
    const signedInAt = Math.floor(Date.now() / 1000) - SESSION_MAX_AGE_S;
    const reissued = new BrowserUnderTest();
    reissued.cookies.set(salt, await sealed({ sid: randomUUID(), auth_time: signedInAt }));
    expect(await readCustomer(reissued)).toEqual({ status: 401, code: "auth:unauthenticated" });
    reissued.cookies.set(salt, await sealed({ sid: randomUUID(), auth_time: signedInAt + 60 }));
    expect((await readCustomer(reissued)).code).not.toBe("auth:unauthenticated");
  });
});
