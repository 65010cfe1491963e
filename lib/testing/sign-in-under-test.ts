// For unit tests: signing a demo customer in and out through Auth.js's own endpoints
// (/api/auth/…, the app's configuration in app/(auth)/auth.ts), as a browser's forms would, so the
// sign-in cookie is the one the app really issues. Needs the sandbox (no REVKEEN_API_KEY).
import { handlers } from "@/app/(auth)/auth";
import type { BrowserUnderTest } from "./browser-under-test";

const FORM = { "content-type": "application/x-www-form-urlencoded" };

async function csrfToken(browser: BrowserUnderTest): Promise<string> {
  const response = browser.take(await handlers.GET(browser.request("/api/auth/csrf")));
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** Signs `browser` in as the demo customer `customerId`; its jar then holds the sign-in cookie. */
export async function signInAsDemoCustomer(browser: BrowserUnderTest, customerId: string): Promise<void> {
  const body = new URLSearchParams({ csrfToken: await csrfToken(browser), customerId });
  const response = browser.take(await handlers.POST(browser.request("/api/auth/callback/demo", { method: "POST", headers: FORM, body })));
  if (![...browser.cookies.keys()].some((name) => name.endsWith("authjs.session-token"))) {
    throw new Error(`Demo sign-in set no session cookie (status ${response.status}).`);
  }
}

/** Signs `browser` out through Auth.js's own sign-out, which /sign-out calls too. */
export async function signOut(browser: BrowserUnderTest): Promise<void> {
  const body = new URLSearchParams({ csrfToken: await csrfToken(browser) });
  browser.take(await handlers.POST(browser.request("/api/auth/signout", { method: "POST", headers: FORM, body })));
}

/** The sign-in cookie's name and value, to replay later from another browser. */
export function signInCookie(browser: BrowserUnderTest): [string, string] {
  const entry = [...browser.cookies].find(([name]) => name.endsWith("authjs.session-token"));
  if (!entry) throw new Error("This browser is not signed in.");
  return entry;
}
