import { describe, expect, it } from "vitest";
import { derivedKey } from "./derived-key";

const secret = "a-test-secret-that-is-long-enough-123456789";

describe("derived keys", () => {
  it("are 32 bytes, the same for one secret and purpose, another for another purpose or secret", () => {
    const key = derivedKey(secret, "purpose a");
    expect(key).toHaveLength(32);
    expect(Buffer.from(derivedKey(secret, "purpose a")).equals(Buffer.from(key))).toBe(true);
    expect(Buffer.from(derivedKey(secret, "purpose b")).equals(Buffer.from(key))).toBe(false);
    expect(Buffer.from(derivedKey(`${secret}x`, "purpose a")).equals(Buffer.from(key))).toBe(false);
  });

  it("are the keys Web Crypto's HKDF derives, so what was sealed with those still opens", async () => {
    const encoder = new TextEncoder();
    const material = await crypto.subtle.importKey("raw", encoder.encode(secret), "HKDF", false, ["deriveBits"]);
    const bits = await crypto.subtle.deriveBits(
      { name: "HKDF", hash: "SHA-256", salt: encoder.encode("revkeen-portal-starter"), info: encoder.encode("portal-session") },
      material,
      256,
    );
    expect(Buffer.from(derivedKey(secret, "portal-session")).equals(Buffer.from(bits))).toBe(true);
  });
});
