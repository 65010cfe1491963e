import { describe, expect, it } from "vitest";
import { jweCompactShape, SEALED_SHAPE } from "@/lib/testing/jwe-compact";
import { cookieAttributes, RENEW_MARGIN_MS, sealPortalSession, unsealPortalSession, type PortalSession } from "./sealed-cookie";

const secret = "a-test-secret-that-is-long-enough-0123456789";
const now = Date.parse("2026-11-28T12:00:00Z");
const session: PortalSession = {
  token: "rkcps_AbCdEfGhIjKlMnOpQrStUvWxYz012345",
  expiresAt: now + 60 * 60_000,
  mintedAt: now,
  userId: "0b5a7e1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d",
  renewedAfterRefusal: false,
};

describe("the sealed portal-session cookie", () => {
  it("round-trips for the user who minted it", async () => {
    const sealed = await sealPortalSession(session, secret);
    expect(await unsealPortalSession(sealed, secret, session.userId, now)).toEqual({ state: "valid", session });
  });

  it("hides the token: the sealed value is a JWE (dir, A256GCM) in five parts that contains nothing of it", async () => {
    const sealed = await sealPortalSession(session, secret);
    expect(jweCompactShape(sealed)).toEqual(SEALED_SHAPE);
    expect(sealed).not.toContain("rkcps_");
    expect(Buffer.from(sealed.replaceAll(".", ""), "base64url").toString("latin1")).not.toContain("rkcps_");
  });

  it("refuses a tampered value", async () => {
    const sealed = await sealPortalSession(session, secret);
    const parts = sealed.split(".");
    const ciphertext = parts[3] ?? "";
    parts[3] = (ciphertext[0] === "A" ? "B" : "A") + ciphertext.slice(1);
    expect(await unsealPortalSession(parts.join("."), secret, session.userId, now)).toEqual({ state: "invalid" });
    expect(await unsealPortalSession("not-a-jwe", secret, session.userId, now)).toEqual({ state: "invalid" });
  });

  it("refuses a value sealed under another secret", async () => {
    const sealed = await sealPortalSession(session, "another-secret-that-is-long-enough-987654321");
    expect(await unsealPortalSession(sealed, secret, session.userId, now)).toEqual({ state: "invalid" });
  });

  it("refuses another user's cookie", async () => {
    const sealed = await sealPortalSession(session, secret);
    expect(await unsealPortalSession(sealed, secret, "github:42", now)).toEqual({ state: "other_user" });
  });

  it("calls a token near or past its expiry expired, so it is renewed before it lapses", async () => {
    const sealed = await sealPortalSession(session, secret);
    expect((await unsealPortalSession(sealed, secret, session.userId, session.expiresAt - RENEW_MARGIN_MS - 1)).state).toBe("valid");
    expect((await unsealPortalSession(sealed, secret, session.userId, session.expiresAt - RENEW_MARGIN_MS + 1)).state).toBe("expired");
    expect((await unsealPortalSession(sealed, secret, session.userId, session.expiresAt + 1000)).state).toBe("expired");
  });

  it("is httpOnly, Lax and site-wide, dies just before the token, and is Secure with __Host- on https only", () => {
    const https = cookieAttributes(true, now + 60 * 60_000, now);
    expect(https).toEqual({
      name: "__Host-revkeen-portal",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true, maxAge: 3600 - 30 },
    });
    const http = cookieAttributes(false, now + 60 * 60_000, now);
    expect(http.name).toBe("revkeen-portal");
    expect(http.options.secure).toBe(false);
    expect(http.options.httpOnly).toBe(true);
  });
});
