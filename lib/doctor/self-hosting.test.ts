import { describe, expect, it } from "vitest";
import { checkSelfHosting } from "./self-hosting";

describe("the AUTH_URL / AUTH_TRUST_HOST hint", () => {
  it("warns when neither is set, naming both", () => {
    const result = checkSelfHosting({});
    expect(result.status).toBe("warn");
    expect(result.detail).toContain("AUTH_URL=");
    expect(result.detail).toContain("AUTH_TRUST_HOST=true");
  });

  it("passes on Vercel, with AUTH_URL, or with AUTH_TRUST_HOST", () => {
    expect(checkSelfHosting({ VERCEL: "1" }).status).toBe("ok");
    expect(checkSelfHosting({ AUTH_URL: "https://billing.example.com" })).toMatchObject({ status: "ok", detail: "AUTH_URL https://billing.example.com" });
    expect(checkSelfHosting({ AUTH_TRUST_HOST: "true" }).status).toBe("ok");
  });

  it("warns that AUTH_TRUST_HOST=false still turns trust on, since Auth.js only checks that it is set", () => {
    expect(checkSelfHosting({ AUTH_TRUST_HOST: "false" })).toMatchObject({ status: "warn", detail: expect.stringContaining("still turns trust on") });
  });

  it("only warns about a malformed or plain-http AUTH_URL", () => {
    expect(checkSelfHosting({ AUTH_URL: "billing.example.com" }).status).toBe("warn");
    expect(checkSelfHosting({ AUTH_URL: "http://billing.example.com" }).status).toBe("warn");
  });
});
