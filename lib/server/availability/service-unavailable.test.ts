// A server near its heap limit, or one that refused its database, answers every request with a
// readable 503 and Retry-After: pages with a small page, the API and webhooks with the app's JSON
// error envelope. Run through proxy.ts and a real portal API route, with the heap's figures set.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { forgetProcessSingleton } from "@/lib/server/caching/process-singleton";

const heap = vi.hoisted(() => ({ used: 0, limit: 256 * 2 ** 20 }));
vi.mock("node:v8", async (original) => ({
  ...(await original<typeof import("node:v8")>()),
  getHeapStatistics: () => ({ used_heap_size: heap.used, heap_size_limit: heap.limit }),
}));

const ROOT = mkdtempSync(join(tmpdir(), "service-unavailable-"));
writeFileSync(join(ROOT, "a-file"), "");
const LIVE_KEY = "rk_live_unit_test_key_abc123";
const BUSY = "This site is very busy right now. Please try again in a few seconds.";

function forget(): void {
  for (const name of ["heap-guard", "database.refusal"]) forgetProcessSingleton(name);
}

beforeEach(() => {
  vi.resetModules();
  forget();
  vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
  vi.stubEnv("REVKEEN_API_KEY", "");
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("DATABASE_DIR", "memory");
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  vi.spyOn(console, "info").mockImplementation(() => undefined);
  heap.used = 0.4 * heap.limit;
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  forget();
});

afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

async function proxy(path: string, init?: ConstructorParameters<typeof NextRequest>[1]): Promise<Response> {
  const { default: run } = await import("@/proxy");
  return run(new NextRequest(`http://app.test${path}`, init));
}

describe("a server near its heap limit", () => {
  it("answers a page with a small readable page that tries again by itself, and Retry-After", async () => {
    heap.used = 0.95 * heap.limit;
    const response = await proxy("/portal/invoices");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    // The proxy's security headers still go on it.
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const html = await response.text();
    expect(html).toContain(`<meta http-equiv="refresh" content="5">`);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<h1>Try again shortly</h1><p>${BUSY}</p>`);
    expect(html).not.toContain("<script");
  });

  it("answers the API, sign-in's endpoints and webhooks with the JSON error envelope", async () => {
    heap.used = 0.95 * heap.limit;
    for (const response of [
      await proxy("/api/auth/session"),
      await proxy("/api/webhooks/revkeen", { method: "POST", body: "{}" }),
      await (await import("@/app/api/portal/customer/route")).GET(new NextRequest("http://app.test/api/portal/customer"), undefined),
    ]) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(await response.json()).toEqual({ error: { code: "server:busy", message: BUSY, retry_after: 5 } });
    }
  });

  it("says so in the language of the switcher's cookie, else of the browser", async () => {
    heap.used = 0.95 * heap.limit;
    const japanese = await (await proxy("/portal/invoices", { headers: { "accept-language": "ja-JP,ja;q=0.9,en;q=0.5" } })).text();
    expect(japanese).toContain('<html lang="ja">');
    expect(japanese).toContain("<title>しばらくしてからお試しください</title>");
    expect(japanese).toContain("<p>現在このサイトは大変混み合っています。数秒後にもう一度お試しください。</p>");
    const french = await proxy("/", { headers: { "accept-language": "ja", cookie: "NEXT_LOCALE=fr" } });
    expect(await french.text()).toContain("<h1>Réessayez dans un instant</h1><p>Ce site est très sollicité en ce moment. Veuillez réessayer dans quelques secondes.</p>");
    const api = await (await import("@/app/api/portal/customer/route")).GET(
      new NextRequest("http://app.test/api/portal/customer", { headers: { "accept-language": "de-AT" } }),
      undefined,
    );
    expect(await api.json()).toEqual({
      error: { code: "server:busy", message: "Diese Website ist gerade stark ausgelastet. Bitte versuchen Sie es in ein paar Sekunden erneut.", retry_after: 5 },
    });
  });

  it("serves again once the heap is well below the mark, and not before", async () => {
    heap.used = 0.95 * heap.limit;
    expect((await proxy("/sign-in")).status).toBe(503);
    heap.used = 0.6 * heap.limit;
    expect((await proxy("/sign-in")).status).toBe(503);
    heap.used = 0.5 * heap.limit;
    const response = await proxy("/sign-in");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("a server that refused its database", () => {
  it("answers every request 503 with a message for the customer that quotes no configuration", async () => {
    vi.stubEnv("REVKEEN_API_KEY", LIVE_KEY);
    vi.stubEnv("DATABASE_DIR", join(ROOT, "a-file", "database"));
    const page = await proxy("/");
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("300");
    const html = await page.text();
    expect(html).toContain("<p>Billing is closed until this site's setup is finished. Please try again later.</p>");
    expect(html).not.toContain("refresh");
    expect(html).not.toContain("DATABASE");

    const api = await (await import("@/app/api/portal/customer/route")).GET(new NextRequest("http://app.test/api/portal/customer"), undefined);
    expect(api.status).toBe(503);
    expect(await api.json()).toEqual({
      error: { code: "server:misconfigured", message: "Billing is closed until this site's setup is finished. Please try again later.", retry_after: 300 },
    });
  });

  it("is not the keyless demo's lot: it runs on the same folder in memory", async () => {
    vi.stubEnv("DATABASE_DIR", join(ROOT, "a-file", "database"));
    expect((await proxy("/")).status).toBe(200);
  });
});
