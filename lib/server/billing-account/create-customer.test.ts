import { describe, expect, it, vi } from "vitest";
import { forgetProcessSingleton } from "@/lib/server/caching/process-singleton";
import { customerCreationKey } from "./create-customer";

describe("customerCreationKey", () => {
  it("is the same for every attempt of one user, and another for another user", () => {
    expect(customerCreationKey("github:1")).toBe(customerCreationKey("github:1"));
    expect(customerCreationKey("github:1")).not.toBe(customerCreationKey("github:2"));
  });

  it("is shaped as a UUID v4, as RevKeen recommends for keys", () => {
    expect(customerCreationKey("new-customer:0b5a7e1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("a customer created while the database is down", () => {
  it("is said in the log the moment its link is lost, with the customer's id", async () => {
    vi.resetModules();
    vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
    vi.stubEnv("REVKEEN_API_KEY", "");
    // Nothing listens on port 9: the link cannot be written.
    vi.stubEnv("DATABASE_URL", "postgres://postgres@127.0.0.1:9/postgres");
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const { createCustomerFor } = await import("./create-customer");
      const failure = await createCustomerFor({ id: "github:lost", email: "lost@example.com", emailVerified: true, name: "Lost Link" }).catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: "database:unavailable" });
      const lines = errors.mock.calls.map((call) => JSON.parse(String(call[0])) as Record<string, unknown>);
      expect(lines.map((line) => line.event)).toEqual(["database.unavailable", "billing_account.link_not_saved"]);
      expect(lines[1]?.customer_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    } finally {
      vi.unstubAllEnvs();
      vi.restoreAllMocks();
      forgetProcessSingleton("database");
    }
  }, 60_000);
});
