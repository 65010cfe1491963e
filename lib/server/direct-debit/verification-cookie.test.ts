import { describe, expect, it } from "vitest";
import { jweCompactShape, SEALED_SHAPE } from "@/lib/testing/jwe-compact";
import { sealVerification, unsealVerification, verificationCookieAttributes } from "./verification-cookie";

const secret = "a-test-secret-that-is-long-enough-123456789";
const now = Date.parse("2026-11-30T12:00:00Z");
const MANDATE = "e27d58f8-21f2-4bb8-8e8f-b07eab4db349";

describe("the sealed verification of a change of bank", () => {
  it("opens for the user and the mandate it was issued for, and hides the token", async () => {
    const sealed = await sealVerification("vt_the_token_itself", "demo:ada", MANDATE, now + 60_000, secret);
    expect(sealed).not.toContain("vt_the_token_itself");
    expect(await unsealVerification(sealed, "demo:ada", MANDATE, secret, now)).toEqual({ token: "vt_the_token_itself" });
  });

  it("is refused for another user, another mandate, once expired, or under another secret", async () => {
    const sealed = await sealVerification("vt_the_token_itself", "demo:ada", MANDATE, now + 60_000, secret);
    expect(await unsealVerification(sealed, "demo:grace", MANDATE, secret, now)).toBeNull();
    expect(await unsealVerification(sealed, "demo:ada", "00000000-0000-4000-8000-000000000000", secret, now)).toBeNull();
    expect(await unsealVerification(sealed, "demo:ada", MANDATE, secret, now + 61_000)).toBeNull();
    expect(await unsealVerification(sealed, "demo:ada", MANDATE, `${secret}x`, now)).toBeNull();
  });

  it("is httpOnly, Strict and site-wide, lives ten minutes, and is Secure with __Host- on https only", () => {
    expect(verificationCookieAttributes(true)).toEqual({
      name: "__Host-revkeen-dd-verified",
      options: { httpOnly: true, sameSite: "strict", path: "/", secure: true, maxAge: 600 },
    });
    expect(verificationCookieAttributes(false)).toEqual({
      name: "revkeen-dd-verified",
      options: { httpOnly: true, sameSite: "strict", path: "/", secure: false, maxAge: 600 },
    });
  });

  it("seals the token in a JWE (dir, A256GCM) in five parts that shows nothing of it", async () => {
    const sealed = await sealVerification("vt_the_token_itself", "demo:ada", MANDATE, now + 60_000, secret);
    expect(jweCompactShape(sealed)).toEqual(SEALED_SHAPE);
    expect(Buffer.from(sealed.replaceAll(".", ""), "base64url").toString("latin1")).not.toContain("vt_the_token_itself");
  });
});
