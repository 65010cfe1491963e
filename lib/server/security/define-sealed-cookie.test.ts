// The part both sealed cookies share, on Next's cookie jar (stood in for): the name and `Secure`
// follow https, the value is sealed for the cookie's purpose, and clearing removes either name.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

type Options = { httpOnly?: boolean; sameSite?: string; path?: string; secure?: boolean; maxAge?: number };

const request = vi.hoisted(() => ({
  headers: new Headers(),
  cookies: new Map<string, { value: string; options: Options }>(),
  deleted: [] as { name: string; path: string; secure: boolean }[],
}));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)?.value } : undefined),
    has: (name: string) => request.cookies.has(name),
    set: (name: string, value: string, options: Options) => request.cookies.set(name, { value, options }),
    delete: (cookie: { name: string; path: string; secure: boolean }) => {
      request.deleted.push(cookie);
      request.cookies.delete(cookie.name);
    },
  }),
}));

const SECRET = "a-unit-test-secret-that-is-long-enough-123";
const now = Date.now();

let defineSealedCookie: typeof import("./define-sealed-cookie").defineSealedCookie;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", SECRET);
  vi.stubEnv("AUTH_URL", "");
  ({ defineSealedCookie } = await import("./define-sealed-cookie"));
});

beforeEach(() => {
  request.cookies.clear();
  request.deleted = [];
});

function overHttps(https: boolean): void {
  request.headers = new Headers({ "x-forwarded-proto": https ? "https" : "http" });
}

describe("a sealed cookie", () => {
  it("is written under __Host- with Secure on https, sealed, and read back", async () => {
    overHttps(true);
    const cookie = defineSealedCookie({ name: "test-cookie", purpose: "test cookie v1", sameSite: "strict" });
    await cookie.write({ secret_claim: "hidden-value" }, now + 60_000, 50);
    const written = request.cookies.get("__Host-test-cookie");
    expect(written?.options).toEqual({ httpOnly: true, sameSite: "strict", path: "/", secure: true, maxAge: 50 });
    expect(written?.value).not.toContain("hidden-value");
    expect(await cookie.read()).toMatchObject({ state: "valid", claims: { secret_claim: "hidden-value" } });
  });

  it("is written under its plain name without Secure on http, and the other name is not read", async () => {
    overHttps(false);
    const cookie = defineSealedCookie({ name: "test-cookie", purpose: "test cookie v1", sameSite: "lax" });
    await cookie.write({ claim: 1 }, now + 60_000, 50);
    expect(request.cookies.get("test-cookie")?.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: false, maxAge: 50 });
    overHttps(true);
    expect(await cookie.read()).toEqual({ state: "missing" });
  });

  it("does not open a value sealed for another cookie", async () => {
    overHttps(true);
    const one = defineSealedCookie({ name: "test-cookie", purpose: "test cookie v1", sameSite: "lax" });
    const other = defineSealedCookie({ name: "test-cookie", purpose: "another cookie v1", sameSite: "lax" });
    await other.write({ claim: 1 }, now + 60_000, 50);
    expect(await one.read()).toEqual({ state: "invalid" });
  });

  it("clears both names, each with the Secure flag it was set with", async () => {
    const cookie = defineSealedCookie({ name: "test-cookie", purpose: "test cookie v1", sameSite: "lax" });
    overHttps(true);
    await cookie.write({ claim: 1 }, now + 60_000, 50);
    overHttps(false);
    await cookie.write({ claim: 1 }, now + 60_000, 50);
    await cookie.clear();
    expect(request.deleted).toEqual([
      { name: "__Host-test-cookie", path: "/", secure: true },
      { name: "test-cookie", path: "/", secure: false },
    ]);
    expect(request.cookies.size).toBe(0);
  });
});
