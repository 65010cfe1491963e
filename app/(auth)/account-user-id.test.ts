import { describe, expect, it } from "vitest";
import { accountUserId } from "./account-user-id";

describe("accountUserId", () => {
  it("names an OAuth or OIDC user by provider and account id, the same at every sign-in", () => {
    expect(accountUserId({ type: "oauth", provider: "github", providerAccountId: "583231" })).toBe("github:583231");
    expect(accountUserId({ type: "oidc", provider: "google", providerAccountId: "1099" })).toBe("google:1099");
  });

  it("keeps the id a credentials provider chose", () => {
    expect(accountUserId({ type: "credentials", provider: "demo", providerAccountId: "demo:7e9551bf" })).toBeUndefined();
  });
});
