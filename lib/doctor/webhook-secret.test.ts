import { describe, expect, it } from "vitest";
import { checkWebhookSecret } from "./webhook-secret";

describe("the doctor's webhook secret check", () => {
  it("needs nothing in sandbox mode", () => {
    expect(checkWebhookSecret({}).status).toBe("ok");
  });

  it("warns in test or live mode without a secret, saying what goes missing", () => {
    const result = checkWebhookSecret({ REVKEEN_API_KEY: "rk_live_abc" });
    expect(result.status).toBe("warn");
    expect(result.detail).toContain("REVKEEN_WEBHOOK_SECRET is not set");
  });

  it("accepts an rk_wh_ secret without showing it", () => {
    const result = checkWebhookSecret({ REVKEEN_API_KEY: "rk_live_abc", REVKEEN_WEBHOOK_SECRET: "rk_wh_theRealSecret" });
    expect(result.status).toBe("ok");
    expect(result.detail).not.toContain("theRealSecret");
  });
});
