// Readiness with a PostgreSQL DATABASE_URL nothing listens on: 503 naming the database, and
// nothing of the URL (host, port, user, password) in the answer.
import { createServer } from "node:net";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";

/** A port that was free a moment ago and that nothing listens on now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

const port = await closedPort();
const PASSWORD = "not-a-real-password-7f3a";
vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
vi.stubEnv("REVKEEN_API_KEY", "");
vi.stubEnv("DATABASE_URL", `postgres://portal:${PASSWORD}@127.0.0.1:${port}/portal`);

const { GET } = await import("./route");

describe("readiness with the database down", () => {
  it("answers 503 naming the database, and quotes nothing of its URL", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await GET(new NextRequest("http://app.test/api/health?ready=1"));
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: "not_ready", database: "unavailable", revkeen: "ok" });
    for (const part of [PASSWORD, "127.0.0.1", String(port), "portal:"]) expect(text).not.toContain(part);
  });

  it("still answers liveness 200", async () => {
    expect((await GET(new NextRequest("http://app.test/api/health"))).status).toBe(200);
  });
});
