// The footer's language switcher, called as the form posts it: it remembers a language we have in
// a cookie the page's scripts cannot read, for a year, and goes back to the page it was pressed on
// when the browser names one of this site's; a press from another site, or a language we do not
// have, sets nothing.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { formData } from "@/lib/testing/form-data";
import { OPEN_REDIRECT_ATTEMPTS } from "@/lib/testing/open-redirect-attempts";

const ORIGIN = "http://127.0.0.1:3000";
type CookieSet = { name: string; value: string; options: Record<string, unknown> };

const request = vi.hoisted(() => ({ headers: new Headers(), set: [] as CookieSet[] }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    set: (name: string, value: string, options: Record<string, unknown>) => request.set.push({ name, value, options }),
  }),
}));

class Redirected extends Error {
  constructor(readonly to: string) {
    super(`redirected to ${to}`);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Redirected(to);
  },
}));

process.env.AUTH_URL = ORIGIN;
process.env.AUTH_SECRET = "a-unit-test-secret-that-is-long-enough-123";
process.env.REVKEEN_API_KEY = "";

const { chooseLanguageAction } = await import("./choose-language-action");

/** Presses the switcher with `fields` from a page whose request carries `headers`; where it went, or null if it stayed. */
async function choose(fields: Record<string, string>, headers: Record<string, string>): Promise<string | null> {
  request.headers = new Headers({ host: "127.0.0.1:3000", "x-forwarded-proto": "http", ...headers });
  try {
    await chooseLanguageAction(formData(fields));
    return null;
  } catch (error) {
    if (error instanceof Redirected) return error.to;
    throw error;
  }
}

beforeEach(() => {
  request.set = [];
});

describe("choosing a language", () => {
  it("remembers it for a year in a cookie scripts cannot read, sent on the site's own navigations", async () => {
    expect(await choose({ locale: "ja" }, { origin: ORIGIN, referer: `${ORIGIN}/portal/invoices?page=2` })).toBe("/portal/invoices?page=2");
    expect(request.set).toEqual([
      { name: "NEXT_LOCALE", value: "ja", options: { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax", httpOnly: true, secure: false } },
    ]);
  });

  it.each(["en", "fr", "de", "es", "ja"])("takes %s", async (locale) => {
    await choose({ locale }, { origin: ORIGIN, referer: `${ORIGIN}/` });
    expect(request.set.map(({ name, value }) => [name, value])).toEqual([["NEXT_LOCALE", locale]]);
  });

  it("goes home when the browser names no page, or names another site's", async () => {
    expect(await choose({ locale: "fr" }, { origin: ORIGIN })).toBe("/");
    expect(await choose({ locale: "fr" }, { origin: ORIGIN, referer: "https://evil.example/portal" })).toBe("/");
    expect(await choose({ locale: "fr" }, { origin: ORIGIN, referer: "http://127.0.0.1:3001/portal" })).toBe("/");
    expect(await choose({ locale: "fr" }, { origin: ORIGIN, referer: "not a url" })).toBe("/");
    expect(request.set).toHaveLength(4);
  });

  // A header cannot carry a line break: those attempts never reach a Referer.
  it.each(OPEN_REDIRECT_ATTEMPTS.filter((path) => !/[\r\n]/.test(path)))("never leaves the site for a Referer whose path is %j", async (path) => {
    const to = await choose({ locale: "fr" }, { origin: ORIGIN, referer: `${ORIGIN}${path.startsWith("/") ? "" : "/"}${path}` });
    expect(to).not.toBeNull();
    expect(new URL(to ?? "", ORIGIN).origin).toBe(ORIGIN);
    expect(to?.startsWith("//")).toBe(false);
  });
});

describe("a press the switcher refuses", () => {
  it.each([
    ["another site's", "https://evil.example"],
    ["another port's", "http://127.0.0.1:3001"],
    ["an opaque", "null"],
  ])("from %s origin sets nothing and goes nowhere", async (_case, origin) => {
    expect(await choose({ locale: "fr" }, { origin, referer: `${ORIGIN}/portal` })).toBeNull();
    expect(request.set).toEqual([]);
  });

  it("without an Origin sets nothing", async () => {
    expect(await choose({ locale: "fr" }, { referer: `${ORIGIN}/portal` })).toBeNull();
    expect(request.set).toEqual([]);
  });

  it.each(["pt", "fr-CA", "EN", "", "en; Path=/x", "x".repeat(5_000)])("for %j, a language we do not have, sets nothing", async (locale) => {
    expect(await choose({ locale }, { origin: ORIGIN, referer: `${ORIGIN}/` })).toBeNull();
    expect(request.set).toEqual([]);
  });

  it("with no language at all sets nothing", async () => {
    expect(await choose({}, { origin: ORIGIN, referer: `${ORIGIN}/` })).toBeNull();
    expect(request.set).toEqual([]);
  });
});
