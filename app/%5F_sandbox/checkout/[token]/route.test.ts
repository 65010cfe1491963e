// The in-process sandbox's hosted checkout page, served by the app: in sandbox mode it answers even
// in a production build, where every development control under /__sandbox stays a 404.
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SANDBOX_API_KEY } from "@/lib/env/schema.mjs";
import { forgetProcessSingleton } from "@/lib/server/caching/process-singleton";
import { deterministicUuid } from "@/lib/sandbox/data/ids";

// Auth.js's request handling plays no part here, and its entry point needs Next's own module resolution.
vi.mock("next-auth", () => ({ default: () => ({ handlers: {}, signIn: vi.fn(), signOut: vi.fn() }) }));

const ADA_BACKUP_INVOICE = deterministicUuid("invoice:ada:backup:failed");
const APP = "https://billing.example.com";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  forgetProcessSingleton("in-process-sandbox");
});

/** A production build started with `env`: the checkout page's route, the controls' route, and a way to make a session. */
async function productionWith(env: Record<string, string>) {
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
  vi.stubEnv("SANDBOX_CONTROLS", "");
  vi.stubEnv("AUTH_URL", "");
  vi.stubEnv("AUTH_GITHUB_ID", "");
  vi.stubEnv("AUTH_GITHUB_SECRET", "");
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const page = await import("./route");
  const controls = await import("../../[...path]/route");
  const { inProcessSandbox } = await import("@/lib/sandbox/entry/in-process-sandbox");
  async function createSession(body: Record<string, unknown>): Promise<{ url: string; id: string }> {
    const response = await inProcessSandbox().handle(
      new Request("http://sandbox.revkeen.invalid/v2/checkout-sessions", {
        method: "POST",
        headers: { "x-api-key": DEFAULT_SANDBOX_API_KEY, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    );
    expect(response.status).toBe(201);
    return ((await response.json()) as { data: { url: string; id: string } }).data;
  }
  return { page, controls, createSession };
}

describe("the app's sandbox checkout page", () => {
  it("answers in a keyless production build, on the app's own origin, while the controls stay closed", async () => {
    const { page, controls, createSession } = await productionWith({ REVKEEN_API_KEY: "" });
    const success = `${APP}/portal/invoices/${ADA_BACKUP_INVOICE}`;
    const session = await createSession({ invoiceId: ADA_BACKUP_INVOICE, successUrl: success, cancelUrl: success });
    expect(session.url).toMatch(/^https:\/\/billing\.example\.com\/__sandbox\/checkout\/cst_[A-Za-z0-9_-]{43}$/);

    const shown = await page.GET(new Request(session.url));
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain("<h1>Pay Acme</h1>");
    const paid = await page.POST(
      new Request(session.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin: APP, "sec-fetch-site": "same-origin" }, body: "action=pay" }),
    );
    expect([paid.status, paid.headers.get("location")]).toEqual([303, success]);

    for (const path of ["customers", "checkout-sessions", "webhooks", "calls"]) {
      expect((await controls.GET(new Request(`${APP}/__sandbox/${path}`))).status, path).toBe(404);
    }
  });

  it("hands the sandbox nothing but a checkout page: a path that resolves elsewhere is a 404", async () => {
    const { page } = await productionWith({ REVKEEN_API_KEY: "" });
    for (const path of ["/__sandbox/checkout/%2e%2e", "/__sandbox/checkout/..%2fcustomers", "/__sandbox/customers", "/v2/checkout-sessions"]) {
      const response = await page.GET(new Request(`${APP}${path}`));
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toEqual({ error: { code: "route:not_found", message: "There is nothing here." } });
    }
  });

  it("names AUTH_URL's origin when a session has no return address", async () => {
    const { createSession } = await productionWith({ REVKEEN_API_KEY: "", AUTH_URL: `${APP}/api/auth` });
    const session = await createSession({ invoiceId: ADA_BACKUP_INVOICE });
    expect(session.url.startsWith(`${APP}/__sandbox/checkout/cst_`)).toBe(true);
  });

  it("still answers while real people can sign in: it acts only on the session its URL opens", async () => {
    const { page, createSession } = await productionWith({ REVKEEN_API_KEY: "", AUTH_GITHUB_ID: "Iv1.unit", AUTH_GITHUB_SECRET: "unit-secret" });
    const session = await createSession({ invoiceId: ADA_BACKUP_INVOICE, successUrl: `${APP}/portal` });
    expect((await page.GET(new Request(session.url))).status).toBe(200);
  });

  it("is a 404 outside sandbox mode, where RevKeen serves its own page", async () => {
    const { page } = await productionWith({ REVKEEN_API_KEY: "rk_sandbox_unit", REVKEEN_API_URL: "http://127.0.0.1:1/v2" });
    const response = await page.GET(new Request(`${APP}/__sandbox/checkout/cst_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG`));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "route:not_found", message: "There is nothing here." } });
  });
});
