// Signing out keeps the language chosen in the footer: Clear-Site-Data drops every cookie, so the
// sign-out's redirect names the language, and the next step sets it again for this site's own
// sign-out only. Run through Auth.js's own endpoints, as the app runs them.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { BrowserUnderTest, TEST_ORIGIN } from "@/lib/testing/browser-under-test";

const browser = vi.hoisted(() => ({ current: null as BrowserUnderTest | null }));
vi.mock("next/headers", async () => (await import("@/lib/testing/browser-under-test")).nextHeadersOf(() => browser.current as BrowserUnderTest));

process.env.AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
process.env.AUTH_URL = TEST_ORIGIN;
process.env.REVKEEN_API_KEY = "";
process.env.DATABASE_URL = "";
process.env.DATABASE_DIR = "memory";

const { ADA_LOVELACE_ID } = await import("@/lib/sandbox/data/seed");
const { signInAsDemoCustomer } = await import("@/lib/testing/sign-in-under-test");
const { database } = await import("@/lib/server/database/client");
const signOutRoute = await import("./route");

beforeAll(() => database(), 120_000);

/** Signs a browser in as Ada with `language` chosen in the footer, then presses Sign out. */
async function signOutHaving(language: string | null): Promise<Response> {
  const user = new BrowserUnderTest();
  browser.current = user;
  await signInAsDemoCustomer(user, ADA_LOVELACE_ID);
  if (language !== null) user.cookies.set("NEXT_LOCALE", language);
  return signOutRoute.POST(user.request("/sign-out", { method: "POST", headers: { origin: TEST_ORIGIN } }));
}

/** The step after: GET /sign-out as the browser follows the redirect, from `site`. */
function thenFollow(location: string, site: string): Promise<Response> {
  return signOutRoute.GET(new BrowserUnderTest().request(location, { headers: { "sec-fetch-site": site } }));
}

describe("signing out", () => {
  it("clears every cookie and names the chosen language in its redirect", async () => {
    const response = await signOutHaving("ja");
    expect(response.status).toBe(303);
    expect(response.headers.get("clear-site-data")).toBe('"cookies"');
    expect(response.headers.get("location")).toBe("/sign-out?language=ja");
  });

  it.each([null, "pt", "JA", "ja-JP"])("goes straight home when the language cookie is %j", async (language) => {
    const response = await signOutHaving(language);
    expect(response.headers.get("clear-site-data")).toBe('"cookies"');
    expect(response.headers.get("location")).toBe("/");
  });

  it("sets the language again on its way home, as the switcher sets it", async () => {
    const response = await thenFollow("/sign-out?language=ja", "same-origin");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(new RegExp(`^NEXT_LOCALE=ja; Path=/; Expires=[^;]+; Max-Age=${365 * 24 * 60 * 60}; HttpOnly; SameSite=lax$`))]);
  });

  it.each([
    ["a link from another site", "/sign-out?language=ja", "cross-site"],
    ["a link typed or bookmarked", "/sign-out?language=ja", "none"],
    ["a language we do not have", "/sign-out?language=pt", "same-origin"],
    ["no language", "/sign-out", "same-origin"],
  ])("sets nothing for %s, and goes home", async (_case, location, site) => {
    const response = await thenFollow(location, site);
    expect(response.headers.get("location")).toBe("/");
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});
