// The app's own /__sandbox controls (sandbox mode, `next dev`). Real people signing in through a
// real provider have their customers, codes and webhooks in the same in-process sandbox, so the
// controls answer only where every sign-in is a demo customer's.
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SANDBOX_API_KEY } from "@/lib/env/schema.mjs";
import { forgetProcessSingleton } from "@/lib/server/caching/process-singleton";

const REAL_EMAIL = "someone.real@example.org";

// Auth.js's request handling plays no part here (the providers are built for real), and its
// entry point needs Next's own module resolution.
vi.mock("next-auth", () => ({ default: () => ({ handlers: {}, signIn: vi.fn(), signOut: vi.fn() }) }));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  // A fresh in-process sandbox for the next environment.
  forgetProcessSingleton("in-process-sandbox");
});

/** The route, under `next dev` in sandbox mode with `env` besides, and a customer a real sign-in created. */
async function controlsWith(env: Record<string, string>) {
  vi.stubEnv("NODE_ENV", "development");
  vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
  vi.stubEnv("REVKEEN_API_KEY", "");
  vi.stubEnv("SANDBOX_CONTROLS", "");
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const route = await import("./route");
  const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");
  const created = await inProcessSandbox().handle(
    new Request("http://sandbox.revkeen.invalid/v2/customers", {
      method: "POST",
      headers: { "x-api-key": DEFAULT_SANDBOX_API_KEY, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
      body: JSON.stringify({ email: REAL_EMAIL, name: "Someone Real", metadata: { app_user_id: "github:4242" } }),
    }),
  );
  expect(created.status).toBe(201);
  return (path: string) => route.GET(new Request(`http://localhost:3000/__sandbox/${path}`));
}

describe("the app's sandbox controls", () => {
  it.each(["customers", "emails", "webhooks", "cancellations", "calls"])(
    "refuse /__sandbox/%s while GitHub sign-in is set, saying why, and show nothing of its users",
    async (path) => {
      const control = await controlsWith({ AUTH_GITHUB_ID: "Iv1.unit", AUTH_GITHUB_SECRET: "unit-secret" });
      const response = await control(path);
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        error: { code: "route:not_found", message: expect.stringMatching(/^The sandbox's controls are off while real people can sign in/) },
      });
      expect(text).not.toContain(REAL_EMAIL);
    },
  );

  it("answer when only demo customers can sign in", async () => {
    const control = await controlsWith({ AUTH_GITHUB_ID: "", AUTH_GITHUB_SECRET: "" });
    const response = await control("customers");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { demo: boolean }[] }).data.filter((customer) => customer.demo)).toHaveLength(4);
  });
});
