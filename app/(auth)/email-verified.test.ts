import { describe, expect, it } from "vitest";
import { DEMO_PROVIDER_ID } from "@/lib/server/billing-account/demo-customers";
import { emailVerifiedAtSignIn } from "./email-verified";

describe("emailVerifiedAtSignIn", () => {
  it("believes an OAuth or OIDC provider only when its profile says email_verified: true", () => {
    expect(emailVerifiedAtSignIn({ type: "oauth", provider: "github" }, { email: "a@example.com", email_verified: true })).toBe(true);
    expect(emailVerifiedAtSignIn({ type: "oidc", provider: "google" }, { email_verified: true })).toBe(true);
    for (const profile of [{ email_verified: false }, { email_verified: "true" }, { email: "a@example.com" }, undefined]) {
      expect(emailVerifiedAtSignIn({ type: "oauth", provider: "github" }, profile)).toBe(false);
    }
  });

  it("counts the demo customers' addresses as verified, and no other credentials sign-in's", () => {
    expect(emailVerifiedAtSignIn({ type: "credentials", provider: DEMO_PROVIDER_ID }, undefined)).toBe(true);
    expect(emailVerifiedAtSignIn({ type: "credentials", provider: "password" }, { email_verified: true })).toBe(false);
  });
});
