import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSignInToken } from "@/lib/server/auth/sign-in-cookie";

describe("readSignInToken", () => {
  const secret = "a-unit-test-secret-that-is-long-enough-123";
  const sealed = (salt: string, maxAge = 3600) => encode({ token: { sub: "github:583231", provider: "github" }, secret, salt, maxAge });
  const request = (cookie: string, forwardedProto = "http") => new Headers({ cookie, "x-forwarded-proto": forwardedProto });

  it("reads the cookie Auth.js wrote under the name it chose", async () => {
    const plain = await sealed("authjs.session-token");
    expect(await readSignInToken(request(`authjs.session-token=${plain}`), secret, undefined)).toMatchObject({ sub: "github:583231" });
    const secure = await sealed("__Secure-authjs.session-token");
    const overHttps = request(`__Secure-authjs.session-token=${secure}`, "https");
    expect(await readSignInToken(overHttps, secret, undefined)).toMatchObject({ sub: "github:583231" });
    expect(await readSignInToken(request(`__Secure-authjs.session-token=${secure}`), secret, "https://billing.example.com")).toMatchObject({
      sub: "github:583231",
    });
  });

  it("sees nobody for a cookie under the other name, sealed with another secret, or expired", async () => {
    const plain = await sealed("authjs.session-token");
    expect(await readSignInToken(request(`authjs.session-token=${plain}`, "https"), secret, undefined)).toBeNull();
    expect(await readSignInToken(request(`authjs.session-token=${plain}`), `${secret}-other`, undefined)).toBeNull();
    const expired = await sealed("authjs.session-token", -60);
    expect(await readSignInToken(request(`authjs.session-token=${expired}`), secret, undefined)).toBeNull();
    expect(await readSignInToken(request(""), secret, undefined)).toBeNull();
  });
});
