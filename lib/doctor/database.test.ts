import { describe, expect, it } from "vitest";
import { checkDatabase, committedMigrations } from "./database";

describe("the doctor's database check", () => {
  it("counts the committed migrations", () => {
    expect(committedMigrations()).toBeGreaterThanOrEqual(1);
  });

  it("accepts the embedded database, saying where its files live", async () => {
    expect(await checkDatabase({}, 1)).toEqual({ name: "Database", status: "ok", detail: expect.stringContaining("embedded (no DATABASE_URL): its files in .data/database") });
    expect((await checkDatabase({ DATABASE_DIR: "memory" }, 1)).detail).toContain("its files in memory");
  });

  it("warns that the embedded database forgets every link on Vercel", async () => {
    const result = await checkDatabase({ VERCEL: "1" }, 1);
    expect(result.status).toBe("warn");
    expect(result.detail).toContain("set DATABASE_URL");
  });

  it("fails with a key where the app would refuse the embedded database: on Vercel, or in memory", async () => {
    expect(await checkDatabase({ VERCEL: "1", REVKEEN_API_KEY: "rk_live_abc123" }, 1)).toEqual({
      name: "Database",
      status: "fail",
      detail:
        "DATABASE_URL is not set and on Vercel the embedded database cannot keep its files: with a RevKeen key the app refuses to start so (billing links would be lost with each instance); set DATABASE_URL (Neon, Vercel Postgres, Supabase…)",
    });
    const memory = await checkDatabase({ DATABASE_DIR: "memory", REVKEEN_API_KEY: "rk_sandbox_abc123" }, 1);
    expect(memory.status).toBe("fail");
    expect(memory.detail).toContain("DATABASE_DIR=memory keeps the embedded database in memory");
    expect(memory.detail).not.toContain("rk_sandbox_abc123");
  });

  it("fails on a database it cannot reach, naming DATABASE_URL without its password", async () => {
    const result = await checkDatabase({ DATABASE_URL: "postgres://app:s3cret-password@127.0.0.1:9/billing" }, 1);
    expect(result.status).toBe("fail");
    expect(result.detail).toMatch(/^DATABASE_URL \(postgres:\/\/127\.0\.0\.1:9\/billing\) cannot be reached/);
    expect(result.detail).not.toContain("s3cret-password");
  });

  it("leaves a malformed DATABASE_URL to the variables check", async () => {
    expect((await checkDatabase({ DATABASE_URL: "mysql://x" }, 1)).status).toBe("skip");
  });
});
