import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readSignInToken } from "./sign-in-cookie";

describe("the remembered sign-in decode", () => {
  const secret = "a-unit-test-secret-for-the-decode-cache-0123";
  const salt = "authjs.session-token";
  const headers = (token: string) => new Headers({ cookie: `${salt}=${token}`, "x-forwarded-proto": "http" });

  afterEach(() => vi.useRealTimers());

  it("opens a cookie once and answers the same token for it afterwards", async () => {
    const token = await encode({ token: { sub: "github:1", provider: "github" }, secret, salt, maxAge: 3600 });
    const first = await readSignInToken(headers(token), secret, undefined);
    expect(first).toMatchObject({ sub: "github:1" });
    // The very same (frozen) object: it came from memory, not from a second decryption.
    expect(await readSignInToken(headers(token), secret, undefined)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it("still refuses, once the cookie has been opened, another secret, the other cookie name and a changed value", async () => {
    const token = await encode({ token: { sub: "github:2" }, secret, salt, maxAge: 3600 });
    expect(await readSignInToken(headers(token), secret, undefined)).toMatchObject({ sub: "github:2" });
    expect(await readSignInToken(headers(token), `${secret}-other`, undefined)).toBeNull();
    expect(await readSignInToken(new Headers({ cookie: `${salt}=${token}`, "x-forwarded-proto": "https" }), secret, undefined)).toBeNull();
    const parts = token.split(".");
    parts[3] = `${(parts[3] ?? "")[0] === "A" ? "B" : "A"}${(parts[3] ?? "").slice(1)}`;
    expect(await readSignInToken(headers(parts.join(".")), secret, undefined)).toBeNull();
  });

  it("forgets a token when it expires", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.parse("2026-11-30T12:00:00Z");
    vi.setSystemTime(start);
    const token = await encode({ token: { sub: "github:3" }, secret, salt, maxAge: 60 });
    expect(await readSignInToken(headers(token), secret, undefined)).toMatchObject({ sub: "github:3" });
    // Past exp and Auth.js's 15 s of clock tolerance: refused, as without the cache.
    vi.setSystemTime(start + 76_000);
    expect(await readSignInToken(headers(token), secret, undefined)).toBeNull();
  });
});
