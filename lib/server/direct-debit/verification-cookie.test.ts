import { describe, expect, it } from "vitest";
import { sealVerification, unsealVerification } from "./verification-cookie";

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
});
