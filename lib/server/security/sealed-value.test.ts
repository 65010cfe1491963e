import { describe, expect, it } from "vitest";
import { sealValue, unsealValue } from "./sealed-value";

const secret = "a-test-secret-that-is-long-enough-123456789";
const now = Date.parse("2026-11-30T12:00:00Z");

describe("sealed values", () => {
  it("open with the purpose and secret they were sealed for, until they expire", async () => {
    const sealed = await sealValue({ v: "inside" }, "purpose a", now + 60_000, secret);
    expect(sealed).not.toContain("inside");
    expect(await unsealValue(sealed, "purpose a", secret, now)).toMatchObject({ state: "valid", claims: { v: "inside" } });
    expect(await unsealValue(sealed, "purpose a", secret, now + 61_000)).toEqual({ state: "expired" });
  });

  it("never open as another purpose or under another secret", async () => {
    const sealed = await sealValue({ v: "inside" }, "purpose a", now + 60_000, secret);
    expect(await unsealValue(sealed, "purpose b", secret, now)).toEqual({ state: "invalid" });
    expect(await unsealValue(sealed, "purpose a", `${secret}x`, now)).toEqual({ state: "invalid" });
    expect(await unsealValue("not-a-jwe", "purpose a", secret, now)).toEqual({ state: "invalid" });
  });

  it("remember a value that opened, and still refuse it past its expiry or under another purpose or secret", async () => {
    const sealed = await sealValue({ v: "kept" }, "purpose a", now + 60_000, secret);
    const first = await unsealValue(sealed, "purpose a", secret, now);
    expect(first).toMatchObject({ state: "valid", claims: { v: "kept" } });
    const second = await unsealValue(sealed, "purpose a", secret, now + 1000);
    // The same claims object: opened from memory, not decrypted again.
    expect(second.state === "valid" && first.state === "valid" && second.claims === first.claims).toBe(true);
    expect(await unsealValue(sealed, "purpose b", secret, now)).toEqual({ state: "invalid" });
    expect(await unsealValue(sealed, "purpose a", `${secret}x`, now)).toEqual({ state: "invalid" });
    expect(await unsealValue(sealed, "purpose a", secret, now + 60_000)).toEqual({ state: "expired" });
  });
});
